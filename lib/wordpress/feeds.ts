import { publishedCache, wordpressTransport } from './client';
import { findTaxonomyKind, getKinds } from './kinds';
import { mapPost } from './map';
import { fetchMergedList, listSourceOf, type PostListQuery } from './posts';
import { rawPostListSchema } from './schemas';
import { getSiteAddresses, getSiteSettings } from './site';
import { TAGS } from './tags';
import type { Post } from './types';

/**
 * Which items a feed carries: the same list as its archive page (front page, post-type
 * archive, term, author). Unlike the front page, the site feed ignores stickiness.
 */
export type FeedQuery = Extract<PostListQuery, { kind: 'home' | 'type' | 'term' | 'author' }>;

/** What a feed item needs, content included; author and terms are embedded. */
const FEED_FIELDS = [
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
  'content',
  'author',
  'categories',
  'tags',
  'coauthors',
  '_links',
  '_embedded',
];
const EMBED = 'author,wp:term';

/**
 * The newest published items of a feed, with their (unsanitised) content, in one request; an
 * empty list for a kind this WordPress does not serve. As many as Settings → Reading →
 * "Syndication feeds show the most recent" says (posts_per_rss). Cached under the feeds tag of the kind
 * listed, which every change of one of its items touches, and the archive's list tag.
 */
export async function listFeedPosts(query: FeedQuery): Promise<Post[]> {
  const [kinds, settings] = await Promise.all([getKinds(), getSiteSettings()]);
  const size = settings.reading.postsPerFeed;
  const source = listSourceOf(query, kinds);
  if (!source) return [];
  if (source.alsoFrom) {
    const [merged, addresses] = await Promise.all([
      fetchMergedList(source, size, { _embed: EMBED, _fields: FEED_FIELDS }),
      getSiteAddresses(),
    ]);
    return (merged?.items ?? []).map((post) => mapPost(post, addresses));
  }
  const params = query.kind === 'home' ? {} : source.params;
  const listedType =
    query.kind === 'type'
      ? query.type
      : query.kind === 'term'
        ? (findTaxonomyKind(kinds, query.taxonomy)?.types[0] ?? 'post')
        : 'post';
  const [response, addresses] = await Promise.all([
    wordpressTransport()({
      route: source.route,
      params: { ...params, per_page: size, _embed: EMBED, _fields: FEED_FIELDS },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.feeds(listedType), source.tag]),
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((post) => mapPost(post, addresses));
}
