import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { splitPagination } from '@/lib/routes';
import { seoForListing } from '@/lib/seo';
import { getAuthorBySlug, getListingYoastHead, getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

export function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const split = splitPagination((await params).path);
  const slug = split?.base.length === 1 ? split.base[0] : undefined;
  if (!split || slug === undefined) return null;
  const lookup = await getAuthorBySlug(slug);
  // Co-Authors Plus guest authors have no WordPress user; /author/ archives are for users.
  if (lookup.kind !== 'found' || lookup.value.id === null) return null;
  const author = lookup.value;
  const list = { kind: 'author', id: lookup.value.id } as const;
  const [posts, site, yoastHead] = await Promise.all([
    listPosts(list, split.page),
    getSiteInfo(),
    getListingYoastHead({ path: author.path, page: split.page, firstPageHead: author.yoastHeadJson, list }),
  ]);
  if (!posts || (split.page > 1 && posts.items.length === 0)) return null;
  const seo = seoForListing(
    {
      kind: 'author',
      title: author.name,
      description: author.bio,
      path: author.path,
      page: split.page,
      totalPages: posts.totalPages,
      author,
    },
    site,
    yoastHead,
  );
  return { author, list, posts, site, seo };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return (await load(params))?.seo.metadata ?? {};
}

export default async function AuthorArchive({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { author, posts, site, seo } = loaded;
  return (
    <>
      <SeoExtraHead {...seo} />
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
        site={site}
        basePath={author.path}
        list={loaded.list}
      />
    </>
  );
}
