/**
 * WordPress's URL grammar around its objects: /page/N/ of a list, date archives, comment pages.
 * Decided before any WordPress request: a path that cannot be one of them is a 404 without
 * asking WordPress.
 */

/** Beyond this a page number is plainly invalid: no WordPress request is made for it. */
export const MAX_PAGE_NUMBER = 10_000;

/** A /page/N/ segment as WordPress accepts it: digits only, no leading zero, within range. */
export function parsePageNumber(segment: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null;
  const page = Number(segment);
  return page <= MAX_PAGE_NUMBER ? page : null;
}

/**
 * Splits a trailing /page/N/ off archive segments. Returns null when the pagination part is
 * malformed, and for an explicit page 1 (WordPress redirects that; so does next.config.ts for
 * the front page, and archive routes answer 404 rather than keeping a duplicate URL).
 */
export function splitPagination(segments: readonly string[]): { base: string[]; page: number } | null {
  const pageIndex = segments.length - 2;
  if (pageIndex >= 0 && segments[pageIndex] === 'page') {
    const page = parsePageNumber(segments[pageIndex + 1] ?? '');
    if (page === null || page === 1) return null;
    return { base: segments.slice(0, pageIndex), page };
  }
  return { base: [...segments], page: 1 };
}

export type DateArchive = { year: number; month?: number; day?: number };

/** /YYYY/, /YYYY/MM/ or /YYYY/MM/DD/ as a real calendar date; null otherwise. */
export function parseDateArchive(segments: readonly string[]): DateArchive | null {
  if (segments.length < 1 || segments.length > 3) return null;
  const [yearText, monthText, dayText] = segments;
  if (!yearText || !/^\d{4}$/.test(yearText)) return null;
  const year = Number(yearText);
  if (year < 1970) return null;
  if (monthText === undefined) return { year };
  if (!/^\d{2}$/.test(monthText)) return null;
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  if (dayText === undefined) return { year, month };
  if (!/^\d{2}$/.test(dayText)) return null;
  const day = Number(dayText);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day };
}

export function dateArchivePath({ year, month, day }: DateArchive): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `/${year}/${month ? `${pad(month)}/` : ''}${day ? `${pad(day)}/` : ''}`;
}

/** The path of page N of a list whose first page is at `basePath` (with trailing slash). */
export function paginatedPath(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}page/${page}/`;
}

export function searchPath(term: string, page = 1): string {
  const params = new URLSearchParams({ s: term });
  if (page > 1) params.set('page', String(page));
  return `/search/?${params.toString()}`;
}

/**
 * The comment page of a post, at WordPress's own path (/post/comment-page-2/): a real URL, so
 * comment pages work without JavaScript and are cached like the post. Page 1 is the post itself.
 */
export function commentPagePath(postPath: string, page: number): string {
  return page <= 1 ? postPath : `${postPath}comment-page-${page}/`;
}

/**
 * Splits a trailing comment-page-N segment off a content path. Returns null when it is malformed
 * or names page 1 (the post itself is that page).
 */
export function splitCommentPage(
  segments: readonly string[],
): { base: string[]; commentPage: number } | null {
  const last = segments.at(-1);
  const match = last?.match(/^comment-page-(.*)$/);
  if (!match) return { base: [...segments], commentPage: 1 };
  const page = parsePageNumber(match[1] ?? '');
  if (page === null || page === 1 || segments.length < 2) return null;
  return { base: segments.slice(0, -1), commentPage: page };
}
