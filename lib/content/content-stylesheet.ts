import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CONTENT_SCOPE, stylesForContent } from './global-styles';
import { mediaOriginsOf, sanitizeContent } from './sanitize';
import { WORDPRESS_DEFAULT_PRESETS_CSS } from './wordpress-default-presets';
import {
  blockLibraryFor,
  getBlockLibrary,
  getContentStylesSource,
  getSiteInfo,
  KIND_NAME,
  type SiteAddresses,
} from '@/lib/wordpress';

export { CONTENT_SCOPE };

/**
 * Where a published item's content stylesheet is served (app/%5Fbroadsheet/content-css): below a
 * prefix no WordPress permalink starts with, outside `/api/` so that HTTP caches keep it.
 */
export const CONTENT_STYLESHEET_PREFIX = '/_broadsheet/content-css/';

/** Hex digits of the stylesheet's SHA-256 in its address: enough to never collide on one site. */
const HASH_LENGTH = 16;
const FILE_NAME = new RegExp(`^([0-9a-f]{${HASH_LENGTH}})\\.css$`);

export interface ContentStylesheetInput {
  /** The item's content, sanitised (lib/content/sanitize.ts): its classes say which rules apply. */
  contentHtml: string;
  /** The block-supports CSS WordPress wrote while rendering it (Post.blockStylesCss). */
  blockStylesCss: string | undefined;
  /** The blocks WordPress rendered for it (Post.blockNames), when the companion plugin says. */
  blockNames?: string[] | undefined;
  /** The site's global stylesheet (SiteInfo.globalStylesheet), when the companion plugin sends it. */
  globalStylesheet: string | undefined;
  addresses: SiteAddresses;
}

/**
 * The part of WordPress's block CSS one piece of content uses, in the order WordPress prints it:
 * the site's WordPress's own block library (on a site that loads each block's CSS only with the
 * block, the common rules and those of the blocks the content renders), the site's global stylesheet (or WordPress's default
 * presets, without the companion plugin) and the block-supports rules WordPress wrote while
 * rendering it, scoped to CONTENT_SCOPE and cut to the classes the content has. Empty when none
 * applies.
 */
export async function contentCss(input: ContentStylesheetInput): Promise<string> {
  const blockLibrary = blockLibraryFor(await getBlockLibrary(), input.blockNames);
  return stylesForContent(
    [
      ...blockLibrary.map((stylesheet) => ({ css: stylesheet, origin: 'core' as const })),
      { css: input.globalStylesheet ?? WORDPRESS_DEFAULT_PRESETS_CSS, origin: 'site' },
      { css: input.blockStylesCss ?? '', origin: 'post' },
    ],
    input.contentHtml,
    { mediaOrigins: mediaOriginsOf(input.addresses) },
  );
}

/** The name a stylesheet is served under: its own digest, so any change is a new address. */
export function contentStylesheetHash(css: string): string {
  return createHash('sha256').update(css).digest('hex').slice(0, HASH_LENGTH);
}

export interface ContentStylesheetAddress {
  type: string;
  id: number;
  hash: string;
}

export function contentStylesheetPath({ type, id, hash }: ContentStylesheetAddress): string {
  return `${CONTENT_STYLESHEET_PREFIX}${type}/${id}/${hash}.css`;
}

/** The address a request's path segments name, or null when they cannot name one. */
export function parseContentStylesheetAddress(
  type: string,
  id: string,
  file: string,
): ContentStylesheetAddress | null {
  const hash = FILE_NAME.exec(file)?.[1];
  if (!hash || !KIND_NAME.test(type) || !/^[1-9]\d{0,9}$/.test(id)) return null;
  return { type, id: Number(id), hash };
}

/**
 * How often one item's stylesheet may be recomputed from WordPress past the cache, when the
 * cached item does not give the requested digest: right after an edit the cache still holds the
 * item as it was (it refreshes in the background), while the page that asks was rendered from
 * the new one. Bounded, because anyone can ask for any digest.
 */
const FRESH_READ_INTERVAL_MS = 5_000;
const freshReads = new LRUCache<string, number>({ max: 5_000 });

function mayReadFresh(address: ContentStylesheetAddress, now = Date.now()): boolean {
  const key = `${address.type}:${address.id}`;
  const last = freshReads.get(key);
  if (last !== undefined && now - last < FRESH_READ_INTERVAL_MS) return false;
  freshReads.set(key, now);
  return true;
}

/**
 * Stylesheets this instance has answered for good, by address: an address names its text, so
 * the next reader's request (every reader without it in their browser's cache, when no HTTP cache
 * is in front) costs a lookup instead of a sanitising and a filtering of the block library.
 */
const answered = new LRUCache<string, string>({
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (css) => Math.max(1, css.length),
});

/** A year: the longest lifetime HTTP caches are asked to keep anything. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CSS_TYPE = 'text/css; charset=utf-8';

/**
 * The answer to a request for a published item's content stylesheet, recomputed from the same
 * cached WordPress data its page was rendered from (so any instance can answer it, with nothing
 * to store; this instance keeps what it answered for good, see `answered`). When the digest
 * matches, it is kept for good by every cache. When it does not, the
 * item is read again past the cache (at most every FRESH_READ_INTERVAL_MS): a page rendered
 * right after an edit names rules the cache does not have yet. When the item changed since the
 * page that asked was rendered, the current stylesheet is sent, uncached: closer to the content
 * than nothing, and the page's next render names the new address. No such public
 * item (or a password-protected one): 404. WordPress failing with nothing cached: 503, uncached,
 * so no cache keeps the failure.
 */
export async function answerContentStylesheet(address: ContentStylesheetAddress | null): Promise<Response> {
  if (!address) return notFound();
  const path = contentStylesheetPath(address);
  const known = answered.get(path);
  if (known !== undefined) return stylesheet(known, IMMUTABLE);
  let css: string;
  try {
    const cssFrom = async (fresh: boolean) => {
      const [source, site] = await Promise.all([getContentStylesSource(address, { fresh }), getSiteInfo()]);
      if (!source) return null;
      return contentCss({
        contentHtml: sanitizeContent(source.contentHtml, site.addresses),
        blockStylesCss: source.blockStylesCss,
        blockNames: source.blockNames,
        globalStylesheet: site.globalStylesheet,
        addresses: site.addresses,
      });
    };
    let current = await cssFrom(false);
    if (current !== null && contentStylesheetHash(current) !== address.hash && mayReadFresh(address)) {
      current = await cssFrom(true);
    }
    if (current === null) return notFound();
    css = current;
  } catch {
    return new Response('/* WordPress could not be reached */\n', {
      status: 503,
      headers: { 'Content-Type': CSS_TYPE, 'Cache-Control': 'no-store', 'Retry-After': '5' },
    });
  }
  if (contentStylesheetHash(css) !== address.hash) return stylesheet(css, 'no-store');
  answered.set(path, css);
  return stylesheet(css, IMMUTABLE);
}

function stylesheet(css: string, cacheControl: string): Response {
  return new Response(css, {
    status: 200,
    headers: { 'Content-Type': CSS_TYPE, 'Cache-Control': cacheControl },
  });
}

function notFound(): Response {
  return new Response('/* No such stylesheet */\n', {
    status: 404,
    headers: { 'Content-Type': CSS_TYPE, 'Cache-Control': 'no-store' },
  });
}
