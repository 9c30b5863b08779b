import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { splitPagination } from '@/lib/routes';
import { getAuthorBySlug, getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  const slug = split?.base.length === 1 ? split.base[0] : undefined;
  if (!split || slug === undefined) return null;
  return { author: await getAuthorBySlug(slug), page: split.page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  if (loaded?.author.kind !== 'found') return {};
  return { title: loaded.author.value.name, description: loaded.author.value.bio };
}

export default async function AuthorArchive({ params }: Props) {
  const loaded = await load(params);
  if (loaded?.author.kind !== 'found') notFound();
  const author = loaded.author.value;
  // Co-Authors Plus guest authors have no WordPress user; /author/ archives are for users.
  if (author.id === null) notFound();
  const [posts, site] = await Promise.all([
    listPosts({ kind: 'author', id: author.id }, loaded.page),
    getSiteInfo(),
  ]);
  if (!posts || (loaded.page > 1 && posts.items.length === 0)) notFound();
  return (
    <ArchiveView
      kicker="Author"
      title={author.name}
      description={author.bio}
      aside={
        author.avatarUrl ? (
          <img className="archive-header__avatar" src={author.avatarUrl} alt="" width={96} height={96} />
        ) : undefined
      }
      posts={posts}
      timezone={site.timezone}
      basePath={author.path}
    />
  );
}
