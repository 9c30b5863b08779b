import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { paginatedPath, splitPagination } from '@/lib/routes';
import { getCategoryByPath, getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  if (!split || split.base.length === 0) return null;
  const category = await getCategoryByPath(split.base.join('/'));
  return { category, page: split.page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  if (loaded?.category.kind !== 'found') return {};
  return { title: loaded.category.value.name, description: loaded.category.value.description };
}

export default async function CategoryArchive({ params }: Props) {
  const loaded = await load(params);
  if (!loaded || loaded.category.kind === 'not-found') notFound();
  if (loaded.category.kind === 'redirect')
    permanentRedirect(paginatedPath(loaded.category.path, loaded.page));
  const category = loaded.category.value;
  const [posts, site] = await Promise.all([
    listPosts({ kind: 'category', id: category.id }, loaded.page),
    getSiteInfo(),
  ]);
  if (!posts || (loaded.page > 1 && posts.items.length === 0)) notFound();
  return (
    <ArchiveView
      kicker="Category"
      title={category.name}
      description={category.description}
      posts={posts}
      timezone={site.timezone}
      basePath={category.path}
    />
  );
}
