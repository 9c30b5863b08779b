import { cache } from 'react';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { htmlToText } from './html-text';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError, WordPressRequestRejectedError } from './errors';
import {
  contentKindsForPath,
  findContentKind,
  findTaxonomyKind,
  getKinds,
  type ContentKind,
  type Kinds,
} from './kinds';
import { mapPost, mapPostSummary, toIsoUtc } from './map';
import { parsePathSegments, pathFromSegments, samePath } from './paths';
import { MAX_PAGE_NUMBER } from './permalinks';
import { rawPostListSchema, rawPostSchema, type RawPost } from './schemas';
import { getSiteAddresses, getSiteSettings } from './site';
import { TAGS } from './tags';
import type { Paginated, Post, PostSummary } from './types';

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
export const EMBED = 'author,wp:featuredmedia,wp:term';
/**
 * ACF's full values (an image field as its array, a link as title, url and target) rather than
 * its "light" ones (bare ids): what templates' schemas expect. Ignored where ACF is absent.
 */
export const ACF_FORMAT = { acf_format: 'standard' } as const;

/**
 * Which items a list shows. Dates are ISO 8601 bounds in the site's time, as WordPress expects.
 * Plain data (it travels in "load more" URLs); what each kind means is in the registry.
 */
export type PostListQuery =
  | { kind: 'home' }
  | { kind: 'type'; type: string }
  | { kind: 'term'; taxonomy: string; id: number }
  | { kind: 'author'; id: number }
  | { kind: 'date'; year: number; month?: number; day?: number }
  | { kind: 'search'; term: string };

function isValidPage(page: number) {
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE_NUMBER;
}

function pad(value: number) {
  return String(value).padStart(2, '0');
}

/** Where a list's items come from: the REST collection, its filter, and the list's cache tag. */
export interface ListSource {
  route: string;
  params: Record<string, string | number | boolean>;
  tag: string;
  /**
   * More collections the list also draws from, with the same filter: a custom taxonomy shared by
   * several post types lists them all, newest first, as WordPress's own term archive does.
   */
  alsoFrom?: string[];
}

/**
 * How deep a list drawn from several collections can go: each is asked once for everything up
 * to the requested page, at most WordPress's per_page maximum. Past it such a list ends.
 */
export const MAX_MERGED_DEPTH = 100;

const POSTS_ROUTE = '/wp/v2/posts';

/**
 * The source of a list, looked up in the registry of kinds; null when the list names a type or
 * taxonomy this WordPress does not serve (or a type without archive).
 */
export function listSourceOf(query: PostListQuery, kinds: Kinds): ListSource | null {
  const posts = findContentKind(kinds, 'post')?.route ?? POSTS_ROUTE;
  switch (query.kind) {
    case 'home':
      // Sticky posts are shown separately, above page 1, as WordPress's own home does.
      return { route: posts, params: { sticky: false }, tag: TAGS.homeList };
    case 'type': {
      const kind = findContentKind(kinds, query.type);
      if (!kind?.archivePath) return null;
      return { route: kind.route, params: {}, tag: TAGS.typeList(kind.type) };
    }
    case 'term': {
      const taxonomy = findTaxonomyKind(kinds, query.taxonomy);
      const listed = (taxonomy?.types ?? []).flatMap((type) => findContentKind(kinds, type) ?? []);
      const [first, ...others] = listed;
      if (!taxonomy || !first) return null;
      // As on WordPress's own archives, a hierarchical term's list includes its children's items.
      const params = taxonomy.hierarchical
        ? { [`${taxonomy.restBase}[terms]`]: query.id, [`${taxonomy.restBase}[include_children]`]: true }
        : { [taxonomy.restBase]: query.id };
      const source = { route: first.route, params, tag: TAGS.termList(taxonomy.taxonomy, query.id) };
      return others.length > 0 ? { ...source, alsoFrom: others.map((kind) => kind.route) } : source;
    }
    case 'author':
      return { route: posts, params: { author: query.id }, tag: TAGS.authorList(query.id) };
    case 'search':
      return searchSourceOf(query.term, kinds);
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
        route: posts,
        params: { after: shiftSeconds(start, -1), before: shiftSeconds(end, 1) },
        tag: TAGS.dateList(year, month),
      };
    }
  }
}

/**
 * Search covers every searchable kind (posts, pages, custom types not excluded from search), as
 * WordPress's own search does; posts are asked first.
 */
