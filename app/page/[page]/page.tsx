import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostList } from '@/components/post-list';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { parsePageNumber } from '@/lib/routes';
import { seoForListing } from '@/lib/seo';
import { getListingYoastHead, getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const page = parsePageNumber((await params).page);
  // /page/1/ never gets here: next.config.ts redirects it to the front page.
  if (page === null || page === 1) return null;
  const [posts, site, yoastHead] = await Promise.all([
    listPosts({ kind: 'home' }, page),
    getSiteInfo(),
    getListingYoastHead({ path: '/', page, list: { kind: 'home' } }),
  ]);
  if (!posts || posts.items.length === 0) return null;
  const seo = seoForListing(
    {
      kind: 'home',
      title: site.name,
      description: site.description,
      path: '/',
      page,
      totalPages: posts.totalPages,
    },
    site,
    yoastHead,
  );
  return { page, posts, site, seo };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return (await load(params))?.seo.metadata ?? {};
}

export default async function HomePaginatedPage({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  return (
    <>
      <SeoExtraHead {...loaded.seo} />
      <h1 className="page-title">Latest stories, page {loaded.page}</h1>
      <PostList posts={loaded.posts} site={loaded.site} basePath="/" list={{ kind: 'home' }} />
    </>
  );
}
