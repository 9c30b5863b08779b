import type { Paginated, PostSummary } from '@/lib/wordpress';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

export function PostList({
  posts,
  timezone,
  basePath,
  pathForPage,
  leading = [],
}: {
  posts: Paginated<PostSummary>;
  timezone: string;
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
          <PostCard key={post.id} post={post} timezone={timezone} />
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
