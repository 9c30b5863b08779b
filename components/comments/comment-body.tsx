import type { ReactNode } from 'react';
import { parseSanitizedHtml } from '@/lib/content/render';
import { sanitizeCommentContent } from '@/lib/content/sanitize';
import type { SiteAddresses } from '@/lib/wordpress';

/** Comments already reported by this process, so a bad one is logged once, not on every render. */
const reported = new Set<number>();
const MAX_REPORTED = 1_000;

function reportOnce(commentId: number, error: unknown) {
  if (reported.has(commentId)) return;
  if (reported.size >= MAX_REPORTED) reported.clear();
  reported.add(commentId);
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(
    `[comments] comment #${commentId} cannot be rendered and is shown as a placeholder (${reason})`,
  );
}

/**
 * One comment's body: WordPress's HTML sanitised here (its links read against the site's
 * addresses) and parsed on its own, never injected raw. Anyone can write a comment, so a body
 * that cannot be parsed must not take its article or the comments beside it down: it becomes a
 * placeholder, and the server says which comment once.
 */
export function CommentBody({
  commentId,
  html,
  addresses,
}: {
  commentId: number;
  /** WordPress's rendered HTML, unsanitised. */
  html: string;
  addresses: SiteAddresses;
}) {
  let body: ReactNode;
  try {
    body = parseSanitizedHtml(sanitizeCommentContent(html, addresses));
  } catch (error) {
    reportOnce(commentId, error);
    return <p className="comment__content comment__content--unavailable">This comment cannot be shown.</p>;
  }
  return <div className="comment__content">{body}</div>;
}
