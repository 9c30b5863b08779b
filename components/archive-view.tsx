import type { SiteDates } from './formatted-date';
import type { ReactNode } from 'react';
import type { LoadableList } from '@/lib/post-list-api';
import type { Paginated, PostSummary } from '@/lib/wordpress';
import { PostList } from './post-list';

/** A list page: its heading (with an optional description and image), the posts, pagination. */
export function ArchiveView({
  kicker,
  title,
  description,
  aside,
  posts,
  site,
  basePath,
  list,
}: {
  kicker?: string;
  title: string;
  description?: string;
  aside?: ReactNode;
  posts: Paginated<PostSummary>;
  site: SiteDates;
  /** The list's first page, e.g. /category/cities/; later pages are under page/N/. */
  basePath: string;
  /** The list shown, for "load more". */
  list?: LoadableList;
}) {
  return (
    <>
      <header className="archive-header">
        {aside}
        <div>
          {kicker && <p className="article__kicker">{kicker}</p>}
          <h1 className="page-title">
            {title}
            {posts.page > 1 && <span className="archive-header__page">, page {posts.page}</span>}
          </h1>
          {description && <p className="archive-header__description">{description}</p>}
        </div>
      </header>
      <PostList posts={posts} site={site} basePath={basePath} list={list} />
    </>
  );
}
