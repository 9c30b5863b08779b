import type { LoadableList } from '@/lib/post-list-api';

/**
 * One cache entry per list and starting page, shared by the server (which hydrates it) and the
 * island. The starting page is part of it: the island on /page/2/ must not show what the front
 * page's island loaded as its own.
 */
export function loadMoreQueryKey(list: LoadableList, serverPage: number) {
  return ['post-list', list, serverPage] as const;
}
