import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { Article } from '@/components/article';
import { getConfig } from '@/lib/config';
import { dateArchivePath, parseDateArchive, splitPagination, type DateArchive } from '@/lib/routes';
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

function describeDate({ year, month, day }: DateArchive): string {
  if (month === undefined) return String(year);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day === undefined ? {} : { day: 'numeric' }),
  }).format(date);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const segments = (await params).path;
  const archive = asDateArchive(segments);
  if (archive) return { title: `Archive: ${describeDate(archive.date)}` };
  const resolved = await resolvePath(segments);
  if (resolved.kind !== 'post') return {};
  return {
    title: resolved.post.title,
    description: resolved.post.excerpt,
    alternates: { canonical: resolved.post.path },
  };
}

export default async function ContentPage({ params }: Props) {
  const segments = (await params).path;
  const archive = asDateArchive(segments);
  if (archive) {
    const [posts, site] = await Promise.all([
      listPosts({ kind: 'date', ...archive.date }, archive.page),
      getSiteInfo(),
    ]);
    if (!posts || posts.items.length === 0) notFound();
    return (
      <ArchiveView
        kicker="Archive"
        title={describeDate(archive.date)}
        posts={posts}
        timezone={site.timezone}
        basePath={dateArchivePath(archive.date)}
      />
    );
  }
  const resolved = await resolvePath(segments);
  if (resolved.kind === 'not-found') notFound();
  if (resolved.kind === 'redirect') permanentRedirect(resolved.path);
  const site = await getSiteInfo();
  return <Article post={resolved.post} timezone={site.timezone} wordpressHome={getConfig().wordpressUrl} />;
}
