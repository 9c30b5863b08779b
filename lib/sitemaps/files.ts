import { MAX_SITEMAP_CHUNK, SITEMAP_CHUNK_SIZE, SITEMAP_KINDS, type SitemapKind } from '@/lib/wordpress';

/** Where the sitemap chunks are served: /sitemaps/<kind>-<n>.xml, n from 1. */
export const SITEMAPS_PATH = '/sitemaps/';

const FILE_NAME = new RegExp(`^(${SITEMAP_KINDS.join('|')})-([1-9]\\d{0,5})\\.xml$`);

export function sitemapFileName(kind: SitemapKind, chunk: number): string {
  return `${kind}-${chunk}.xml`;
}

function isSitemapKind(value: string): value is SitemapKind {
  return (SITEMAP_KINDS as readonly string[]).includes(value);
}

/** A chunk's file name as served; null when it cannot be one (so no WordPress request is made). */
export function parseSitemapFileName(name: string): { kind: SitemapKind; chunk: number } | null {
  const match = FILE_NAME.exec(name);
  const kind = match?.[1];
  const chunk = Number(match?.[2]);
  if (kind === undefined || !isSitemapKind(kind) || chunk > MAX_SITEMAP_CHUNK) return null;
  return { kind, chunk };
}

/**
 * How many chunks a kind has. The pages sitemap always has its first chunk: it lists the front
 * page, so the index is never empty.
 */
export function chunkCount(kind: SitemapKind, total: number): number {
  const chunks = Math.min(Math.ceil(total / SITEMAP_CHUNK_SIZE), MAX_SITEMAP_CHUNK);
  return kind === 'pages' ? Math.max(chunks, 1) : chunks;
}
