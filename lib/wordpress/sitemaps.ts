import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressRequestRejectedError } from './errors';
import { toIsoUtc } from './map';
import { pathFromWordPressLink } from './paths';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';

/** The kinds of object a sitemap lists, each in its own numbered chunks. */
export const SITEMAP_KINDS = ['posts', 'pages', 'categories', 'tags', 'authors'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/**
 * URLs per sitemap chunk: WordPress's per_page maximum, so a chunk is exactly one WordPress
 * request whatever the size of the site.
 */
export const SITEMAP_CHUNK_SIZE = 100;

/** A sitemap index lists at most 50,000 sitemaps; a chunk number beyond that is plainly invalid. */
export const MAX_SITEMAP_CHUNK = 50_000;

export interface SitemapEntry {
  /** Path on this frontend, the same as on WordPress. */
  path: string;
  /** ISO 8601 in UTC, for posts and pages; null where WordPress has no cheap answer (terms, authors). */
  lastModified: string | null;
}

/**
 * Where each kind is listed. Terms hide empty ones (their archives are 404s); /wp/v2/users
 * lists only users with published posts to an anonymous client. Everything is ordered by id,
 * so a new object lands in the last chunk instead of shifting every chunk.
 */
const SOURCES: Record<SitemapKind, { route: string; params: Record<string, string | boolean> }> = {
  posts: { route: '/wp/v2/posts', params: {} },
  pages: { route: '/wp/v2/pages', params: {} },
  categories: { route: '/wp/v2/categories', params: { hide_empty: true } },
  tags: { route: '/wp/v2/tags', params: { hide_empty: true } },
  authors: { route: '/wp/v2/users', params: {} },
};

const rawSitemapItemListSchema = z.array(
  z.object({
    id: z.number().int(),
    link: z.string(),
    modified_gmt: z.string().optional(),
  }),
);

const rawIdListSchema = z.array(z.object({ id: z.number().int() }));

function hasModified(kind: SitemapKind) {
  return kind === 'posts' || kind === 'pages';
}

/** A WordPress *_gmt value as ISO 8601 UTC; null when it is missing or WordPress's zero date. */
function utcDate(gmt: string | undefined): string | null {
  if (!gmt || gmt.startsWith('0000')) return null;
  const iso = toIsoUtc(gmt, gmt);
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** How many objects of a kind WordPress publishes: one request for a single id, reading X-WP-Total. */
export async function countContent(kind: SitemapKind): Promise<number> {
  const source = SOURCES[kind];
  const response = await wordpressTransport()({
    route: source.route,
    params: { ...source.params, per_page: 1, _fields: ['id'] },
    schema: rawIdListSchema,
    cache: publishedCache([TAGS.sitemap(kind)]),
  });
  return response.total ?? response.data.length;
}

/**
 * One chunk of a sitemap (1-based): at most SITEMAP_CHUNK_SIZE objects, in one WordPress
 * request with only the fields a sitemap needs. Returns null for a chunk past the end, and
 * for a chunk number that cannot exist without asking WordPress.
 */
export async function listSitemapChunk(kind: SitemapKind, chunk: number): Promise<SitemapEntry[] | null> {
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > MAX_SITEMAP_CHUNK) return null;
  const source = SOURCES[kind];
  let items: z.infer<typeof rawSitemapItemListSchema>;
  try {
    const response = await wordpressTransport()({
      route: source.route,
      params: {
        ...source.params,
        page: chunk,
        per_page: SITEMAP_CHUNK_SIZE,
        orderby: 'id',
        order: 'asc',
        _fields: hasModified(kind) ? ['id', 'link', 'modified_gmt'] : ['id', 'link'],
      },
      schema: rawSitemapItemListSchema,
      cache: publishedCache([TAGS.sitemap(kind)]),
    });
    items = response.data;
  } catch (error) {
    // Posts and pages answer 400 past the last page; terms and users answer an empty list.
    if (error instanceof WordPressRequestRejectedError && error.code === 'rest_post_invalid_page_number') {
      return null;
    }
    throw error;
  }
  if (items.length === 0 && chunk > 1) return null;
  const addresses = await getSiteAddresses();
  const entries: SitemapEntry[] = [];
  for (const item of items) {
    const path = pathFromWordPressLink(item.link, addresses);
    // A link away from the Site Address (a plugin's redirect, say) is not a page of this site.
    if (path === null) continue;
    entries.push({ path, lastModified: hasModified(kind) ? utcDate(item.modified_gmt) : null });
  }
  return entries;
}
