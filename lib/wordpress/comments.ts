import { cache } from 'react';
import { getConfig } from '@/lib/config';
import { publishedCache, wordpressTransport } from './client';
import { signedCommentHeaders } from './comment-signature';
import { WordPressRequestRejectedError } from './errors';
import { toIsoUtc } from './map';
import { rawCommentListSchema, rawCommentSchema, type RawComment } from './schemas';
import { getSiteIndex } from './site';
import { TAGS } from './tags';
import type { Comment, CommentPage, CommentSettings } from './types';
import { htmlToText } from './html-text';

/** WordPress's defaults, used when the companion plugin does not publish the site's own. */
export const DEFAULT_COMMENT_SETTINGS: CommentSettings = { maxDepth: 5, perPage: 0, order: 'asc' };

/**
 * Approved comments are read 100 at a time (the REST maximum) and threaded here, so a post with
 * up to 100 comments costs one request. Beyond this many requests the oldest are shown only.
 * @todo Posts with more than 1,000 comments would need WordPress to page threads itself.
 */
const MAX_COMMENT_REQUESTS = 10;
/** A page may hold at most this many threads, whatever the site asks, so a page stays readable. */
const MAX_THREADS_PER_PAGE = 100;

const COMMENT_FIELDS = ['id', 'post', 'parent', 'author_name', 'author_url', 'date_gmt', 'content', 'status'];

/** The site's threading depth, threads per page and order, from the REST index. */
export const getCommentSettings = cache(async (): Promise<CommentSettings> => {
  const raw = (await getSiteIndex()).broadsheet_comments;
  if (!raw) return DEFAULT_COMMENT_SETTINGS;
  return { maxDepth: Math.max(1, raw.thread_depth), perPage: raw.per_page, order: raw.order };
});

/** Only http(s) addresses become links; anything else a commenter typed is dropped. */
export function safeAuthorUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function mapComment(raw: RawComment): Comment {
  return {
    id: raw.id,
    parentId: raw.parent,
    authorName: htmlToText(raw.author_name) || 'Anonymous',
    authorUrl: safeAuthorUrl(raw.author_url),
    publishedAt: toIsoUtc(raw.date_gmt, raw.date_gmt),
    contentHtml: raw.content.rendered,
    status: raw.status === 'approved' ? 'approved' : 'hold',
    depth: 1,
    replies: [],
  };
}

/**
 * Builds WordPress's threads from a flat list: replies under their parents, oldest first at every
 * level, nothing deeper than `maxDepth` (deeper replies join their ancestor at the deepest level,
 * as WordPress shows them). A reply whose parent is not shown (held, deleted) starts its own thread.
 */
export function threadComments(flat: readonly Comment[], maxDepth: number): Comment[] {
  const byId = new Map<number, Comment>();
  for (const comment of flat) byId.set(comment.id, { ...comment, replies: [], depth: 1 });
  const roots: Comment[] = [];
  const sorted = [...byId.values()].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id - b.id);
  const depthOf = (comment: Comment): number => {
    let depth = 1;
    let parent = byId.get(comment.parentId);
    const seen = new Set<number>([comment.id]);
    while (parent && !seen.has(parent.id)) {
      seen.add(parent.id);
      depth++;
      parent = byId.get(parent.parentId);
    }
    return depth;
  };
  for (const comment of sorted) {
    let parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    // Climb until the reply fits under the deepest allowed level.
    while (parent && depthOf(parent) >= maxDepth) parent = byId.get(parent.parentId);
    if (parent) parent.replies.push(comment);
    else roots.push(comment);
  }
  const setDepths = (comments: Comment[], depth: number) => {
    for (const comment of comments) {
      comment.depth = depth;
      setDepths(comment.replies, depth + 1);
    }
  };
  setDepths(roots, 1);
  return roots;
}

/**
 * One page of threads, as WordPress pages them: whole threads (a top-level comment with all its
 * replies) per page, `perPage` of them (0: all on one page), newest last unless the site shows
 * newest first.
 */
export function pageOfThreads(
  threads: readonly Comment[],
  page: number,
  settings: CommentSettings,
): { threads: Comment[]; totalPages: number } {
  const ordered = settings.order === 'desc' ? [...threads].reverse() : [...threads];
  const perPage = Math.min(
    settings.perPage > 0 ? settings.perPage : MAX_THREADS_PER_PAGE,
    MAX_THREADS_PER_PAGE,
  );
  const totalPages = Math.max(1, Math.ceil(ordered.length / perPage));
  return { threads: ordered.slice((page - 1) * perPage, page * perPage), totalPages };
}

