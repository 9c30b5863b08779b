import { cache } from 'react';
import {
  getAuthorBySlug,
  getTermByPath,
  type AuthorArchive,
  type Lookup,
  type TermArchive,
} from './archives';
import { getKinds, type ContentKind, type TaxonomyKind } from './kinds';
import { parsePathSegments, pathFromSegments, samePath } from './paths';
import {
  commentPagePath,
  dateArchivePath,
  paginatedPath,
  parseDateArchive,
  splitCommentPage,
  splitPagination,
  type DateArchive,
} from './permalinks';
import { findContentAtPath, type PostListQuery } from './posts';
import { findMovedContent } from './moved';
import { findSiteRedirect, type RedirectAction } from './redirects';
import { findPagedContent } from './resolve-paged';
import { getReadingPages } from './reading';
import { getSiteSettings } from './site';
import type { Post } from './types';

/** A list page's subject: which list, its first page's path, and what the list is of. */
export type ListTarget =
  | {
      kind: 'home';
      query: PostListQuery;
      path: string;
      /** The posts page of a static front page (Settings → Reading), when the list is there. */
      postsPage?: Post;
    }
  | { kind: 'type'; contentKind: ContentKind; query: PostListQuery; path: string }
  | { kind: 'term'; taxonomyKind: TaxonomyKind; term: TermArchive; query: PostListQuery; path: string }
  | { kind: 'author'; author: AuthorArchive; query: PostListQuery; path: string }
  | { kind: 'date'; date: DateArchive; query: PostListQuery; path: string };

/** What a path on the site is, read the way WordPress reads its own URLs. */
export type ResolvedPath =
  | { kind: 'content'; post: Post; contentKind: ContentKind; commentPage: number; contentPage?: number }
  | { kind: 'list'; list: ListTarget; page: number }
  | { kind: 'redirect'; path: string }
  /** A rule of the Redirection plugin for the path `from`: see RedirectAction. */
  | { kind: 'site-redirect'; from: string; action: RedirectAction }
  | { kind: 'not-found' };

const NOT_FOUND = { kind: 'not-found' } as const;

/**
 * What a requested path is: a list (the front page, a post-type archive, a term of any
 * taxonomy, an author, a date — each with /page/N/) or an item of any content kind (with its
 * comment-page-N), as the registry of kinds says; a redirect when WordPress links the object
 * at another path; not found otherwise. Malformed paths are not found without asking WordPress.
 */
export function resolvePath(rawSegments: readonly string[]): Promise<ResolvedPath> {
  // Keyed by a string: generateMetadata and the page receive equal but distinct arrays.
  return resolveJoinedPath(rawSegments.join('/'));
}

const resolveJoinedPath = cache(async (joined: string): Promise<ResolvedPath> => {
  // The Redirection plugin's rules come first, as on WordPress, where they act before the query.
  const from = `/${joined}/`;
  const ruled = joined === '' ? null : await findSiteRedirect(from);
  if (ruled) return { kind: 'site-redirect', from, action: ruled };
  const raw = joined === '' ? [] : joined.split('/');
  const split = splitPagination(raw);
  // A malformed /page/N/ (or an explicit page 1) is never a WordPress URL.
  if (!split) return NOT_FOUND;
  const reading = await findReadingPage(split.base, split.page);
  if (reading) return reading;
  const list = await findList(split.base);
  if (list.kind === 'found') return { kind: 'list', list: list.value, page: split.page };
  if (list.kind === 'redirect') return { kind: 'redirect', path: paginatedPath(list.path, split.page) };
  if (list.kind === 'not-found' || split.page > 1 || raw.length === 0) return NOT_FOUND;

  // /post/comment-page-2/ is the item with its second page of comments, as on WordPress.
  const comments = splitCommentPage(raw);
  if (!comments) return NOT_FOUND;
  // /post/2/ is the post's second page when it has one (<!--nextpage-->), as on WordPress.
  const paged = await findPagedContent(comments.base, comments.commentPage);
  if (paged) return paged;
  const content = await findContentAtPath(comments.base.join('/'));
  if (content.kind === 'found') {
    return {
      kind: 'content',
      post: content.value,
      contentKind: content.contentKind,
      commentPage: comments.commentPage,
    };
  }
  if (content.kind === 'redirect') {
    return { kind: 'redirect', path: commentPagePath(content.path, comments.commentPage) };
  }
  // A post whose slug or date changed answers its old address, as wp_old_slug_redirect() does.
  const moved = comments.commentPage === 1 ? await findMovedContent(comments.base.join('/')) : null;
  return moved ? { kind: 'redirect', path: moved } : NOT_FOUND;
});

