import type { SiteDates } from './formatted-date';
import type { LoadableList } from '@/lib/post-list-api';
import type { Paginated, PostSummary } from '@/lib/wordpress';
import { LoadMore } from './load-more/load-more';
import { loadMoreServerState } from './load-more/server-state';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

export function PostList({
  posts,
  site,
  basePath,
  pathForPage,
  leading = [],
  list,
}: {
  posts: Paginated<PostSummary>;
  site: SiteDates;
  /** The list's first page; later pages are under page/N/. */
  basePath: string;
  pathForPage?: (page: number) => string;
  /** Posts shown above the list (sticky posts on the front page). */
  leading?: PostSummary[];
  /** The list these posts come from, when a "load more" button should follow them. */
  list?: LoadableList;
}) {
  return (
    <>
      <div className="post-list">
        {[...leading, ...posts.items].map((post, index) => (
          <PostCard key={post.id} post={post} site={site} first={index === 0} />
        ))}
      </div>
      {list && posts.page < posts.totalPages && (
        <LoadMore
          list={list}
          page={posts.page}
          totalPages={posts.totalPages}
          state={loadMoreServerState(list, posts)}
          site={{
            timezone: site.timezone,
            language: site.language,
            dateFormat: site.dateFormat,
            timeFormat: site.timeFormat,
          }}
        />
      )}
      <Pagination
        page={posts.page}
        totalPages={posts.totalPages}
        basePath={basePath}
        pathForPage={pathForPage}
      />
    </>
  );
}
