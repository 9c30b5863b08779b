import { parsePageNumber } from './permalinks';

/**
 * Posts split into pages with `<!--nextpage-->` (the Page Break block), served at WordPress's own
 * addresses: page 1 at the post's path, page N at /post/N/ under every permalink structure.
 */

/**
 * The break as it reaches the REST API's rendered content: the bare comment, perhaps wrapped in a
 * paragraph by wpautop (classic content) or with the block's comments around it.
 */
const PAGE_BREAK =
  /\s*(?:<!--\s*wp:nextpage\s*-->\s*)?(?:<p>\s*)?<!--\s*nextpage\s*-->(?:\s*<\/p>)?(?:\s*<!--\s*\/wp:nextpage\s*-->)?\s*/i;

/** The pages of a post's rendered content; one page when it has no break. Empty pages are dropped, as WordPress does. */
export function splitContentPages(html: string): string[] {
  if (!/<!--\s*nextpage\s*-->/i.test(html)) return [html];
  const pages = html.split(new RegExp(PAGE_BREAK.source, 'gi')).filter((page) => page.trim() !== '');
  return pages.length > 0 ? pages : [''];
}

/** The path of page N of a post at `postPath` (with trailing slash), as WordPress links it. */
export function contentPagePath(postPath: string, page: number): string {
  return page <= 1 ? postPath : `${postPath}${page}/`;
}

/**
 * Splits a trailing page number off a content path ("/post/2/" → /post/, 2). Null when there is
 * none; page 1 is returned as such (WordPress redirects /post/1/ to the post).
 */
export function splitContentPage(segments: readonly string[]): { base: string[]; page: number } | null {
  const last = segments.at(-1);
  if (segments.length < 2 || last === undefined || !/^\d+$/.test(last)) return null;
  const page = parsePageNumber(last);
  return page === null ? { base: segments.slice(0, -1), page: 0 } : { base: segments.slice(0, -1), page };
}
