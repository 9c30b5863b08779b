import type { Paginated, PostSummary } from '@/lib/wordpress';
import { Pagination } from './pagination';
import { PostCard } from './post-card';

export function PostList({
  posts,
  timezone,
  pathForPage,
}: {
  posts: Paginated<PostSummary>;
  timezone: string;
  pathForPage: (page: number) => string;
}) {
  return (
    <>
      <div className="post-list">
        {posts.items.map((post) => (
          <PostCard key={post.id} post={post} timezone={timezone} />
        ))}
      </div>
      <Pagination page={posts.page} totalPages={posts.totalPages} pathForPage={pathForPage} />
    </>
  );
}
