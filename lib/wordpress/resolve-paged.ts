import { contentPagePath, splitContentPage, splitContentPages } from './content-pages';
import type { ContentKind } from './kinds';
import { commentPagePath } from './permalinks';
import { findContentAtPath } from './posts';
import type { Post } from './types';

export type PagedContent =
  | { kind: 'content'; post: Post; contentKind: ContentKind; commentPage: number; contentPage: number }
  | { kind: 'redirect'; path: string }
  | { kind: 'not-found' };

/**
 * A path ending in a number read as a page of the item before it (/post/2/), as WordPress's
 * rewrite rules read it: page 1 redirects to the item, a page it does not have is not found.
 * Null when the path before the number is no item's, so the whole path is looked up as it is.
 */
export async function findPagedContent(
  segments: readonly string[],
  commentPage: number,
): Promise<PagedContent | null> {
  const split = splitContentPage(segments);
  if (!split) return null;
  const content = await findContentAtPath(split.base.join('/'));
  if (content.kind === 'not-found') return null;
  if (content.kind === 'redirect') {
    return {
      kind: 'redirect',
      path: commentPagePath(contentPagePath(content.path, split.page), commentPage),
    };
  }
  const post = content.value;
  const pageCount = splitContentPages(post.contentHtml).length;
  if (split.page === 1) return { kind: 'redirect', path: commentPagePath(post.path, commentPage) };
  if (split.page < 1 || split.page > pageCount) return { kind: 'not-found' };
  return { kind: 'content', post, contentKind: content.contentKind, commentPage, contentPage: split.page };
}
