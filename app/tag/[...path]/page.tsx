import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { splitPagination } from '@/lib/routes';
import { getSiteInfo, getTagBySlug, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  const slug = split?.base.length === 1 ? split.base[0] : undefined;
  if (!split || slug === undefined) return null;
  return { tag: await getTagBySlug(slug), page: split.page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  if (loaded?.tag.kind !== 'found') return {};
  return { title: loaded.tag.value.name, description: loaded.tag.value.description };
}

export default async function TagArchive({ params }: Props) {
  const loaded = await load(params);
  if (loaded?.tag.kind !== 'found') notFound();
  const tag = loaded.tag.value;
  const [posts, site] = await Promise.all([
    listPosts({ kind: 'tag', id: tag.id }, loaded.page),
    getSiteInfo(),
  ]);
  if (!posts || (loaded.page > 1 && posts.items.length === 0)) notFound();
  return (
    <ArchiveView
      kicker="Tag"
      title={tag.name}
      description={tag.description}
      posts={posts}
      timezone={site.timezone}
      basePath={tag.path}
    />
  );
}
