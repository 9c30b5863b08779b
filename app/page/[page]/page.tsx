import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { parsePageNumber } from '@/lib/routes';
import { getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageNumber((await params).page);
  return { title: page ? `Latest stories, page ${page}` : 'Not found' };
}

export default async function HomePaginatedPage({ params }: Props) {
  const page = parsePageNumber((await params).page);
  // /page/1/ never gets here: next.config.ts redirects it to the front page.
  if (page === null || page === 1) notFound();
  const [posts, site] = await Promise.all([listPosts({ kind: 'home' }, page), getSiteInfo()]);
  if (!posts || posts.items.length === 0) notFound();
  return (
    <>
      <h1 className="page-title">Latest stories, page {page}</h1>
      <PostList posts={posts} timezone={site.timezone} basePath="/" />
    </>
  );
}
