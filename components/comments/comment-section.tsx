import { IntentLink as Link } from '@/components/intent-link';
import { OUTCOME_MESSAGES, outcomeAnchor, type SubmissionOutcome } from '@/lib/comments/form';
import { commentPagePath } from '@/lib/wordpress';
import type { Comment, CommentPage, SiteAddresses } from '@/lib/wordpress';
import { FormattedDate, type SiteDates } from '../formatted-date';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import '../islands.css';

/** What the section needs of the site: how to write dates, and what comments' links are read against. */
type CommentSite = SiteDates & { addresses: SiteAddresses };

/** Outcomes a reader without JavaScript is sent back to after posting (see lib/comments/submit.ts). */
const ANCHORED_OUTCOMES: SubmissionOutcome[] = [
  'pending',
  'invalid',
  'closed',
  'duplicate',
  'too-fast',
  'not-found',
  'unavailable',
];

function CommentAuthor({ comment }: { comment: Comment }) {
  // Names and addresses are commenters' own words: text, and a link only to http(s).
  return comment.authorUrl ? (
    <a className="comment__author" href={comment.authorUrl} rel="external nofollow ugc">
      {comment.authorName}
    </a>
  ) : (
    <span className="comment__author">{comment.authorName}</span>
  );
}

function CommentItem({ comment, maxDepth, site }: { comment: Comment; maxDepth: number; site: CommentSite }) {
  return (
    <li id={`comment-${comment.id}`} className="comment">
      <article className="comment__body" aria-labelledby={`comment-${comment.id}-by`}>
        <p className="comment__meta" id={`comment-${comment.id}-by`}>
          <CommentAuthor comment={comment} /> <span className="visually-hidden">wrote on</span>
          <span aria-hidden="true"> · </span>
          <a className="comment__permalink" href={`#comment-${comment.id}`}>
            <FormattedDate iso={comment.publishedAt} site={site} withTime />
          </a>
        </p>
        <CommentBody commentId={comment.id} html={comment.contentHtml} addresses={site.addresses} />
        {comment.depth < maxDepth && (
          // Shown only once the comment form is interactive (CSS), which then makes it a reply.
          <button
            type="button"
            className="comment__reply"
            data-reply-to={comment.id}
            data-reply-author={comment.authorName}
          >
            Reply<span className="visually-hidden"> to {comment.authorName}</span>
          </button>
        )}
      </article>
      {comment.replies.length > 0 && (
        <ol className="comment-list comment-list--replies">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} maxDepth={maxDepth} site={site} />
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * A post's comments, server-rendered: threads, links between comment pages at WordPress's own
 * /comment-page-N/ paths, and the comment form (an island; a plain form without JavaScript).
 * With comments closed and none to show, nothing is rendered.
 */
export function CommentSection({
  postId,
  postPath,
  comments,
  open,
  site,
}: {
  postId: number;
  postPath: string;
  comments: CommentPage;
  open: boolean;
  site: CommentSite;
}) {
  const { totalComments, threads, page, totalPages, maxDepth } = comments;
  if (!open && totalComments === 0) return null;
  return (
    <section id="comments" className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comments__title">
        {totalComments === 0
          ? 'Comments'
          : `${totalComments} ${totalComments === 1 ? 'comment' : 'comments'}`}
        {totalPages > 1 && (
          <span className="comments__page">
            , page {page} of {totalPages}
          </span>
        )}
      </h2>
      {threads.length > 0 && (
        <ol className="comment-list">
          {threads.map((comment) => (
            <CommentItem key={comment.id} comment={comment} maxDepth={maxDepth} site={site} />
          ))}
        </ol>
      )}
      {totalPages > 1 && (
        <nav className="pagination comments__pagination" aria-label="Comment pages">
          {page > 1 && (
            <Link href={`${commentPagePath(postPath, page - 1)}#comments`} rel="prev">
              ← Earlier comments
            </Link>
          )}
          {page < totalPages && (
            <Link href={`${commentPagePath(postPath, page + 1)}#comments`} rel="next">
              Later comments →
            </Link>
          )}
        </nav>
      )}
      {open ? (
        <>
          <div className="comment-outcomes">
            {ANCHORED_OUTCOMES.map((outcome) => (
              <p
                key={outcome}
                id={outcomeAnchor(outcome)}
                className={`comment-outcome comment-outcome--${outcome === 'pending' ? 'ok' : 'error'}`}
              >
                {OUTCOME_MESSAGES[outcome]}
              </p>
            ))}
          </div>
          <CommentForm postId={postId} postPath={postPath} />
        </>
      ) : (
        <p className="comments__closed">Comments are closed.</p>
      )}
    </section>
  );
}
