import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { getSiteInfo, listPosts } from '@/lib/wordpress';
import { homePagePath } from '@/lib/routes';

export default async function HomePage() {
  const [posts, site] = await Promise.all([listPosts(1), getSiteInfo()]);
  if (!posts) notFound();
  return (
    <>
      <h1 className="visually-hidden">Latest stories</h1>
      <PostList posts={posts} timezone={site.timezone} pathForPage={homePagePath} />
    </>
  );
}
