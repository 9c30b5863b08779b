import { cache } from 'react';
import { htmlToText } from './html-text';
import { publishedCache, wordpressTransport } from './client';
import { mapAuthor, mapTerm } from './map';
import { isPlausibleSlug, parsePathSegments, pathFromSegments, samePath } from './paths';
import { rawTermSchema, rawUserSchema } from './schemas';
import { getSiteAddresses } from './site';
import type { TaxonomyKind } from './kinds';
import { TAGS } from './tags';
import type { Author, SiteAddresses, Term } from './types';
import { z } from 'zod';

export type Lookup<T> =
  { kind: 'found'; value: T } | { kind: 'redirect'; path: string } | { kind: 'not-found' };

export interface TermArchive extends Term {
  /** Plain text. */
  description: string;
  /** Yoast's head of the archive's first page, when Yoast describes it (checked in lib/seo). */
  yoastHeadJson: Record<string, unknown> | null;
}

export interface AuthorArchive extends Author {
  /** Yoast's head of the archive's first page, when Yoast describes it (checked in lib/seo). */
  yoastHeadJson: Record<string, unknown> | null;
}

function decodeSlug(raw: string): string | null {
  const segments = parsePathSegments([raw]);
  return segments?.[0] ?? null;
}

/**
 * A term of any taxonomy by its path (parents first for hierarchical ones, as WordPress links
 * them). The last segment is looked up by slug; the term's own link decides whether the path is
 * right or redirects there.
 */
export const getTermByPath = cache(
  async (taxonomy: TaxonomyKind, joinedSegments: string): Promise<Lookup<TermArchive>> => {
    const segments = parsePathSegments(joinedSegments.split('/'));
    const slug = segments?.at(-1);
    if (!segments || !slug) return { kind: 'not-found' };
    const response = await wordpressTransport()({
      route: taxonomy.route,
      params: { slug },
      schema: z.array(rawTermSchema),
      cache: publishedCache([TAGS.termSlug(taxonomy.taxonomy, slug)]),
    });
    const raw = response.data[0];
    if (!raw) return { kind: 'not-found' };
    const term = toTermArchive(raw, await getSiteAddresses());
    return samePath(term.path, pathFromSegments(segments))
      ? { kind: 'found', value: term }
      : { kind: 'redirect', path: term.path };
  },
);

/** An author by the slug in /author/<slug>/; WordPress lists only authors with published posts. */
export const getAuthorBySlug = cache(async (rawSlug: string): Promise<Lookup<AuthorArchive>> => {
  const slug = decodeSlug(rawSlug);
  if (!slug || !isPlausibleSlug(slug)) return { kind: 'not-found' };
  const response = await wordpressTransport()({
    route: '/wp/v2/users',
    params: { slug },
    schema: z.array(rawUserSchema),
    cache: publishedCache([TAGS.termSlug('author', slug)]),
  });
  const raw = response.data[0];
  return raw
    ? {
        kind: 'found',
        value: { ...mapAuthor(raw, await getSiteAddresses()), yoastHeadJson: raw.yoast_head_json ?? null },
      }
    : { kind: 'not-found' };
});

function toTermArchive(raw: z.infer<typeof rawTermSchema>, addresses: SiteAddresses): TermArchive {
  return {
    ...mapTerm(raw, addresses),
    description: htmlToText(raw.description ?? ''),
    yoastHeadJson: raw.yoast_head_json ?? null,
  };
}

/** The busiest top-level categories, for the primary navigation when WordPress exposes no menu. */
export const listTopCategories = cache(async (limit = 6): Promise<Term[]> => {
  const [response, addresses] = await Promise.all([
    wordpressTransport()({
      route: '/wp/v2/categories',
      params: { parent: 0, hide_empty: true, orderby: 'count', order: 'desc', per_page: limit },
      schema: z.array(rawTermSchema),
      cache: publishedCache([TAGS.categoryNavigation]),
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((term) => mapTerm(term, addresses));
});
