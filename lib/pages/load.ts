/**
 * The one loader behind every page of the site but search: a path in, everything its page
 * needs out — or a redirect, or "not found", said the same way for every kind. What a path can
 * be is the registry's business (lib/wordpress/kinds.ts, through resolvePath); this module only
 * gathers the rest of the page: the list's items, comments, the site, the head.
 */
import { cache } from 'react';
import type { Metadata } from 'next';
import { seoForContent, seoForListing, type ListingDescriptor, type SeoData } from '@/lib/seo';
import { seoForContentPage } from '@/lib/seo/content-pages';
import {
  contentPagePath,
  getCommentPage,
  getListingYoastHead,
  getSiteInfo,
  listPosts,
  listStickyPosts,
  resolvePath,
  type CommentPage,
  type ContentKind,
  type ListTarget,
  type Paginated,
  type Post,
  type PostSummary,
  type RedirectAction,
  type SiteInfo,
  splitContentPages,
} from '@/lib/wordpress';

export interface ContentPage {
  kind: 'content';
  post: Post;
  contentKind: ContentKind;
  comments: CommentPage | null;
  /** Which page of a post split with <!--nextpage--> this is, and how many it has; null when it has one. */
  contentPages: { page: number; count: number } | null;
  site: SiteInfo;
  seo: SeoData;
}

export interface ListPage {
  kind: 'list';
  list: ListTarget;
  /** Plain text: the term's, author's or archive's name; the site's name for the front page. */
  title: string;
  /** What kind of list this is, above the title ("Category", "Author", "Events"). */
  kicker: string | null;
  description: string;
  posts: Paginated<PostSummary>;
  /** The front page's sticky posts, above its first page. */
  sticky: PostSummary[];
  site: SiteInfo;
  seo: SeoData;
}

export type LoadedPage =
  | ContentPage
  | ListPage
  | { kind: 'redirect'; path: string }
  | { kind: 'site-redirect'; from: string; action: RedirectAction }
  | { kind: 'not-found' };

const NOT_FOUND = { kind: 'not-found' } as const;

/** The page at a path (its segments, as the route receives them; [] for the front page). */
export function loadPage(segments: readonly string[]): Promise<LoadedPage> {
  // Keyed by a string: generateMetadata and the page receive equal but distinct arrays.
  return loadJoinedPage(segments.join('/'));
}

const loadJoinedPage = cache(async (joined: string): Promise<LoadedPage> => {
  const resolved = await resolvePath(joined === '' ? [] : joined.split('/'));
  switch (resolved.kind) {
    case 'redirect':
    case 'site-redirect':
    case 'not-found':
      return resolved;
    case 'content':
      return loadContent(resolved.post, resolved.contentKind, resolved.commentPage, resolved.contentPage);
    case 'list':
      return loadList(resolved.list, resolved.page);
  }
});

/** Posts and other commentable kinds show comments as WordPress's themes do; pages and locked items do not. */
function showsComments(post: Post): boolean {
  if (post.type === 'page' || post.isPasswordProtected) return false;
  return post.type === 'post' || post.commentStatus === 'open' || post.hasApprovedComments === true;
}

async function loadContent(
  whole: Post,
  contentKind: ContentKind,
  commentPage: number,
  contentPage = 1,
): Promise<LoadedPage> {
  const [site, comments] = await Promise.all([
    getSiteInfo(),
    showsComments(whole) ? getCommentPage(whole.id, commentPage, whole.hasApprovedComments) : null,
  ]);
  if (commentPage > 1 && !comments) return NOT_FOUND;
  // A post split with <!--nextpage--> shows one page at a time, each with its own canonical.
  const pages = splitContentPages(whole.contentHtml);
  const page = Math.min(Math.max(contentPage, 1), pages.length);
  const post =
    pages.length > 1
      ? { ...whole, contentHtml: pages[page - 1] ?? '', wholeContentHtml: whole.contentHtml }
      : whole;
  const contentPages = pages.length > 1 ? { page, count: pages.length } : null;
  const seo = seoForContent(whole, site);
  return {
    kind: 'content',
    post,
    contentKind,
    comments,
    contentPages,
    site,
    seo: contentPages ? seoForContentPage(seo, (n) => contentPagePath(whole.path, n), contentPages) : seo,
  };
}

