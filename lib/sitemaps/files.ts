import { MAX_SITEMAP_CHUNK, SITEMAP_CHUNK_SIZE, type SitemapKind } from '@/lib/wordpress';

/** Where the sitemap chunks are served: /sitemaps/<kind>-<n>.xml, n from 1. */
export const SITEMAPS_PATH = '/sitemaps/';

/** A kind's name is its REST collection's ("posts", "event-series"); which ones exist the registry says. */
const FILE_NAME = /^([a-z0-9_]{1,30}(?:-[a-z0-9_]{1,30}){0,4})-([1-9]\d{0,5})\.xml$/;

export function sitemapFileName(kind: Pick<SitemapKind, 'name'>, chunk: number): string {
  return `${kind.name}-${chunk}.xml`;
}

/** A chunk's file name as served; null when it cannot be one (so no WordPress request is made). */
export function parseSitemapFileName(name: string): { kindName: string; chunk: number } | null {
  const match = FILE_NAME.exec(name);
  const kindName = match?.[1];
  const chunk = Number(match?.[2]);
  if (kindName === undefined || chunk > MAX_SITEMAP_CHUNK) return null;
  return { kindName, chunk };
}

/**
 * How many chunks a kind has. The pages sitemap always has its first chunk: it lists the front
 * page, so the index is never empty.
 */
export function chunkCount(kind: Pick<SitemapKind, 'listsFrontPage'>, total: number): number {
  const chunks = Math.min(Math.ceil(total / SITEMAP_CHUNK_SIZE), MAX_SITEMAP_CHUNK);
  return kind.listsFrontPage ? Math.max(chunks, 1) : chunks;
}
