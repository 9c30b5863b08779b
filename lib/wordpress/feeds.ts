import { publishedCache, wordpressTransport } from './client';
import { mapPost } from './map';
import { rawPostListSchema } from './schemas';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';
import type { Post } from './types';

/** Items in a feed: WordPress's own default (Settings → Reading → "Syndication feeds show"). */
export const FEED_SIZE = 10;

/** Which posts a feed carries. Unlike the front page, the site feed ignores stickiness. */
export type FeedQuery =
  | { kind: 'home' }
  | { kind: 'category'; id: number }
  | { kind: 'tag'; id: number }
  | { kind: 'author'; id: number };

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

/** The REST filter and the list tag of a feed: the same list as its archive page. */
function describeFeed(query: FeedQuery): { params: Record<string, number | boolean>; tag: string } {
  switch (query.kind) {
    case 'home':
      return { params: {}, tag: TAGS.homeList };
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
  }
}

/**
 * The newest published posts of a feed, with their (unsanitised) content, in one request.
 * Cached under the feeds tag, which every post change touches, and the archive's list tag.
 */
export async function listFeedPosts(query: FeedQuery): Promise<Post[]> {
  const { params, tag } = describeFeed(query);
  const [response, addresses] = await Promise.all([
    wordpressTransport()({
      route: '/wp/v2/posts',
      params: { ...params, per_page: FEED_SIZE, _embed: EMBED, _fields: FEED_FIELDS },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.feeds, tag]),
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((post) => mapPost(post, addresses));
}
