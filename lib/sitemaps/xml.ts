/**
 * The XML documents Broadsheet serves: sitemaps are written here; the feeds (lib/feeds) reuse
 * the character filter and the response headers.
 */

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemap protocol's limits: 50,000 entries per file, and URLs of 12 to 2,048 characters. */
export const MAX_SITEMAP_ENTRIES = 50_000;
const MAX_LOC_LENGTH = 2048;

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE and U+FFFF. WordPress content may carry
 * them (pasted from word processors); one would make the whole document unreadable.
 */
const INVALID_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function removeInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '');
}

/** Text or an attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return removeInvalidXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface SitemapLocation {
  /** Absolute URL. */
  loc: string;
  /** ISO 8601 date-time (W3C Datetime), or null to leave it out. */
  lastmod: string | null;
}

function entryXml(element: 'url' | 'sitemap', entry: SitemapLocation): string {
  const lastmod = entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : '';
  return `<${element}><loc>${escapeXml(entry.loc)}</loc>${lastmod}</${element}>`;
}

/** URLs the protocol cannot carry are left out rather than invalidating the file. */
function usable(entries: readonly SitemapLocation[]): SitemapLocation[] {
  return entries
    .filter((entry) => entry.loc.length >= 12 && entry.loc.length <= MAX_LOC_LENGTH)
    .slice(0, MAX_SITEMAP_ENTRIES);
}

function document(root: 'urlset' | 'sitemapindex', element: 'url' | 'sitemap', entries: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${root} xmlns="${SITEMAP_NAMESPACE}">\n` +
    entries.map((entry) => `${entry}\n`).join('') +
    `</${root}>\n`
  );
}

/** A sitemap (urlset). The protocol requires at least one <url>: callers answer 404 for none. */
export function buildUrlset(entries: readonly SitemapLocation[]): string {
  return document(
    'urlset',
    'url',
    usable(entries).map((entry) => entryXml('url', entry)),
  );
}

/** A sitemap index (sitemapindex), listing sitemap files. */
export function buildSitemapIndex(entries: readonly SitemapLocation[]): string {
  return document(
    'sitemapindex',
    'sitemap',
    usable(entries).map((entry) => entryXml('sitemap', entry)),
  );
}

export const CONTENT_TYPES = {
  xml: 'application/xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

/**
 * Cache-Control for the XML documents: a CDN keeps them for the revalidation period and may
 * serve a stale copy for as long again (at least a day) while it refetches; Next's own cache
 * (ISR, refreshed by the webhook's tags) answers that refetch without asking WordPress.
 */
export function xmlCacheControl(revalidateSeconds: number): string {
  return `public, max-age=0, s-maxage=${revalidateSeconds}, stale-while-revalidate=${Math.max(revalidateSeconds, 86_400)}`;
}

export function xmlResponse(
  body: string,
  options: { contentType: string; revalidateSeconds: number; headers?: Record<string, string> },
): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': options.contentType,
      'Cache-Control': xmlCacheControl(options.revalidateSeconds),
      ...options.headers,
    },
  });
}

/** A plain 404 for a document that does not exist, cached like the documents themselves. */
export function xmlNotFound(revalidateSeconds: number): Response {
  return new Response('Not found\n', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': xmlCacheControl(revalidateSeconds),
    },
  });
}
