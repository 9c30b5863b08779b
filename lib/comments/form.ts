/**
 * The comment form's fields, limits, checks and messages: shared by the server (which decides)
 * and the browser (which shows the same errors inline before sending). Kept free of any
 * dependency so it adds little to the browser's bundle.
 */
import type { Comment } from '@/lib/wordpress';

/** WordPress's own form field names, so the form reads like WordPress's to people and tools. */
export const FIELD = {
  author: 'author',
  email: 'email',
  url: 'url',
  comment: 'comment',
  parent: 'comment_parent',
  post: 'comment_post_ID',
  path: 'redirect_to',
  /**
   * The honeypot: hidden from people (off-screen, out of the tab order, hidden from assistive
   * technology), tempting to form-filling bots. Anything in it and the comment is dropped.
   */
  trap: 'company',
} as const;

/** WordPress's column limits (wp_get_comment_fields_max_lengths). */
export const LIMITS = { author: 245, email: 100, url: 200, comment: 65525 } as const;

export type FieldName = 'author' | 'email' | 'url' | 'comment';
export type FieldErrors = Partial<Record<FieldName, string>>;

export interface CommentFields {
  author: string;
  email: string;
  url: string;
  comment: string;
}

/** Deliberately loose, like WordPress's is_email: something@something.something. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with each field, in words a reader can act on; empty when all is well. */
export function validateCommentFields(fields: CommentFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.author.trim()) errors.author = 'Please enter your name.';
  else if (fields.author.length > LIMITS.author)
    errors.author = `Your name can be at most ${LIMITS.author} characters.`;
  if (!fields.email.trim()) errors.email = 'Please enter your email address (it is not published).';
  else if (fields.email.length > LIMITS.email || !EMAIL.test(fields.email.trim()))
    errors.email = 'Please enter a valid email address, like name@example.com.';
  const url = fields.url.trim();
  if (url) {
    let valid = url.length <= LIMITS.url;
    try {
      const parsed = new URL(url);
      valid &&= parsed.protocol === 'http:' || parsed.protocol === 'https:';
    } catch {
      valid = false;
    }
    if (!valid) errors.url = 'Please enter a full web address starting with https://, or leave it empty.';
  }
  if (!fields.comment.trim()) errors.comment = 'Please write a comment.';
  else if (fields.comment.length > LIMITS.comment) errors.comment = 'Your comment is too long.';
  return errors;
}

/** How a submission ended, as the route handler reports it and the page explains it. */
export type SubmissionOutcome =
  'pending' | 'approved' | 'invalid' | 'closed' | 'duplicate' | 'too-fast' | 'not-found' | 'unavailable';

export const OUTCOME_MESSAGES: Record<SubmissionOutcome, string> = {
  pending: 'Thank you! Your comment is awaiting moderation and will appear once it is approved.',
  approved: 'Thank you! Your comment is published.',
  invalid: 'Your comment could not be sent: please check the fields and try again.',
  closed: 'Comments are closed on this story.',
  duplicate: 'It looks as though you have already said that.',
  'too-fast': 'You are commenting a little too quickly. Please wait a minute and try again.',
  'not-found': 'This story no longer takes comments.',
  unavailable: 'Your comment could not be sent just now. Please try again in a moment.',
};

/** The JSON the route handler answers a script with. */
export type SubmissionResult =
  | { ok: true; outcome: 'pending' | 'approved'; comment: Comment }
  | {
      ok: false;
      outcome: Exclude<SubmissionOutcome, 'pending' | 'approved'>;
      message: string;
      fieldErrors?: FieldErrors;
      retryAfterSeconds?: number;
    };

/** Where every outcome's anchor starts; comments may not link to these (see sanitizeCommentContent). */
export const OUTCOME_ANCHOR_PREFIX = 'comment-status-';

/** The element a page without JavaScript is sent to after posting (shown by CSS :target). */
export function outcomeAnchor(outcome: SubmissionOutcome): string {
  return `${OUTCOME_ANCHOR_PREFIX}${outcome}`;
}
