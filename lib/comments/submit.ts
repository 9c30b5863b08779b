import { clientAddress } from '@/lib/client-address';
import { RateLimiter } from '@/lib/rate-limit';
import { readBodyCapped } from '@/lib/request-body';
import { isCrossSiteRequest } from '@/lib/request-origin';
import { sanitizeCommentContent } from '@/lib/content/sanitize';
import { createComment, getSiteInfo, type Comment, type NewComment } from '@/lib/wordpress';
import {
  FIELD,
  OUTCOME_MESSAGES,
  outcomeAnchor,
  validateCommentFields,
  type FieldErrors,
  type SubmissionOutcome,
  type SubmissionResult,
} from './form';

/** What posting a comment needs from the rest of the app; tests pass their own. */
export interface SubmissionDependencies {
  /** Throws an error with a `reason` (CommentRejectedError) when WordPress refuses the comment. */
  createComment: (comment: NewComment) => Promise<Comment>;
  /** Expires the post's cached comments, so the story shows an approved comment at once. */
  revalidateComments: (postId: number) => void | Promise<void>;
  rateLimiter: RateLimiter;
  trustProxy: boolean;
  /** This site's public origin (SITE_URL): forms posted from elsewhere are refused. */
  siteUrl: string;
}

/**
 * Five comments per reader in ten minutes: more than any person writes, few enough to make a
 * script's flood pointless. WordPress's own flood control (one per 15 seconds) still applies.
 */
export const commentRateLimiter = () => new RateLimiter(5, 10 * 60 * 1000);

/**
 * The largest comment form accepted: WordPress's 65,525 characters of comment, each up to nine
 * bytes form-encoded (a three-byte UTF-8 character, percent-encoded), and the other fields.
 * serving/body-limits.mjs holds requests to the same cap.
 */
export const MAX_COMMENT_BODY_BYTES = 640 * 1024;

