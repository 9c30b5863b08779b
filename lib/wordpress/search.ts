import { publishedCache, wordpressTransport } from './client';
import { pathFromWordPressLink } from './paths';
import { rawPostListSchema } from './schemas';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';
import type { SearchSuggestion } from './types';
import { htmlToText } from './html-text';

export const MAX_SUGGESTIONS = 6;
const EXCERPT_LENGTH = 140;

function shorten(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : length)}…`;
}

/**
 * The best few published posts for a search term, for suggestions as a reader types: one light
 * request (titles, links, excerpts only), cached with search results.
 */
export async function listSearchSuggestions(term: string): Promise<SearchSuggestion[]> {
  const [response, addresses] = await Promise.all([
    wordpressTransport()({
      route: '/wp/v2/posts',
      params: {
        search: term,
        per_page: MAX_SUGGESTIONS,
        _fields: ['id', 'title', 'link', 'excerpt', 'date', 'slug', 'type'],
      },
      schema: rawPostListSchema,
      cache: publishedCache([TAGS.searchList]),
    }),
    getSiteAddresses(),
  ]);
  return response.data.map((post) => ({
    title: htmlToText(post.title.rendered),
    path: pathFromWordPressLink(post.link, addresses) ?? `/?p=${post.id}`,
    excerpt: post.excerpt?.protected ? '' : shorten(htmlToText(post.excerpt?.rendered ?? ''), EXCERPT_LENGTH),
  }));
}
