// The cache tags of a response, from Next's cache entry to the headers HTTP caches purge by.
//
// Where a page's tags come from: Next's own cache entry. While a page renders, Next collects the
// tags of every fetch it makes (lib/wordpress puts `wp:content:93`, `wp:list:home`, … on each)
// and stores them with the rendered page, in the entry's `x-next-cache-tags` header; that is the
// list Next itself checks when a tag is revalidated. Next removes that header from what it sends
// (it keeps it only on its own hosting platform), so the cache handler (cache-handler.mjs) copies
// it into ENTRY_TAGS_HEADER on every entry it reads or writes, which Next does send, and the
// server turns it into the public headers below. Collecting tags during render instead would
// need a second bookkeeping of every fetch, and would know nothing for a page served from the
// cache (another instance's render, a copy read back from Redis after a restart); the entry
// carries its tags wherever it goes.
//
// Public headers: `Surrogate-Key` (Fastly and most surrogate caches, space separated),
// `Cache-Tag` (Cloudflare, comma separated) and `xkey` (Varnish's xkey module, space separated).
// Each tag is prefixed with CACHE_TAG_PREFIX so several sites can share one cache, and every page
// also carries the site's own tag (`<prefix>all`) so an operator can purge one whole site.

/** Where the cache handler puts an entry's tags for the server; never sent to a client. */
export const ENTRY_TAGS_HEADER = 'x-broadsheet-cache-tags';
/** Where Next keeps the tags in its cache entry. */
export const NEXT_TAGS_HEADER = 'x-next-cache-tags';
/**
 * A header line stays under 8,000 bytes: Varnish refuses a backend response with a longer one
 * (http_resp_hdr_len, 8 KiB by default); Fastly and Cloudflare allow 16 KiB.
 */
export const MAX_TAG_HEADER_BYTES = 8_000;
/** Fastly and Cloudflare refuse a single tag over 1,024 bytes. */
const MAX_TAG_BYTES = 1_024;
/**
 * A page whose tags do not fit carries this tag instead of them, and every purge includes it:
 * such a page is purged by every change, so it can never stay stale in the cache in front.
 */
export const OVERFLOW_TAG = 'overflow';
export const SITE_TAG = 'all';

/**
 * Next's implicit tags (`_N_T_/layout`, `_N_T_/[...path]/page`, `_N_T_/some/path`) name routes
 * and layouts, for revalidatePath; Broadsheet revalidates by data tags only, so they are kept out
 * of the public headers.
 */
const NEXT_IMPLICIT_TAG = /^_N_T_/;

/**
 * The tags of a cache entry's header value (Next joins them with commas).
 * @param {unknown} value
 * @returns {string[] | null} null when the entry says nothing about its tags
 */
