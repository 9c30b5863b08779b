import type { SiteDates } from './formatted-date';
import type { Paginated, PostSummary } from '@/lib/wordpress';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

export function PostList({
  posts,
  site,
  basePath,
  pathForPage,
  leading = [],
}: {
  posts: Paginated<PostSummary>;
  site: SiteDates;
  /** The list's first page; later pages are under page/N/. */
  basePath: string;
  pathForPage?: (page: number) => string;
  /** Posts shown above the list (sticky posts on the front page). */
  leading?: PostSummary[];
}) {
  return (
    <>
      <div className="post-list">
        {[...leading, ...posts.items].map((post) => (
          <PostCard key={post.id} post={post} site={site} />
        ))}
      </div>
      <Pagination
        page={posts.page}
        totalPages={posts.totalPages}
        basePath={basePath}
        pathForPage={pathForPage}
      />
    </>
  );
}
