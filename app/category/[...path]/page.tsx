import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { paginatedPath, splitPagination } from '@/lib/routes';
import { permanentRedirectWithinSite } from '@/lib/redirect';
import { seoForListing } from '@/lib/seo';
import { getCategoryByPath, getListingYoastHead, getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  if (!split || split.base.length === 0) return { kind: 'not-found' } as const;
  const lookup = await getCategoryByPath(split.base.join('/'));
  if (lookup.kind === 'not-found') return lookup;
  if (lookup.kind === 'redirect')
    return { kind: 'redirect', path: paginatedPath(lookup.path, split.page) } as const;
  const category = lookup.value;
  const list = { kind: 'category', id: category.id } as const;
  const [posts, site, yoastHead] = await Promise.all([
    listPosts(list, split.page),
    getSiteInfo(),
    getListingYoastHead({
      path: category.path,
      page: split.page,
      firstPageHead: category.yoastHeadJson,
      list,
    }),
  ]);
  if (!posts || (split.page > 1 && posts.items.length === 0)) return { kind: 'not-found' } as const;
  const seo = seoForListing(
    {
      kind: 'category',
      title: category.name,
      description: category.description,
      path: category.path,
      page: split.page,
      totalPages: posts.totalPages,
    },
    site,
    yoastHead,
  );
  return { kind: 'found', category, posts, site, seo } as const;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  return loaded.kind === 'found' ? loaded.seo.metadata : {};
}

export default async function CategoryArchive({ params }: Props) {
  const loaded = await load(params);
  if (loaded.kind === 'not-found') notFound();
  if (loaded.kind === 'redirect') permanentRedirectWithinSite(loaded.path);
  const { category, posts, site, seo } = loaded;
  return (
    <>
      <SeoExtraHead {...seo} />
      <ArchiveView
        kicker="Category"
        title={category.name}
        description={category.description}
        posts={posts}
        site={site}
        basePath={category.path}
        list={{ kind: 'category', id: category.id }}
      />
    </>
  );
}
