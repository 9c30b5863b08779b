/**
 * What every XML document Broadsheet serves (sitemaps, feeds) needs: characters XML can carry,
 * escaping, and the response with its caching headers.
 */

/**
 * Characters XML 1.0 does not allow anywhere, not even escaped: C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE and U+FFFF. WordPress content may carry
 * them (pasted from word processors); one would make the whole document unreadable.
 */
const INVALID_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function removeInvalidXmlCharacters(text: string): string {
  return text.replace(INVALID_XML_CHARACTERS, '');
}

/** Text or an attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return removeInvalidXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const CONTENT_TYPES = {
  xml: 'application/xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

/**
 * Cache-Control for the XML documents: a CDN keeps them for the revalidation period and may
 * serve a stale copy for as long again (at least a day) while it refetches; Next's own cache
 * (ISR, refreshed by the webhook's tags) answers that refetch without asking WordPress.
 */
export function xmlCacheControl(revalidateSeconds: number): string {
  return `public, max-age=0, s-maxage=${revalidateSeconds}, stale-while-revalidate=${Math.max(revalidateSeconds, 86_400)}`;
}

export function xmlResponse(
  body: string,
  options: { contentType: string; revalidateSeconds: number; headers?: Record<string, string> },
): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': options.contentType,
      'Cache-Control': xmlCacheControl(options.revalidateSeconds),
      ...options.headers,
    },
  });
}

/** A plain 404 for a document that does not exist, cached like the documents themselves. */
export function xmlNotFound(revalidateSeconds: number): Response {
  return new Response('Not found\n', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': xmlCacheControl(revalidateSeconds),
    },
  });
}
