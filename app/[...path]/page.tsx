import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArchiveView } from '@/components/archive-view';
import { Article } from '@/components/article';
import { CommentSection } from '@/components/comments/comment-section';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { permanentRedirectWithinSite } from '@/lib/redirect';
import {
  commentPagePath,
  dateArchivePath,
  parseDateArchive,
  splitCommentPage,
  splitPagination,
  type DateArchive,
} from '@/lib/routes';
import { seoForContent, seoForListing } from '@/lib/seo';
import { getCommentPage, getSiteInfo, listPosts, resolvePath, type Post } from '@/lib/wordpress';

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
    return { kind: 'date', date: archive.date, title, path, posts, site, seo } as const;
  }
  // /post/comment-page-2/ is the post with its second page of comments, as on WordPress.
  const split = splitCommentPage(segments);
  if (!split) return { kind: 'not-found' } as const;
  const resolved = await resolvePath(split.base);
  if (resolved.kind === 'redirect')
    return { kind: 'redirect', path: commentPagePath(resolved.path, split.commentPage) } as const;
  if (resolved.kind !== 'post') return resolved;
  const [site, comments] = await Promise.all([
    getSiteInfo(),
    hasComments(resolved.post)
      ? getCommentPage(resolved.post.id, split.commentPage, resolved.post.hasApprovedComments)
      : null,
  ]);
  if (split.commentPage > 1 && !comments) return { kind: 'not-found' } as const;
  return {
    kind: 'content',
    post: resolved.post,
    comments,
    site,
    seo: seoForContent(resolved.post, site),
  } as const;
}

/** Posts show comments as WordPress's themes do; pages and locked posts do not. */
function hasComments(post: Post): boolean {
  return post.type === 'post' && !post.isPasswordProtected;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  return loaded.kind === 'date' || loaded.kind === 'content' ? loaded.seo.metadata : {};
}

export default async function ContentPage({ params }: Props) {
  const loaded = await load(params);
  if (loaded.kind === 'not-found') notFound();
  if (loaded.kind === 'redirect') permanentRedirectWithinSite(loaded.path);
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
          list={{ kind: 'date', ...loaded.date }}
        />
      </>
    );
  }
  return (
    <>
      <SeoExtraHead {...loaded.seo} />
      <Article post={loaded.post} site={loaded.site} addresses={loaded.site.addresses} />
      {loaded.comments && (
        <CommentSection
          postId={loaded.post.id}
          postPath={loaded.post.path}
          comments={loaded.comments}
          open={loaded.post.commentStatus === 'open'}
          site={loaded.site}
        />
      )}
    </>
  );
}
