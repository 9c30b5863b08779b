import { cache } from 'react';
import { wordpressHome, publishedCache, wordpressTransport } from './client';
import { WordPressRequestRejectedError } from './errors';
import { mapPost, mapPostSummary } from './map';
import { parsePathSegments, samePath, pathFromSegments } from './paths';
import { rawPostListSchema } from './schemas';
import { TAGS } from './tags';
import type { Paginated, PostSummary, ResolvedPath } from './types';

export const POSTS_PER_PAGE = 10;
/** WordPress caps per_page at 100; beyond that a page number is plainly invalid for us. */
export const MAX_PAGE_NUMBER = 10_000;

/** Fields a post card needs; _links and _embedded keep author, image and terms embedded. */
const SUMMARY_FIELDS = [
  'id',
  'date',
  'date_gmt',
  'modified',
  'modified_gmt',
  'slug',
  'type',
  'link',
  'title',
  'excerpt',
  'author',
  'featured_media',
  'sticky',
  'categories',
  'tags',
  'coauthors',
  '_links',
  '_embedded',
];

/**
 * One page of published posts, newest first, for the home page.
 * Returns null for a page number past the end (WordPress answers 400 for those).
 */
export async function listPosts(page: number): Promise<Paginated<PostSummary> | null> {
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE_NUMBER) return null;
  try {
    const response = await wordpressTransport()({
      route: '/wp/v2/posts',
      params: {
        page,
        per_page: POSTS_PER_PAGE,
        _embed: 'author,wp:featuredmedia,wp:term',
        _fields: SUMMARY_FIELDS,
      },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.postLists]),
    });
    const home = wordpressHome();
    return {
      items: response.data.map((post) => mapPostSummary(post, home)),
      page,
      totalItems: response.total ?? response.data.length,
      totalPages: response.totalPages ?? 1,
    };
  } catch (error) {
    if (error instanceof WordPressRequestRejectedError && error.code === 'rest_post_invalid_page_number') {
      return null;
    }
    throw error;
  }
}

/**
 * What a requested path is. A post is found by the last segment (its slug) in ONE request with
 * everything embedded; its WordPress link then says whether the path is right or should
 * redirect, whatever the permalink structure. Pages are tried next, hierarchical paths
 * included; a page at exactly the requested path wins over a post with the same slug elsewhere.
 */
export function resolvePath(rawSegments: readonly string[]): Promise<ResolvedPath> {
  // Keyed by a string: generateMetadata and the page receive equal but distinct arrays.
  return resolveJoinedPath(rawSegments.join('/'));
}

const resolveJoinedPath = cache(async (joinedSegments: string): Promise<ResolvedPath> => {
  const segments = parsePathSegments(joinedSegments.split('/'));
  const slug = segments?.at(-1);
  if (!segments || !slug) return { kind: 'not-found' };
  const requestedPath = pathFromSegments(segments);
  const home = wordpressHome();

  let misplaced: string | null = null;
  for (const type of ['post', 'page'] as const) {
    const response = await wordpressTransport()({
      route: type === 'post' ? '/wp/v2/posts' : '/wp/v2/pages',
      params: { slug, _embed: 'author,wp:featuredmedia,wp:term' },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.slug(type, slug)]),
    });
    const candidates = response.data.map((raw) => mapPost(raw, home));
    const exact = candidates.find((candidate) => samePath(candidate.path, requestedPath));
    if (exact) return { kind: 'post', post: exact };
    misplaced ??= candidates[0]?.path ?? null;
  }
  return misplaced ? { kind: 'redirect', path: misplaced } : { kind: 'not-found' };
});
