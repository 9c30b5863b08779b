import { cache } from 'react';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { htmlToText } from '@/lib/content/text';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError, WordPressRequestRejectedError } from './errors';
import { mapPost, mapPostSummary, toIsoUtc } from './map';
import { parsePathSegments, pathFromSegments, samePath } from './paths';
import { rawPostListSchema, rawPostSchema } from './schemas';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';
import type { Paginated, Post, PostSummary, ResolvedPath } from './types';

export const POSTS_PER_PAGE = 10;
/** Beyond this a page number is plainly invalid: no WordPress request is made for it. */
export const MAX_PAGE_NUMBER = 10_000;
const MAX_SEARCH_LENGTH = 200;

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
const EMBED = 'author,wp:featuredmedia,wp:term';

/** Which posts a list shows. Dates are ISO 8601 bounds in the site's time, as WordPress expects. */
export type PostListQuery =
  | { kind: 'home' }
  | { kind: 'category'; id: number }
  | { kind: 'tag'; id: number }
  | { kind: 'author'; id: number }
  | { kind: 'date'; year: number; month?: number; day?: number }
  | { kind: 'search'; term: string };

function isValidPage(page: number) {
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE_NUMBER;
}

function pad(value: number) {
  return String(value).padStart(2, '0');
}

/** The REST parameters and cache tag of a list. */
function describeList(query: PostListQuery): {
  params: Record<string, string | number | boolean>;
  tag: string;
} {
  switch (query.kind) {
    case 'home':
      // Sticky posts are shown separately, above page 1, as WordPress's own home does.
      return { params: { sticky: false }, tag: TAGS.homeList };
    case 'category':
      // As on WordPress's own category archive, posts of its child categories are included.
      return {
        params: { 'categories[terms]': query.id, 'categories[include_children]': true },
        tag: TAGS.categoryList(query.id),
      };
    case 'tag':
      return { params: { tags: query.id }, tag: TAGS.tagList(query.id) };
    case 'author':
      return { params: { author: query.id }, tag: TAGS.authorList(query.id) };
    case 'search':
      return { params: { search: query.term }, tag: TAGS.searchList };
    case 'date': {
      const { year, month, day } = query;
      const start = `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}T00:00:00`;
      const end =
        day !== undefined
          ? `${year}-${pad(month ?? 1)}-${pad(day)}T23:59:59`
          : month !== undefined
            ? `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}T23:59:59`
            : `${year}-12-31T23:59:59`;
      // WordPress's after/before are exclusive; one second either side makes them inclusive.
      return {
        params: { after: shiftSeconds(start, -1), before: shiftSeconds(end, 1) },
        tag: TAGS.dateList(year, month),
      };
    }
  }
}

function shiftSeconds(localIso: string, seconds: number): string {
  const shifted = new Date(Date.parse(`${localIso}Z`) + seconds * 1000);
  return shifted.toISOString().slice(0, 19);
}

/** The cache tag of a list: what a change to one of its posts revalidates. */
export function listCacheTag(query: PostListQuery): string {
  return describeList(query).tag;
}

/**
 * One page of published posts, newest first. Returns null for a page number that cannot exist
 * (without asking WordPress when it is plainly invalid, or when WordPress answers 400 for a page
 * past the end).
 */
