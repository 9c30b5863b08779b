import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { seoForListing } from '@/lib/seo';
import { getListingYoastHead, getSiteInfo, listPosts, listStickyPosts } from '@/lib/wordpress';

async function load() {
  const [posts, sticky, site, yoastHead] = await Promise.all([
    listPosts({ kind: 'home' }, 1),
    listStickyPosts(),
    getSiteInfo(),
    getListingYoastHead({ path: '/', page: 1, list: { kind: 'home' } }),
  ]);
  const seo = seoForListing(
    {
      kind: 'home',
      title: site.name,
      description: site.description,
      path: '/',
      page: 1,
      totalPages: posts?.totalPages,
    },
    site,
    yoastHead,
  );
  return { posts, sticky, site, seo };
}

export async function generateMetadata(): Promise<Metadata> {
  return (await load()).seo.metadata;
}

export default async function HomePage() {
  const { posts, sticky, site, seo } = await load();
  if (!posts) notFound();
  return (
    <>
      <SeoExtraHead {...seo} />
      <h1 className="visually-hidden">Latest stories</h1>
      <PostList posts={posts} leading={sticky} site={site} basePath="/" list={{ kind: 'home' }} />
    </>
  );
}
