import { createHmac } from 'node:crypto';

/** How long a signed comment request stays valid, either way, for clocks that disagree. */
export const COMMENT_SIGNATURE_WINDOW_SECONDS = 300;

/**
 * The signature that lets a comment through the companion plugin, which refuses anonymous REST
 * comments without it, so readers can only comment through this frontend (its honeypot, limits
 * and field checks). HMAC-SHA256 with the shared secret over "comment:<timestamp>\n<address>\n
 * <body>": the "comment:" prefix keeps it apart from webhook and preview signatures, the
 * timestamp bounds a replay to COMMENT_SIGNATURE_WINDOW_SECONDS (and a replayed comment is
 * WordPress's duplicate), and the exact body binds it to this comment.
 *
 * The reader's address rides along, signed: WordPress sees every comment arrive from this
 * server, so its flood control and spam checks would otherwise treat all readers as one. The
 * plugin records the address only from a request this signature vouches for. Without an address
 * (unknown to this server) it is empty, and WordPress keeps its own.
 */
export function signedCommentHeaders(
  body: string,
  address: string | null,
  secret: string | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  if (!secret) return {};
  const timestamp = String(nowSeconds);
  const signature = createHmac('sha256', secret)
    .update(`comment:${timestamp}\n${address ?? ''}\n${body}`)
    .digest('hex');
  return {
    ...(address ? { 'X-Broadsheet-Commenter-Address': address } : {}),
    'X-Broadsheet-Comment-Timestamp': timestamp,
    'X-Broadsheet-Comment-Signature': `sha256=${signature}`,
  };
}