const NO_STORE = { 'Cache-Control': 'private, no-store' };
/** A post's path, as the form sends it back: same-site and absolute, nothing else. */
const SAME_SITE_PATH = /^\/(?![/\\])[^\s\\#?]*$/;

interface ParsedSubmission {
  wantsJson: boolean;
  postId: number | null;
  parentId: number;
  path: string | null;
  trapFilled: boolean;
  fields: { author: string; email: string; url: string; comment: string };
}

async function parseSubmission(type: string, bytes: Uint8Array): Promise<ParsedSubmission | null> {
  let read: (name: string) => unknown;
  // Parsed from the bytes already read (and bounded), by the platform's own body parsers.
  const body = new Response(bytes as BodyInit, { headers: { 'content-type': type } });
  try {
    if (type.startsWith('application/json')) {
      const data: unknown = await body.json();
      if (!data || typeof data !== 'object') return null;
      read = (name) => (data as Record<string, unknown>)[name];
    } else {
      const form = await body.formData();
      read = (name) => form.get(name);
    }
  } catch {
    return null;
  }
  const text = (name: string) => {
    const value = read(name);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  };
  const id = (name: string) => (/^[1-9]\d{0,9}$/.test(text(name)) ? Number(text(name)) : null);
  const path = text(FIELD.path);
  return {
    wantsJson: type.startsWith('application/json'),
    postId: id(FIELD.post),
    parentId: id(FIELD.parent) ?? 0,
    path: path.length <= 2000 && SAME_SITE_PATH.test(path) ? path : null,
    trapFilled: text(FIELD.trap) !== '',
    fields: {
      author: text(FIELD.author),
      email: text(FIELD.email),
      url: text(FIELD.url),
      comment: text(FIELD.comment),
    },
  };
}

function statusOf(outcome: SubmissionOutcome): number {
  switch (outcome) {
    case 'pending':
    case 'approved':
      return 200;
    case 'invalid':
      return 400;
    case 'closed':
      return 403;
    case 'not-found':
      return 404;
    case 'duplicate':
      return 409;
    case 'too-fast':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/**
 * POST /api/comments/: one comment, from the form without JavaScript (form data; answered with a
 * 303 back to the story, to an anchor that explains the outcome) or from the comment island
 * (JSON; answered with a SubmissionResult). Order: cross-site posts refused (403, before the
 * body is read), honeypot, per-reader limit, field checks, then WordPress, which has the last
 * word (closed, duplicate, flood, moderation).
 */
export async function handleCommentSubmission(
  request: Request,
  deps: SubmissionDependencies,
): Promise<Response> {
  const refuse = (status: number, message: string) =>
    new Response(message, { status, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' } });
  // Another site's page must not post in a reader's name (and from the reader's address).
  if (isCrossSiteRequest(request.headers, deps.siteUrl)) {
    return refuse(403, "Comments are accepted from this site's own pages only.");
  }
  const bytes = await readBodyCapped(request, MAX_COMMENT_BODY_BYTES).catch(() => new Uint8Array());
  if (bytes === null) return refuse(413, 'This comment is too long.');
  const submission = await parseSubmission(request.headers.get('content-type') ?? '', bytes);
  if (!submission || submission.postId === null) {
    return Response.json(
      { ok: false, outcome: 'invalid', message: 'Expected a comment form naming its story.' },
      { status: 400, headers: NO_STORE },
    );
  }
  const { wantsJson, postId, path } = submission;

  const respond = (
    outcome: SubmissionOutcome,
    extra: { comment?: Comment; fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ): Response => {
    const headers: Record<string, string> = { ...NO_STORE };
    if (extra.retryAfterSeconds) headers['Retry-After'] = String(extra.retryAfterSeconds);
    if (!wantsJson) {
      // Without JavaScript: back to the story, where the anchor's message is shown. An approved
      // comment is on the page by then, so the reader lands on it.
      if (path === null) {
        return new Response(OUTCOME_MESSAGES[outcome], {
          status: statusOf(outcome),
          headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
        });
      }
      const anchor =
        outcome === 'approved' && extra.comment ? `comment-${extra.comment.id}` : outcomeAnchor(outcome);
      return new Response(null, { status: 303, headers: { ...headers, Location: `${path}#${anchor}` } });
    }
    const body: SubmissionResult =
      (outcome === 'pending' || outcome === 'approved') && extra.comment
        ? { ok: true, outcome, comment: extra.comment }
        : {
            ok: false,
            outcome: outcome as Exclude<SubmissionOutcome, 'pending' | 'approved'>,
            message: OUTCOME_MESSAGES[outcome],
            ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {}),
            ...(extra.retryAfterSeconds ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
          };
    return Response.json(body, { status: statusOf(outcome), headers });
  };

  const address = clientAddress(request.headers, deps.trustProxy);
  const limit = deps.rateLimiter.attempt(address ?? 'unknown');
  if (!limit.allowed) return respond('too-fast', { retryAfterSeconds: limit.retryAfterSeconds });

  if (submission.trapFilled) {
    // Look like success, so a bot learns nothing; nothing reaches WordPress.
    return respond('pending', {
      comment: {
        id: 0,
        parentId: submission.parentId,
        authorName: submission.fields.author,
        authorUrl: null,
        publishedAt: new Date().toISOString(),
        contentHtml: '',
        status: 'hold',
        depth: 1,
        replies: [],
      },
    });
  }

  const fieldErrors = validateCommentFields(submission.fields);
  if (Object.keys(fieldErrors).length > 0) return respond('invalid', { fieldErrors });

  try {
    const comment = await deps.createComment({
      postId,
      parentId: submission.parentId,
      authorName: submission.fields.author.trim(),
      authorEmail: submission.fields.email.trim(),
      authorUrl: submission.fields.url.trim(),
      content: submission.fields.comment.trim(),
      clientAddress: address,
      userAgent: request.headers.get('user-agent'),
    });
    if (comment.status === 'approved') {
      await deps.revalidateComments(postId);
      return respond('approved', { comment });
    }
    return respond('pending', { comment });
  } catch (error) {
    const reason = error instanceof Error && 'reason' in error ? String(error.reason) : null;
    switch (reason) {
      case 'closed':
        return respond('closed');
      case 'duplicate':
        return respond('duplicate');
      case 'flood':
        return respond('too-fast', { retryAfterSeconds: 15 });
      case 'not-found':
        return respond('not-found');
      case 'invalid':
        return respond('invalid');
      default:
        console.error(`[comments] ${error instanceof Error ? error.message : String(error)}`);
        return respond('unavailable');
    }
  }
}

/**
 * Creates a comment in WordPress and returns it ready to show in the browser: the JSON answer's
 * HTML is sanitised as the comment section sanitises it, since the island inserts it as is.
 */
export async function createDisplayableComment(comment: NewComment): Promise<Comment> {
  const [created, site] = await Promise.all([createComment(comment), getSiteInfo()]);
  return { ...created, contentHtml: sanitizeCommentContent(created.contentHtml, site.addresses) };
}