/**
 * Settings → Reading's pages: a static front page is the page itself at "/" (without pages of
 * posts), and its posts page lists the posts, as the front page otherwise would. Null for
 * every other path, and on a site whose front page lists the posts.
 */
async function findReadingPage(base: readonly string[], page: number): Promise<ResolvedPath | null> {
  const { frontPage, postsPage } = await getReadingPages();
  if (base.length === 0) {
    if (!frontPage) return null;
    return page > 1 ? NOT_FOUND : { kind: 'content', ...frontPage, commentPage: 1 };
  }
  const segments = postsPage ? parsePathSegments(base) : null;
  if (!postsPage || !segments || !samePath(postsPage.path, pathFromSegments(segments))) return null;
  const list = { kind: 'home', query: { kind: 'home' }, path: postsPage.path, postsPage } as const;
  return { kind: 'list', list, page };
}

/**
 * The list whose first page is at a path, never an item: for feeds, which only lists have here.
 * Asks WordPress only when the path can be a list's.
 */
export async function resolveListPath(rawSegments: readonly string[]): Promise<Lookup<ListTarget>> {
  const list = await findList(rawSegments);
  return list.kind === 'none' ? NOT_FOUND : list;
}

/**
 * The list at a path (without its /page/N/): found, redirected, not found (the path is a list's
 * but names nothing), or `none` when the path is no list's at all, so it may be content.
 */
async function findList(rawBase: readonly string[]): Promise<Lookup<ListTarget> | { kind: 'none' }> {
  if (rawBase.length === 0) {
    return { kind: 'found', value: { kind: 'home', query: { kind: 'home' }, path: '/' } };
  }
  const date = parseDateArchive(rawBase);
  if (date) {
    const value = {
      kind: 'date',
      date,
      query: { kind: 'date', ...date },
      path: dateArchivePath(date),
    } as const;
    return { kind: 'found', value };
  }
  const segments = parsePathSegments(rawBase);
  if (!segments) return NOT_FOUND;
  const path = pathFromSegments(segments);
  const joined = segments.map(encodeURIComponent).join('/');

  // An author archive is a base of one segment or more and the author's slug: only such a path
  // needs the author base (from the cached REST index).
  const authorPathPrefix = segments.length >= 2 ? (await getSiteSettings()).authorPathPrefix : null;
  const authorBaseLength = authorPathPrefix?.split('/').filter(Boolean).length ?? 0;
  if (authorPathPrefix && path.startsWith(authorPathPrefix) && segments.length === authorBaseLength + 1) {
    const lookup = await getAuthorBySlug(rawBase[authorBaseLength] ?? '');
    if (lookup.kind !== 'found') return NOT_FOUND;
    const author = lookup.value;
    if (author.id === null) return NOT_FOUND;
    return {
      kind: 'found',
      value: { kind: 'author', author, query: { kind: 'author', id: author.id }, path: author.path },
    };
  }

  const kinds = await getKinds();
  for (const taxonomyKind of kinds.taxonomies) {
    const prefix = taxonomyKind.pathPrefix;
    if (prefix === '/' || !path.startsWith(prefix) || samePath(path, prefix)) continue;
    const lookup = await getTermByPath(taxonomyKind, joined);
    if (lookup.kind === 'redirect') return lookup;
    if (lookup.kind === 'found') {
      const term = lookup.value;
      const query = { kind: 'term', taxonomy: taxonomyKind.taxonomy, id: term.id } as const;
      return { kind: 'found', value: { kind: 'term', taxonomyKind, term, query, path: term.path } };
    }
    // WordPress's rewrite rules read a path under a taxonomy's base as that taxonomy's, and
    // nothing else: a term it does not have is a 404.
    return NOT_FOUND;
  }
  const archived = kinds.content.find(
    (kind) => kind.archivePath !== null && samePath(kind.archivePath, path),
  );
  if (archived?.archivePath) {
    const query = { kind: 'type', type: archived.type } as const;
    return {
      kind: 'found',
      value: { kind: 'type', contentKind: archived, query, path: archived.archivePath },
    };
  }
  return { kind: 'none' };
}
