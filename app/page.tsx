import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { getSiteInfo, listPosts, listStickyPosts } from '@/lib/wordpress';

export default async function HomePage() {
  const [posts, sticky, site] = await Promise.all([
    listPosts({ kind: 'home' }, 1),
    listStickyPosts(),
    getSiteInfo(),
  ]);
  if (!posts) notFound();
  return (
    <>
      <h1 className="visually-hidden">Latest stories</h1>
      <PostList posts={posts} leading={sticky} timezone={site.timezone} basePath="/" />
    </>
  );
}
