import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressRequestRejectedError } from './errors';
import { getKinds, type Kinds } from './kinds';
import { toIsoUtc } from './map';
import { pathFromWordPressLink } from './paths';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';

/**
 * One sitemap: the objects of one kind — a post type, a taxonomy's terms, or authors — in
 * numbered chunks, named after the kind's REST collection ("posts", "pages", "events",
 * "categories", "tags", "authors").
 */
export interface SitemapKind {
  name: string;
  route: string;
  params: Record<string, string | boolean>;
  tag: string;
  /** Posts and other items have a cheap last-modified date; terms and users do not. */
  hasModified: boolean;
  /** The pages sitemap also lists the front page (see lib/sitemaps/respond.ts). */
  listsFrontPage: boolean;
}

/**
 * Every sitemap of the site, from the registry: each viewable post type, each viewable
 * taxonomy, and authors. Terms hide empty ones (their archives are 404s); /wp/v2/users lists
 * only users with published posts to an anonymous client.
 */
export function sitemapKindsOf(kinds: Kinds): SitemapKind[] {
  const all: SitemapKind[] = [
    ...kinds.content.map((kind) => ({
      name: collectionName(kind.route),
      route: kind.route,
      params: {},
      tag: TAGS.sitemap(`type:${kind.type}`),
      hasModified: true,
      listsFrontPage: kind.type === 'page',
    })),
    ...kinds.taxonomies.map((kind) => ({
      name: collectionName(kind.route),
      route: kind.route,
      params: { hide_empty: true },
      tag: TAGS.sitemap(`taxonomy:${kind.taxonomy}`),
      hasModified: false,
      listsFrontPage: false,
    })),
    {
      name: 'authors',
      route: '/wp/v2/users',
      params: {},
      tag: TAGS.sitemap('authors'),
      hasModified: false,
      listsFrontPage: false,
    },
  ];
  // Two kinds of one name (collections of one base in two namespaces) keep the first.
  return all.filter((kind, index) => all.findIndex((other) => other.name === kind.name) === index);
}

/** "/wp/v2/event-series" → "event-series". */
function collectionName(route: string): string {
  return route.slice(route.lastIndexOf('/') + 1);
}

/** The site's sitemaps, from the cached registry. */
export async function listSitemapKinds(): Promise<SitemapKind[]> {
  return sitemapKindsOf(await getKinds());
}

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

const rawSitemapItemListSchema = z.array(
  z.object({
    id: z.number().int(),
    link: z.string(),
    modified_gmt: z.string().optional(),
  }),
);

const rawIdListSchema = z.array(z.object({ id: z.number().int() }));

/** A WordPress *_gmt value as ISO 8601 UTC; null when it is missing or WordPress's zero date. */
function utcDate(gmt: string | undefined): string | null {
  if (!gmt || gmt.startsWith('0000')) return null;
  const iso = toIsoUtc(gmt, gmt);
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** How many objects of a kind WordPress publishes: one request for a single id, reading X-WP-Total. */
export async function countContent(kind: SitemapKind): Promise<number> {
  const response = await wordpressTransport()({
    route: kind.route,
    params: { ...kind.params, per_page: 1, _fields: ['id'] },
    schema: rawIdListSchema,
    cache: publishedCache([kind.tag]),
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
  let items: z.infer<typeof rawSitemapItemListSchema>;
  try {
    const response = await wordpressTransport()({
      route: kind.route,
      // Ordered by id, so a new object lands in the last chunk instead of shifting every chunk.
      params: {
        ...kind.params,
        page: chunk,
        per_page: SITEMAP_CHUNK_SIZE,
        orderby: 'id',
        order: 'asc',
        _fields: kind.hasModified ? ['id', 'link', 'modified_gmt'] : ['id', 'link'],
      },
      schema: rawSitemapItemListSchema,
      cache: publishedCache([kind.tag]),
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
    entries.push({ path, lastModified: kind.hasModified ? utcDate(item.modified_gmt) : null });
  }
  return entries;
}
