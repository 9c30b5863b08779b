import { publishedCache, wordpressTransport } from './client';
import { getKinds } from './kinds';
import { fetchMergedList, listSourceOf } from './posts';
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

const SUGGESTION_FIELDS = ['id', 'title', 'link', 'excerpt', 'date', 'date_gmt', 'slug', 'type'];

/**
 * The best few published items for a search term, for suggestions as a reader types: one light
 * request per searchable kind (titles, links, excerpts only), cached with search results.
 */
export async function listSearchSuggestions(term: string): Promise<SearchSuggestion[]> {
  const source = listSourceOf({ kind: 'search', term }, await getKinds());
  if (!source) return [];
  const [items, addresses] = await Promise.all([
    source.alsoFrom
      ? fetchMergedList(source, MAX_SUGGESTIONS, { _fields: SUGGESTION_FIELDS }).then(
          (merged) => merged?.items ?? [],
        )
      : wordpressTransport()({
          route: source.route,
          params: { ...source.params, per_page: MAX_SUGGESTIONS, _fields: SUGGESTION_FIELDS },
          schema: rawPostListSchema,
          cache: publishedCache([TAGS.searchList]),
        }).then((response) => response.data),
    getSiteAddresses(),
  ]);
  return items.map((post) => ({
    title: htmlToText(post.title.rendered),
    path: pathFromWordPressLink(post.link, addresses) ?? `/?p=${post.id}`,
    excerpt: post.excerpt?.protected ? '' : shorten(htmlToText(post.excerpt?.rendered ?? ''), EXCERPT_LENGTH),
  }));
}