function countAll(comments: readonly Comment[]): number {
  return comments.reduce((sum, comment) => sum + 1 + countAll(comment.replies), 0);
}

/**
 * A post's approved comments, threaded and paged (page 1 first). Cached under the post's comments
 * tag: the plugin's webhook and a comment posted through this frontend both expire it. Returns
 * null for a page past the end. When the post is known to have no approved comments
 * (`Post.hasApprovedComments` false), WordPress is not asked for them: an article without
 * comments is rendered from one WordPress request.
 */
export async function getCommentPage(
  postId: number,
  page: number,
  hasApprovedComments: boolean | null = null,
): Promise<CommentPage | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  const [settings, flat] = await Promise.all([
    getCommentSettings(),
    hasApprovedComments === false ? [] : listApprovedComments(postId),
  ]);
  const threads = threadComments(flat, settings.maxDepth);
  const paged = pageOfThreads(threads, page, settings);
  if (page > paged.totalPages) return null;
  return {
    postId,
    page,
    totalPages: paged.totalPages,
    totalComments: countAll(threads),
    maxDepth: settings.maxDepth,
    threads: paged.threads,
  };
}

const listApprovedComments = cache(async (postId: number): Promise<Comment[]> => {
  const comments: Comment[] = [];
  for (let page = 1; page <= MAX_COMMENT_REQUESTS; page++) {
    const response = await wordpressTransport()({
      route: '/wp/v2/comments',
      params: {
        post: postId,
        per_page: 100,
        page,
        orderby: 'date_gmt',
        order: 'asc',
        _fields: COMMENT_FIELDS,
      },
      schema: rawCommentListSchema,
      cache: publishedCache([TAGS.comments(postId)]),
    });
    comments.push(...response.data.map(mapComment));
    if (page >= (response.totalPages ?? 1)) break;
  }
  return comments;
});

export interface NewComment {
  postId: number;
  parentId: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  content: string;
  /** The reader's address, for WordPress's flood control and spam checks. */
  clientAddress: string | null;
  userAgent: string | null;
}

/** Why WordPress refused a comment, in terms a form can show. */
export type CommentRejection = 'closed' | 'duplicate' | 'flood' | 'invalid' | 'not-found';

export class CommentRejectedError extends WordPressRequestRejectedError {
  override name = 'CommentRejectedError';
  constructor(
    readonly reason: CommentRejection,
    cause: WordPressRequestRejectedError,
  ) {
    super(cause.message, cause.endpoint, cause.status, cause.code, { cause });
  }
}

function rejectionOf(code: string | null, status: number): CommentRejection {
  switch (code) {
    case 'rest_comment_closed':
    case 'rest_comment_draft_post':
    case 'rest_comment_trash_post':
    case 'rest_comment_login_required':
      return 'closed';
    case 'comment_duplicate':
      return 'duplicate';
    case 'comment_flood':
      return 'flood';
    case 'rest_comment_invalid_post_id':
    case 'rest_cannot_read_post':
      return 'not-found';
    default:
      return status === 409 ? 'duplicate' : 'invalid';
  }
}

/**
 * Creates a comment as an anonymous reader, in a request signed for the companion plugin
 * (signedCommentHeaders), which allows it then and only then; WordPress decides everything else
 * (open, moderation, flood, duplicates). Throws CommentRejectedError with a reason
 * when WordPress refuses, WordPressUnavailableError when it cannot be asked.
 */
export async function createComment(input: NewComment): Promise<Comment> {
  try {
    const { data } = await wordpressTransport()({
      route: '/wp/v2/comments',
      params: { _fields: COMMENT_FIELDS },
      schema: rawCommentSchema,
      cache: 'no-store',
      postJson: {
        post: input.postId,
        parent: input.parentId,
        author_name: input.authorName,
        author_email: input.authorEmail,
        author_url: input.authorUrl,
        content: input.content,
        ...(input.userAgent ? { author_user_agent: input.userAgent.slice(0, 254) } : {}),
      },
      signBody: (body) => signedCommentHeaders(body, input.clientAddress, getConfig().sharedSecret),
    });
    return mapComment(data);
  } catch (error) {
    if (error instanceof WordPressRequestRejectedError) {
      throw new CommentRejectedError(rejectionOf(error.code, error.status), error);
    }
    throw error;
  }
}