export function parseEntryTags(value) {
  if (typeof value !== 'string') return null;
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * Copies the tags Next stored with a cache entry to where the server will see them. Called by
 * the cache handler on every entry it reads or writes; harmless on entries without tags.
 * @param {{ headers?: Record<string, unknown> } | null | undefined} value a cache entry's value
 */
export function exposeEntryTags(value) {
  const headers = value?.headers;
  if (!headers || typeof headers !== 'object') return;
  const tags = headers[NEXT_TAGS_HEADER];
  if (typeof tags === 'string') headers[ENTRY_TAGS_HEADER] = tags;
}

/**
 * A tag as a token every cache accepts: no separators (space, comma) and no control characters.
 * @param {string} tag
 */
function asToken(tag) {
  // Printable ASCII but space, comma and "%" stays; everything else is percent-encoded (UTF-8).
  return tag.replace(/[^\x21-\x24\x26-\x2b\x2d-\x7e]/gu, (character) => encodeURIComponent(character));
}

/**
 * The tags a cache in front is told for a page, prefixed: its data tags and the site's own tag,
 * or, when they would not fit in one header line, the overflow tag and the site's own tag.
 * @param {readonly string[]} tags the entry's tags
 * @param {string} prefix CACHE_TAG_PREFIX
 * @param {number} [maxBytes]
 */
export function publicTags(tags, prefix, maxBytes = MAX_TAG_HEADER_BYTES) {
  const site = `${prefix}${SITE_TAG}`;
  const chosen = [];
  const seen = new Set();
  for (const tag of tags) {
    if (NEXT_IMPLICIT_TAG.test(tag)) continue;
    const prefixed = asToken(`${prefix}${tag}`);
    if (seen.has(prefixed)) continue;
    seen.add(prefixed);
    chosen.push(prefixed);
  }
  chosen.push(site);
  const fits =
    chosen.every((tag) => Buffer.byteLength(tag) <= MAX_TAG_BYTES) &&
    Buffer.byteLength(chosen.join(' ')) <= maxBytes;
  return fits ? chosen : [`${prefix}${OVERFLOW_TAG}`, site];
}

/**
 * The tags to purge in the cache in front after a revalidation of `tags`: the same prefixed
 * names the pages carry, and the overflow tag (see OVERFLOW_TAG).
 * @param {readonly string[]} tags
 * @param {string} prefix
 */
export function purgeTags(tags, prefix) {
  const names = new Set(
    tags.filter((tag) => !NEXT_IMPLICIT_TAG.test(tag)).map((tag) => asToken(`${prefix}${tag}`)),
  );
  names.add(`${prefix}${OVERFLOW_TAG}`);
  return [...names];
}

/**
 * The response headers naming a page's tags, in the three forms caches read.
 * @param {readonly string[]} tags from publicTags
 */
export function tagHeaders(tags) {
  const spaced = tags.join(' ');
  return { 'surrogate-key': spaced, 'cache-tag': tags.join(','), xkey: spaced };
}

/**
 * Shared caches may keep an answer Next gave from a stale entry (`x-nextjs-cache: STALE`, its
 * fresh version being rendered meanwhile) for a second only: it is the answer a cache in front
 * gets when it refetches a page just after a purge, and keeping it for `s-maxage` would undo
 * the purge.
 * @param {string} cacheControl
 */
export function staleAnswerCacheControl(cacheControl) {
  if (!/\bs-maxage=\d+/i.test(cacheControl)) return cacheControl;
  return cacheControl.replace(/\bs-maxage=\d+/i, 's-maxage=1');
}

/**
 * Turns the tags the cache handler exposed on a response into the public headers, once, before
 * the response is sent. Returns the entry's tags (unprefixed, as revalidations name them), or
 * null when the response came from no tagged entry.
 * @param {import('node:http').ServerResponse} res
 * @param {string} prefix
 * @returns {string[] | null}
 */
export function applyCacheTags(res, prefix) {
  const raw = res.getHeader(ENTRY_TAGS_HEADER);
  if (raw === undefined) return null;
  res.removeHeader(ENTRY_TAGS_HEADER);
  const tags = parseEntryTags(Array.isArray(raw) ? raw.join(',') : String(raw)) ?? [];
  for (const [name, value] of Object.entries(tagHeaders(publicTags(tags, prefix))))
    res.setHeader(name, value);
  if (String(res.getHeader('x-nextjs-cache') ?? '').toUpperCase() === 'STALE') {
    const cacheControl = res.getHeader('cache-control');
    if (typeof cacheControl === 'string')
      res.setHeader('cache-control', staleAnswerCacheControl(cacheControl));
  }
  return tags;
}

/**
 * CACHE_TAG_PREFIX: what every public tag starts with, so sites sharing one cache purge only
 * their own pages. Letters, digits and `.`, `_`, `:`, `-` only, up to 64; empty by default.
 * @param {Record<string, string | undefined>} env
 */
export function tagPrefixFrom(env) {
  const prefix = (env.CACHE_TAG_PREFIX ?? '').trim();
  if (!/^[A-Za-z0-9._:-]{0,64}$/.test(prefix)) {
    throw new Error(
      'CACHE_TAG_PREFIX may hold letters, digits, ".", "_", ":" and "-" only, up to 64, e.g. news:',
    );
  }
  return prefix;
}
