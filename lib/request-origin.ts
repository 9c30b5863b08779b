/**
 * Whether a browser sent this request from a page of another site, for routes that act on a
 * reader's behalf (a comment carries the reader's address, which this frontend vouches for to
 * WordPress). A browser says where a POST comes from in two ways:
 *
 * - `Sec-Fetch-Site` (every current browser): only `cross-site` is refused here; the other
 *   values (`same-origin`, `same-site`, `none`) leave the decision to Origin.
 * - `Origin` (sent on every POST by current browsers, forms without JavaScript included): it
 *   must be this site's public origin (SITE_URL) or the host the request was addressed to (the
 *   same frontend under another name, such as a staging host). Anything else — another
 *   sub-domain of the same site, or "null" (a sandboxed frame, a cross-origin redirect) — is
 *   refused: the comment form only ever posts from this frontend's own pages.
 *
 * A request with neither header is allowed: it does not come from a browser that could be made
 * to post on a reader's behalf (browsers that predate both headers are long out of support), and
 * a client sending it itself could as well send a matching Origin, so refusing it would stop
 * only honest scripts and old clients. Those go through the same honeypot and limits as anyone.
 */
export function isCrossSiteRequest(headers: Headers, siteUrl: string): boolean {
  if (headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return true;
  const origin = headers.get('origin')?.trim();
  if (origin === undefined || origin === '') return false;
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    return true; // "null", or anything else that is no origin.
  }
  if (sender.origin === originOf(siteUrl)) return false;
  const host = headers.get('host')?.trim().toLowerCase();
  return !host || sender.host !== host;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
