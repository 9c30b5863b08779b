'use client';

import { useInfiniteQuery, type DehydratedState } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { postListApiPath, type LoadableList } from '@/lib/post-list-api';
import type { Paginated, PostSummary } from '@/lib/wordpress';
import type { SiteDates } from '../formatted-date';
import { PostCard } from '../post-card';
import { QueryProvider } from '../islands/query-provider';
import { loadMoreQueryKey } from './query-key';

async function fetchPage(list: LoadableList, page: number): Promise<Paginated<PostSummary>> {
  const response = await fetch(postListApiPath(list, page), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Loading page ${page} answered HTTP ${response.status}`);
  return (await response.json()) as Paginated<PostSummary>;
}

function Feed({ list, serverPage, site }: { list: LoadableList; serverPage: number; site: SiteDates }) {
  const query = useInfiniteQuery({
    queryKey: loadMoreQueryKey(list, serverPage),
    // The cache starts with the server-rendered page (hydrated), so only later pages are fetched.
    queryFn: ({ pageParam }) => fetchPage(list, pageParam),
    initialPageParam: serverPage,
    getNextPageParam: (last) => (last.page < last.totalPages ? last.page + 1 : undefined),
  });
  const firstNewLink = useRef<HTMLDivElement>(null);
  const focusedPages = useRef(1);

  // The reader pressed "Load more" to get here: fetch the next page straight away.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void query.fetchNextPage();
  }, [query]);

  const loaded = query.data?.pages.slice(1) ?? [];
  // Move focus to the first story of a newly loaded page, so keyboard and screen reader users
  // continue reading where the new stories begin.
  useEffect(() => {
    const pages = loaded.length + 1;
    if (pages <= focusedPages.current) return;
    focusedPages.current = pages;
    const groups = firstNewLink.current?.querySelectorAll('.load-more__page');
    groups?.[groups.length - 1]?.querySelector<HTMLAnchorElement>('h2 a')?.focus();
  }, [loaded.length]);

  const lastPage = query.data?.pages.at(-1);
  const total = loaded.reduce((sum, page) => sum + page.items.length, 0);
  return (
    <div ref={firstNewLink}>
      {loaded.map((page) => (
        <div key={page.page} className="post-list load-more__page">
          {page.items.map((post) => (
            <PostCard key={post.id} post={post} site={site} />
          ))}
        </div>
      ))}
      <p className="visually-hidden" role="status">
        {total > 0 ? `${total} more stories loaded.` : ''}
      </p>
      {query.isFetchNextPageError ? (
        <p className="island-error" role="alert">
          More stories could not be loaded.{' '}
          <button type="button" onClick={() => void query.fetchNextPage()}>
            Try again
          </button>
        </p>
      ) : (
        query.hasNextPage && (
          <button
            type="button"
            className="load-more__button"
            aria-disabled={query.isFetchingNextPage ? true : undefined}
            onClick={() => {
              if (!query.isFetchingNextPage) void query.fetchNextPage();
            }}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more stories'}
          </button>
        )
      )}
      {lastPage && !query.hasNextPage && <p className="load-more__end">That’s everything.</p>}
    </div>
  );
}

/** The "load more" island's heavier half: the infinite query and the stories it appends. */
export function LoadMoreFeed({
  list,
  serverPage,
  state,
  site,
}: {
  list: LoadableList;
  serverPage: number;
  state: DehydratedState;
  site: SiteDates;
}) {
  return (
    <QueryProvider state={state}>
      <Feed list={list} serverPage={serverPage} site={site} />
    </QueryProvider>
  );
}
