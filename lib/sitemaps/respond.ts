import { getConfig } from '@/lib/config';
import {
  countContent,
  getSiteSettings,
  listSitemapChunk,
  listSitemapKinds,
  type SitemapEntry,
} from '@/lib/wordpress';
import { chunkCount, parseSitemapFileName, SITEMAPS_PATH, sitemapFileName } from './files';
import { CONTENT_TYPES, xmlNotFound, xmlResponse } from '@/lib/xml';
import { buildSitemapIndex, buildUrlset } from './xml';

/** Sitemaps are for crawlers to read, not to list in results (WordPress sends the same). */
const SITEMAP_HEADERS = { 'X-Robots-Tag': 'noindex, follow' };

/** WordPress serves no sitemaps while the site discourages search engines (blog_public = 0). */
async function sitemapsEnabled(): Promise<boolean> {
  return (await getSiteSettings()).reading.searchEngineVisible;
}

/**
 * GET /sitemap.xml: the index of every chunk. One small WordPress request per kind (a count),
 * whatever the size of the site.
 */
export async function sitemapIndexResponse(): Promise<Response> {
  const { siteUrl, revalidateSeconds } = getConfig();
  if (!(await sitemapsEnabled())) return xmlNotFound(revalidateSeconds);
  const kinds = await listSitemapKinds();
  const totals = await Promise.all(kinds.map((kind) => countContent(kind)));
  const entries = kinds.flatMap((kind, index) =>
    Array.from({ length: chunkCount(kind, totals[index] ?? 0) }, (_, chunk) => ({
      loc: `${siteUrl}${SITEMAPS_PATH}${sitemapFileName(kind, chunk + 1)}`,
      lastmod: null,
    })),
  );
  return xmlResponse(buildSitemapIndex(entries), {
    contentType: CONTENT_TYPES.xml,
    revalidateSeconds,
    headers: SITEMAP_HEADERS,
  });
}

/**
 * GET /sitemaps/<kind>-<n>.xml: one chunk, one WordPress request. A name that cannot be a chunk
 * is a 404 without asking WordPress; so is a chunk past the end.
 */
export async function sitemapChunkResponse(fileName: string): Promise<Response> {
  const { siteUrl, revalidateSeconds } = getConfig();
  const parsed = parseSitemapFileName(fileName);
  if (!parsed || !(await sitemapsEnabled())) return xmlNotFound(revalidateSeconds);
  const kind = (await listSitemapKinds()).find((candidate) => candidate.name === parsed.kindName);
  if (!kind) return xmlNotFound(revalidateSeconds);
  const listed = await listSitemapChunk(kind, parsed.chunk);
  if (!listed) return xmlNotFound(revalidateSeconds);
  const entries: SitemapEntry[] = [...listed];
  // The front page is no WordPress object of its own (unless a static page is it): the first
  // pages chunk lists it, as WordPress's own sitemap does.
  if (kind.listsFrontPage && parsed.chunk === 1 && !entries.some((entry) => entry.path === '/')) {
    entries.unshift({ path: '/', lastModified: null });
  }
  // The protocol has no empty sitemap.
  if (entries.length === 0) return xmlNotFound(revalidateSeconds);
  const body = buildUrlset(
    entries.map((entry) => ({ loc: `${siteUrl}${entry.path}`, lastmod: entry.lastModified })),
  );
  return xmlResponse(body, { contentType: CONTENT_TYPES.xml, revalidateSeconds, headers: SITEMAP_HEADERS });
}