function searchSourceOf(term: string, kinds: Kinds): ListSource | null {
  const searchable = kinds.content.filter((kind) => kind.searchable);
  const [first, ...others] = [
    ...searchable.filter((kind) => kind.type === 'post'),
    ...searchable.filter((kind) => kind.type !== 'post'),
  ];
  if (!first) return null;
  const source = { route: first.route, params: { search: term }, tag: TAGS.searchList };
  return others.length > 0 ? { ...source, alsoFrom: others.map((kind) => kind.route) } : source;
}

function shiftSeconds(localIso: string, seconds: number): string {
  const shifted = new Date(Date.parse(`${localIso}Z`) + seconds * 1000);
  return shifted.toISOString().slice(0, 19);
}

/**
 * One page of published items of a list, newest first. Returns null for a page number that
 * cannot exist (without asking WordPress when it is plainly invalid, or when WordPress answers
 * 400 for a page past the end), and for a list of a kind this WordPress does not serve.
 */
export async function listPosts(query: PostListQuery, page: number): Promise<Paginated<PostSummary> | null> {
  if (!isValidPage(page)) return null;
  if (query.kind === 'search' && (query.term.trim() === '' || query.term.length > MAX_SEARCH_LENGTH))
    return null;
  const [kinds, settings] = await Promise.all([getKinds(), getSiteSettings()]);
  const source = listSourceOf(query, kinds);
  if (!source) return null;
  // Settings → Reading → "Blog pages show at most", for every list, as on WordPress.
  const perPage = settings.reading.postsPerPage;
  if (source.alsoFrom) return listMerged(source, page, perPage);
  try {
    const [response, addresses] = await Promise.all([
      fetchListShowingItems({
        route: source.route,
        params: { ...source.params, page, per_page: perPage, _embed: EMBED, _fields: SUMMARY_FIELDS },
        tags: [source.tag],
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

/**
 * The most content tags one read of a list adds: WordPress answers at most 100 items a request
 * (per_page's maximum, and MAX_MERGED_DEPTH), and Next keeps at most 128 tags a fetch.
 */
const MAX_SHOWN_ITEMS = 100;

/** One read of a list's items from one collection, cached under `tags`. */
interface ListRead {
  route: string;
  params: Record<string, string | number | boolean | readonly string[]>;
  tags: readonly string[];
}

function readList(read: ListRead, shownIds: readonly number[] = []) {
  return wordpressTransport()({
    route: read.route,
    params: read.params,
    schema: rawPostListSchema,
    cache: publishedCache([...read.tags, ...shownIds.slice(0, MAX_SHOWN_ITEMS).map(TAGS.content)]),
  });
}

/**
 * Reads a page of a list so that it follows the items it shows, not only the list. Which items
 * those are is known only from the answer, so the same request is made twice: first under the
 * list's tags, then under the content tag of every item in the answer as well.
 * - Next adds every fetch's tags to the page it renders, so the list's page carries
 *   `wp:content:<id>` of each item on it: an edit of one re-renders exactly the list pages that
 *   show it (the webhook leaves the lists' own tags alone when an edit keeps the item where it is
 *   listed, see webhook.ts), not, say, page 7 of its category.
 * - Next judges a cached answer by the tags of the fetch that asks for it, so the second read finds
 *   the stored answer stale when one of those items was edited after it was stored, and asks
 *   WordPress again: the re-rendered page shows the new title, not the cached one. Otherwise it
 *   is the very same entry (Next keys fetches by URL and headers, not by tags), answered from the
 *   data cache with no WordPress request; on a first render it waits for the first read to store
 *   it (Next locks a fetch's entry while it is being filled).
 * Outside a Next render (unit tests) there is no data cache, so the second read is a second
 * request, which is harmless there.
 */
async function fetchListShowingItems(read: ListRead) {
  const first = await readList(read);
  if (first.data.length === 0) return first;
  const shownIds = first.data.map((post) => post.id);
  return readList(read, shownIds);
}

const newestFirst = (a: RawPost, b: RawPost) =>
  toIsoUtc(b.date_gmt, b.date).localeCompare(toIsoUtc(a.date_gmt, a.date)) || b.id - a.id;

function mergeNewestFirst(responses: readonly { data: RawPost[] }[], count: number): RawPost[] {
  return responses
    .flatMap((response) => response.data)
    .sort(newestFirst)
    .slice(0, count);
}

/**
 * The newest `count` items of a list drawn from several collections: the first `count` of each
 * (one request per collection, in parallel), merged newest first. Null past MAX_MERGED_DEPTH.
 * The items from `shownFrom` on are those shown: each collection that has some is read again
 * under their content tags, as fetchListShowingItems does for a list drawn from one.
 */
export async function fetchMergedList(
  source: ListSource,
  count: number,
  extra: { _embed?: string; _fields: readonly string[] },
  shownFrom = 0,
): Promise<{ items: RawPost[]; total: number } | null> {
  if (count > MAX_MERGED_DEPTH) return null;
  const reads = [source.route, ...(source.alsoFrom ?? [])].map((route): ListRead => ({
    route,
    params: { ...source.params, page: 1, per_page: count, ...extra },
    tags: [source.tag],
  }));
  const first = await Promise.all(reads.map(async (read) => ({ read, response: await readList(read) })));
  const firstResponses = first.map(({ response }) => response);
  const shown = new Set(
    mergeNewestFirst(firstResponses, count)
      .slice(shownFrom)
      .map((post) => post.id),
  );
  const responses = await Promise.all(
    first.map(({ read, response }) => {
      const shownIds = response.data.filter((post) => shown.has(post.id)).map((post) => post.id);
      return shownIds.length > 0 ? readList(read, shownIds) : response;
    }),
  );
  return {
    items: mergeNewestFirst(responses, count),
    total: responses.reduce((sum, response) => sum + (response.total ?? response.data.length), 0),
  };
}

async function listMerged(
  source: ListSource,
  page: number,
  perPage: number,
): Promise<Paginated<PostSummary> | null> {
  const [merged, addresses] = await Promise.all([
    fetchMergedList(source, page * perPage, { _embed: EMBED, _fields: SUMMARY_FIELDS }, (page - 1) * perPage),
    getSiteAddresses(),
  ]);
  if (!merged) return null;
  const totalItems = Math.min(merged.total, MAX_MERGED_DEPTH);
  return {
    items: merged.items.slice((page - 1) * perPage).map((post) => mapPostSummary(post, addresses)),
    page,
    totalItems: merged.total,
    totalPages: Math.max(1, Math.ceil(totalItems / perPage)),
  };
}

/** The sticky posts, newest first, for the top of the front page. */
export async function listStickyPosts(): Promise<PostSummary[]> {
  const { postsPerPage } = (await getSiteSettings()).reading;
  const [response, addresses] = await Promise.all([
    fetchListShowingItems({
      route: POSTS_ROUTE,
      params: { sticky: true, per_page: postsPerPage, _embed: EMBED, _fields: SUMMARY_FIELDS },
      tags: [TAGS.stickyList],
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((post) => mapPostSummary(post, addresses));
}

/**
 * The item of any content kind at a path, or where it moved. The last segment is its slug: the
 * kinds are asked in the registry's order (those whose items' prefix matches first, then posts,
 * then pages, then the rest together), each with everything embedded in ONE request; an
 * answer's WordPress link then says whether the path is right or should redirect, whatever the
 * permalink structure. An item at exactly the requested path wins over one of the same slug
 * elsewhere.
 */
export const findContentAtPath = cache(async (joinedSegments: string): Promise<ContentLookup> => {
  const segments = parsePathSegments(joinedSegments.split('/'));
  const slug = segments?.at(-1);
  if (!segments || !slug) return { kind: 'not-found' };
  const requestedPath = pathFromSegments(segments);
  const [kinds, addresses] = await Promise.all([getKinds(), getSiteAddresses()]);

  let misplaced: string | null = null;
  for (const group of contentKindsForPath(kinds, requestedPath)) {
    const answers = await Promise.all(
      group.map(async (kind) => {
        // Items that take comments also embed their first ones, to learn whether there are any.
        const withReplies = kind.type !== 'page';
        const response = await wordpressTransport()({
          route: kind.route,
          params: { slug, _embed: withReplies ? `${EMBED},replies` : EMBED, ...ACF_FORMAT },
          schema: rawPostListSchema,
          cache: publishedCache([TAGS.slug(kind.type, slug)]),
        });
        return response.data.map((raw) => ({
          kind,
          post: mapPost(raw, addresses, { repliesRequested: withReplies }),
        }));
      }),
    );
    const candidates = answers.flat();
    const exact = candidates.find((candidate) => samePath(candidate.post.path, requestedPath));
    if (exact) return { kind: 'found', value: exact.post, contentKind: exact.kind };
    misplaced ??= candidates[0]?.post.path ?? null;
  }
  return misplaced ? { kind: 'redirect', path: misplaced } : { kind: 'not-found' };
});

export type ContentLookup =
  | { kind: 'found'; value: Post; contentKind: ContentKind }
  | { kind: 'redirect'; path: string }
  | { kind: 'not-found' };

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
export async function getPreviewPost(target: { id: number; type: string }): Promise<Post | null> {
  const credentials = getConfig().previewCredentials;
  if (!credentials) {
    throw new WordPressRequestRejectedError(
      'Previews need WORDPRESS_PREVIEW_USER and WORDPRESS_APPLICATION_PASSWORD',
      'preview',
      401,
      null,
    );
  }
  const collection = findContentKind(await getKinds(), target.type)?.route;
  if (!collection) return null;
  const [post, autosaves, addresses] = await Promise.all([
    wordpressTransport()({
      route: `${collection}/${target.id}`,
      params: { _embed: EMBED, ...ACF_FORMAT },
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
  const mapped = { ...mapPost(post.data, addresses), fetchedPrivately: true };
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
  target: { id: number; type: string },
  password: string,
): Promise<Post | null> {
  const collection = findContentKind(await getKinds(), target.type)?.route;
  if (!collection) return null;
  try {
    const [response, addresses] = await Promise.all([
      wordpressTransport()({
        route: `${collection}/${target.id}`,
        // WordPress reads _embed from the query string only.
        params: { _embed: EMBED, ...ACF_FORMAT },
        privateParams: { password },
        schema: rawPostSchema,
        cache: 'no-store',
      }),
      getSiteAddresses(),
    ]);
    return { ...mapPost(response.data, addresses), fetchedPrivately: true };
  } catch (error) {
    if (error instanceof WordPressNotFoundError) return null;
    if (error instanceof WordPressRequestRejectedError && error.code === 'rest_post_incorrect_password')
      return null;
    throw error;
  }
}

const rawContentStylesSchema = rawPostSchema.pick({
  content: true,
  broadsheet_block_styles: true,
  broadsheet_blocks: true,
});

/**
 * What a published item's content stylesheet is made of (lib/content/content-stylesheet.ts): its
 * whole rendered content, the block-supports CSS WordPress wrote while rendering it and the
 * blocks it rendered, cached under the item's tag; `fresh` asks WordPress past the cache (right
 * after an edit the cache answers with the item as it was while it refreshes). Null when
 * WordPress has no such public item, or its content is password-protected (its stylesheet is one
 * reader's, inlined in their page).
 */
export async function getContentStylesSource(
  target: { id: number; type: string },
  { fresh = false } = {},
): Promise<{ contentHtml: string; blockStylesCss: string; blockNames?: string[] } | null> {
  const collection = findContentKind(await getKinds(), target.type)?.route;
  if (!collection) return null;
  try {
    const response = await wordpressTransport()({
      route: `${collection}/${target.id}`,
      params: { _fields: 'content,broadsheet_block_styles,broadsheet_blocks' },
      schema: rawContentStylesSchema,
      cache: fresh ? 'no-store' : publishedCache([TAGS.content(target.id)]),
    });
    const {
      content,
      broadsheet_block_styles: blockStylesCss = '',
      broadsheet_blocks: blockNames,
    } = response.data;
    if (!content || content.protected) return null;
    return { contentHtml: content.rendered, blockStylesCss, ...(blockNames ? { blockNames } : {}) };
  } catch (error) {
    if (error instanceof WordPressNotFoundError || error instanceof WordPressRequestRejectedError)
      return null;
    throw error;
  }
}

/**
 * A published item's type and slug, by id: for revalidating the tag its page was cached under
 * when only the id is known (a comment posted here). Posts are asked first, then every other
 * kind that takes comments. Null when WordPress has no such public item.
 */
export async function getContentSlug(postId: number): Promise<{ type: string; slug: string } | null> {
  const kinds = (await getKinds()).content.filter((kind) => kind.type !== 'page');
  const ordered = [
    ...kinds.filter((kind) => kind.type === 'post'),
    ...kinds.filter((kind) => kind.type !== 'post'),
  ];
  for (const kind of ordered) {
    try {
      const response = await wordpressTransport()({
        route: `${kind.route}/${postId}`,
        params: { _fields: 'slug' },
        schema: z.object({ slug: z.string() }),
        cache: publishedCache([TAGS.content(postId)]),
      });
      return response.data.slug ? { type: kind.type, slug: response.data.slug } : null;
    } catch (error) {
      if (error instanceof WordPressNotFoundError || error instanceof WordPressRequestRejectedError) continue;
      throw error;
    }
  }
  return null;
}
