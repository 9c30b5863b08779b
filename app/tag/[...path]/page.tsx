import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { splitPagination } from '@/lib/routes';
import { seoForListing } from '@/lib/seo';
import { getListingYoastHead, getSiteInfo, getTagBySlug, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  const slug = split?.base.length === 1 ? split.base[0] : undefined;
  if (!split || slug === undefined) return null;
  const lookup = await getTagBySlug(slug);
  if (lookup.kind !== 'found') return null;
  const tag = lookup.value;
  const list = { kind: 'tag', id: tag.id } as const;
  const [posts, site, yoastHead] = await Promise.all([
    listPosts(list, split.page),
    getSiteInfo(),
    getListingYoastHead({ path: tag.path, page: split.page, firstPageHead: tag.yoastHeadJson, list }),
  ]);
  if (!posts || (split.page > 1 && posts.items.length === 0)) return null;
  const seo = seoForListing(
    {
      kind: 'tag',
      title: tag.name,
      description: tag.description,
      path: tag.path,
      page: split.page,
      totalPages: posts.totalPages,
    },
    site,
    yoastHead,
  );
  return { tag, posts, site, seo };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return (await load(params))?.seo.metadata ?? {};
}

export default async function TagArchive({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { tag, posts, site, seo } = loaded;
  return (
    <>
      <SeoExtraHead {...seo} />
      <ArchiveView
        kicker="Tag"
        title={tag.name}
        description={tag.description}
        posts={posts}
        site={site}
        basePath={tag.path}
        list={{ kind: 'tag', id: tag.id }}
      />
    </>
  );
}
