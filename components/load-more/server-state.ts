import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { LoadableList } from '@/lib/post-list-api';
import type { Paginated, PostSummary } from '@/lib/wordpress';
import { loadMoreQueryKey } from './query-key';

/**
 * The infinite query's first page as the server knows it, for hydration. Its stories are already
 * in the server-rendered list, so only the position is handed over (page, total pages), not the
 * stories again: the page's HTML stays as light as before.
 */
export function loadMoreServerState(list: LoadableList, posts: Paginated<PostSummary>): DehydratedState {
  const client = new QueryClient();
  const position: Paginated<PostSummary> = { ...posts, items: [] };
  client.setQueryData(loadMoreQueryKey(list, posts.page), { pages: [position], pageParams: [posts.page] });
  return dehydrate(client);
}
