/** The sitemap protocol's documents: a urlset and a sitemap index. */
import { escapeXml } from '@/lib/xml';

export const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The sitemap protocol's limits: 50,000 entries per file, and URLs of 12 to 2,048 characters. */
export const MAX_SITEMAP_ENTRIES = 50_000;
const MAX_LOC_LENGTH = 2048;

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
