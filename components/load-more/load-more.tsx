'use client';

import type { DehydratedState } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { LoadableList } from '@/lib/post-list-api';
import type { SiteDates } from '../formatted-date';
import { IslandErrorBoundary } from '../islands/island-error-boundary';
import { useEnhanced, useLazyModule, useWhenNearViewport } from '../islands/use-lazy-module';
import '../islands.css';

const loadFeed = () => import('./load-more-feed');

/**
 * "Load more" under a list: appends the next pages in place. Rendered only once JavaScript runs;
 * without it the list's /page/N/ links (kept in the HTML for crawlers too) do the same job. The
 * query library loads as the button nears the viewport, or on the first press.
 */
export function LoadMore({
  list,
  page,
  totalPages,
  state,
  site,
}: {
  list: LoadableList;
  /** The page the server rendered. */
  page: number;
  totalPages: number;
  /** The server's position in the list, for the infinite query's cache. */
  state: DehydratedState;
  site: SiteDates;
}) {
  const enhanced = useEnhanced();
  const [started, setStarted] = useState(false);
  const feed = useLazyModule(loadFeed);
  const anchor = useRef<HTMLDivElement>(null);
  useWhenNearViewport(anchor, () => void feed.load());

  if (page >= totalPages) return null;
  const Feed = feed.module?.LoadMoreFeed;
  return (
    <div ref={anchor} className="load-more">
      {Feed && started ? (
        <IslandErrorBoundary what="More stories">
          <Feed list={list} serverPage={page} state={state} site={site} />
        </IslandErrorBoundary>
      ) : (
        enhanced && (
          <>
            <button
              type="button"
              className="load-more__button"
              aria-disabled={started ? true : undefined}
              onClick={() => {
                setStarted(true);
                void feed.load();
              }}
            >
              {started && feed.status !== 'failed' ? 'Loading…' : 'Load more stories'}
            </button>
            {feed.status === 'failed' && (
              <p className="island-error" role="alert">
                More stories could not be loaded. Press the button to try again, or use the page links below.
              </p>
            )}
          </>
        )
      )}
    </div>
  );
}