export async function listPosts(query: PostListQuery, page: number): Promise<Paginated<PostSummary> | null> {
  if (!isValidPage(page)) return null;
  if (query.kind === 'search' && (query.term.trim() === '' || query.term.length > MAX_SEARCH_LENGTH))
    return null;
  const { params, tag } = describeList(query);
  try {
    const [response, addresses] = await Promise.all([
      wordpressTransport()({
        route: '/wp/v2/posts',
        params: { ...params, page, per_page: POSTS_PER_PAGE, _embed: EMBED, _fields: SUMMARY_FIELDS },
        schema: rawPostListSchema,
        cache: publishedCache([tag]),
      }),
      getSiteAddresses(),
    ]);
    return {
      items: response.data.map((post) => mapPostSummary(post, addresses)),
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

/** The sticky posts, newest first, for the top of the front page. */
export async function listStickyPosts(): Promise<PostSummary[]> {
  const [response, addresses] = await Promise.all([
    wordpressTransport()({
      route: '/wp/v2/posts',
      params: { sticky: true, per_page: POSTS_PER_PAGE, _embed: EMBED, _fields: SUMMARY_FIELDS },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.stickyList]),
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((post) => mapPostSummary(post, addresses));
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

  let misplaced: string | null = null;
  for (const type of ['post', 'page'] as const) {
    const [response, addresses] = await Promise.all([
      wordpressTransport()({
        route: type === 'post' ? '/wp/v2/posts' : '/wp/v2/pages',
        // A post also embeds its first comments, to learn whether it has any (see map.ts).
        params: { slug, _embed: type === 'post' ? `${EMBED},replies` : EMBED },
        schema: rawPostListSchema,
        cache: publishedCache([TAGS.slug(type, slug)]),
      }),
      getSiteAddresses(),
    ]);
    const candidates = response.data.map((raw) =>
      mapPost(raw, addresses, { repliesRequested: type === 'post' }),
    );
    const exact = candidates.find((candidate) => samePath(candidate.path, requestedPath));
    if (exact) return { kind: 'post', post: exact };
    misplaced ??= candidates[0]?.path ?? null;
  }
  return misplaced ? { kind: 'redirect', path: misplaced } : { kind: 'not-found' };
});

const rawRevisionListSchema = z.array(
  z.object({
    id: z.number().int(),
    modified_gmt: z.string().optional(),
    title: z.object({ rendered: z.string() }).optional(),
    content: z.object({ rendered: z.string() }).optional(),
    excerpt: z.object({ rendered: z.string() }).optional(),
  }),
);

/**
 * A draft (or any post) as its editor last left it, for previews: fetched with the Application
 * Password, never cached, and with the newest autosave's title, content and excerpt when that
 * autosave is newer than the post.
 */
export async function getPreviewPost(target: { id: number; type: 'post' | 'page' }): Promise<Post | null> {
  const credentials = getConfig().previewCredentials;
  if (!credentials) {
    throw new WordPressRequestRejectedError(
      'Previews need WORDPRESS_PREVIEW_USER and WORDPRESS_APPLICATION_PASSWORD',
      'preview',
      401,
      null,
    );
  }
  const collection = target.type === 'page' ? '/wp/v2/pages' : '/wp/v2/posts';
  const [post, autosaves, addresses] = await Promise.all([
    wordpressTransport()({
      route: `${collection}/${target.id}`,
      params: { _embed: EMBED },
      schema: rawPostSchema,
      cache: 'no-store',
      credentials,
    }).catch((error: unknown) => {
      if (error instanceof WordPressNotFoundError) return null;
      throw error;
    }),
    wordpressTransport()({
      route: `${collection}/${target.id}/autosaves`,
      schema: rawRevisionListSchema,
      cache: 'no-store',
      credentials,
    }).catch(() => null),
    getSiteAddresses(),
  ]);
  if (!post) return null;
  const mapped = mapPost(post.data, addresses);
  const newest = autosaves?.data[0];
  if (newest?.modified_gmt && toIsoUtc(newest.modified_gmt, newest.modified_gmt) > mapped.modifiedAt) {
    return {
      ...mapped,
      title: newest.title ? htmlToText(newest.title.rendered) : mapped.title,
      contentHtml: newest.content?.rendered ?? mapped.contentHtml,
      excerpt: newest.excerpt ? htmlToText(newest.excerpt.rendered) : mapped.excerpt,
      modifiedAt: toIsoUtc(newest.modified_gmt, newest.modified_gmt),
    };
  }
  return mapped;
}

/**
 * A password-protected post unlocked with the reader's password: fetched with WordPress's
 * `password` parameter and never cached, so one reader's unlocked copy never reaches another.
 * The password goes in the request body, never the URL, so no access log records it.
 * Returns null when the password is wrong or the post does not exist.
 */
export async function getProtectedPost(
  target: { id: number; type: 'post' | 'page' },
  password: string,
): Promise<Post | null> {
  try {
    const [response, addresses] = await Promise.all([
      wordpressTransport()({
        route: `${target.type === 'page' ? '/wp/v2/pages' : '/wp/v2/posts'}/${target.id}`,
        // WordPress reads _embed from the query string only.
        params: { _embed: EMBED },
        privateParams: { password },
        schema: rawPostSchema,
        cache: 'no-store',
      }),
      getSiteAddresses(),
    ]);
    return mapPost(response.data, addresses);
  } catch (error) {
    if (error instanceof WordPressNotFoundError) return null;
    if (error instanceof WordPressRequestRejectedError && error.code === 'rest_post_incorrect_password')
      return null;
    throw error;
  }
}

/**
 * A published post's slug, by id: for revalidating the tag its page was cached under when only
 * the id is known (a comment posted here). Null when WordPress has no such public post.
 */
export async function getPostSlug(postId: number): Promise<string | null> {
  try {
    const response = await wordpressTransport()({
      route: `/wp/v2/posts/${postId}`,
      params: { _fields: 'slug' },
      schema: z.object({ slug: z.string() }),
      cache: publishedCache([TAGS.content(postId)]),
    });
    return response.data.slug || null;
  } catch (error) {
    if (error instanceof WordPressNotFoundError || error instanceof WordPressRequestRejectedError)
      return null;
    throw error;
  }
}
