import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { Article } from '@/components/article';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { getConfig } from '@/lib/config';
import { dateArchivePath, parseDateArchive, splitPagination, type DateArchive } from '@/lib/routes';
import { seoForContent, seoForListing } from '@/lib/seo';
import { getSiteInfo, listPosts, resolvePath } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

/** Nothing is prerendered at build: each post renders on its first request, then is cached. */
export function generateStaticParams() {
  return [];
}

/** /YYYY/, /YYYY/MM/, /YYYY/MM/DD/ and their /page/N/ are date archives; anything else is content. */
function asDateArchive(segments: string[]): { date: DateArchive; page: number } | null {
  const split = splitPagination(segments);
  const date = split ? parseDateArchive(split.base) : null;
  return split && date ? { date, page: split.page } : null;
}

function describeDate({ year, month, day }: DateArchive, language: string): string {
  if (month === undefined) return String(year);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day === undefined ? {} : { day: 'numeric' }),
  }).format(date);
}

async function load(params: Props['params']) {
  const segments = (await params).path;
  const archive = asDateArchive(segments);
  if (archive) {
    const [posts, site] = await Promise.all([
      listPosts({ kind: 'date', ...archive.date }, archive.page),
      getSiteInfo(),
    ]);
    if (!posts || posts.items.length === 0) return { kind: 'not-found' } as const;
    const title = describeDate(archive.date, site.language);
    const path = dateArchivePath(archive.date);
    const seo = seoForListing(
      { kind: 'date', title, description: '', path, page: archive.page, totalPages: posts.totalPages },
      site,
    );
    return { kind: 'date', title, path, posts, site, seo } as const;
  }
  const resolved = await resolvePath(segments);
  if (resolved.kind !== 'post') return resolved;
  const site = await getSiteInfo();
  return { kind: 'content', post: resolved.post, site, seo: seoForContent(resolved.post, site) } as const;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  return loaded.kind === 'date' || loaded.kind === 'content' ? loaded.seo.metadata : {};
}

export default async function ContentPage({ params }: Props) {
  const loaded = await load(params);
  if (loaded.kind === 'not-found') notFound();
  if (loaded.kind === 'redirect') permanentRedirect(loaded.path);
  if (loaded.kind === 'date') {
    return (
      <>
        <SeoExtraHead {...loaded.seo} />
        <ArchiveView
          kicker="Archive"
          title={loaded.title}
          posts={loaded.posts}
          site={loaded.site}
          basePath={loaded.path}
        />
      </>
    );
  }
  return (
    <>
      <SeoExtraHead {...loaded.seo} />
      <Article post={loaded.post} site={loaded.site} wordpressHome={getConfig().wordpressUrl} />
    </>
  );
}