function describeDate(
  { year, month, day }: { year: number; month?: number; day?: number },
  language: string,
) {
  if (month === undefined) return String(year);
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    ...(day === undefined ? {} : { day: 'numeric' }),
  }).format(new Date(Date.UTC(year, month - 1, day ?? 1)));
}

/** A list's heading (title, kicker, description), Yoast's own head of its first page, and its SEO kind. */
function listHeading(list: ListTarget, site: SiteInfo) {
  switch (list.kind) {
    case 'home':
      // A static front page's posts page is titled as its page; Yoast describes it by its URL.
      if (list.postsPage) {
        return {
          title: list.postsPage.title,
          kicker: null,
          description: '',
          firstPageHead: undefined,
          seoKind: 'archive',
        } as const;
      }
      return {
        title: site.name,
        kicker: null,
        description: site.description,
        firstPageHead: undefined,
        seoKind: 'home',
      } as const;
    case 'type':
      return {
        title: list.contentKind.label,
        kicker: 'Archive',
        description: '',
        firstPageHead: undefined,
        seoKind: 'archive',
      } as const;
    case 'term': {
      const { taxonomy, label } = list.taxonomyKind;
      const kicker = taxonomy === 'category' ? 'Category' : taxonomy === 'post_tag' ? 'Tag' : label;
      const seoKind = taxonomy === 'category' ? 'category' : taxonomy === 'post_tag' ? 'tag' : 'term';
      return {
        title: list.term.name,
        kicker,
        description: list.term.description,
        firstPageHead: list.term.yoastHeadJson,
        seoKind,
      } as const;
    }
    case 'author':
      return {
        title: list.author.name,
        kicker: 'Author',
        description: list.author.bio,
        firstPageHead: list.author.yoastHeadJson,
        seoKind: 'author',
      } as const;
    case 'date':
      return {
        title: describeDate(list.date, site.language),
        kicker: 'Archive',
        description: '',
        firstPageHead: undefined,
        seoKind: 'date',
      } as const;
  }
}

async function loadList(list: ListTarget, page: number): Promise<LoadedPage> {
  const site = await getSiteInfo();
  const described = listHeading(list, site);
  // Only the date archive's and the post type archive's heads are not described by Yoast's
  // objects: Yoast's get_head answers for them by URL, as for the front page.
  const yoastDescribed = list.kind !== 'date';
  const [posts, sticky, yoastHead] = await Promise.all([
    listPosts(list.query, page),
    list.kind === 'home' && page === 1 ? listStickyPosts() : Promise.resolve([]),
    yoastDescribed
      ? getListingYoastHead({
          path: list.path,
          page,
          firstPageHead: described.firstPageHead,
          list: list.query,
        })
      : Promise.resolve(null),
  ]);
  // An empty later page, or an empty date archive, is no page at all (WordPress answers 404).
  if (!posts || ((page > 1 || list.kind === 'date') && posts.items.length === 0)) return NOT_FOUND;
  const listing: ListingDescriptor = {
    kind: described.seoKind,
    title: described.title,
    description: described.description,
    path: list.path,
    page,
    totalPages: posts.totalPages,
    ...(list.kind === 'author' ? { author: list.author } : {}),
  };
  return {
    kind: 'list',
    list,
    title: described.title,
    kicker: described.kicker,
    description: described.description,
    posts,
    sticky,
    site,
    seo: seoForListing(listing, site, yoastHead),
  };
}

/** The page's metadata for Next: its head, or nothing for a redirect or a missing page. */
export function metadataOf(page: LoadedPage): Metadata {
  return page.kind === 'content' || page.kind === 'list' ? page.seo.metadata : {};
}
