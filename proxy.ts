import { NextResponse, type NextRequest } from 'next/server';
import { internalFeedPath, isInternalFeedPath } from '@/lib/feeds/paths';
import { findSiteRedirect, isSitePath } from '@/lib/wordpress';

/** Longest path segment worth looking up (WordPress slugs are at most 200 encoded characters). */
const MAX_SEGMENT_LENGTH = 200;

/**
 * Turns away request paths that can never be a WordPress URL — malformed percent-encoding,
 * which Next itself would answer with a 500, and overlong segments — with a plain 404 before
 * any rendering or caching happens.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  for (const segment of path.split('/')) {
    if (segment.length > MAX_SEGMENT_LENGTH) return notFound();
  }
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(path);
  } catch {
    return notFound();
  }
  const ruled = await redirectRuleAnswer(request, decodedPath);
  if (ruled) return ruled;
  // WordPress's search URL, /?s=term, keeps working: it moves to the search page.
  const term = request.nextUrl.searchParams.get('s');
  if (path === '/' && term !== null) {
    const target = request.nextUrl.clone();
    target.pathname = '/search/';
    return NextResponse.redirect(target, 308);
  }
  // Feeds live at WordPress's URLs (…/feed/, …/feed/atom/) below page routes; one internal
  // route handler serves them all, and is not an address of its own.
  if (isInternalFeedPath(path)) return notFound();
  const feed = internalFeedPath(path);
  if (feed !== null) {
    const target = request.nextUrl.clone();
    target.pathname = feed;
    return NextResponse.rewrite(target);
  }
  return NextResponse.next();
}

/** The frontend's own routes, which no WordPress address (and so no Redirection rule) can name. */
const OWN_ROUTES =
  /^\/(?:api|preview|protected|search|sitemaps|_next)(?:\/|$)|^\/(?:robots\.txt|sitemap\.xml)$/;

/**
 * The Redirection plugin's answer for a page address, with the status its rule names (301, 302,
 * 307, 308 or 410, which a rendered page cannot send), before anything renders. Its rules are
 * kept in Next's data cache under their tag, so this costs no request to WordPress; when they
 * cannot be read, the page renders as if there were none (findSiteRedirect logs why).
 */
async function redirectRuleAnswer(request: NextRequest, path: string): Promise<NextResponse | null> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (path === '/' || OWN_ROUTES.test(path) || internalFeedPath(path) !== null) return null;
  let ruled;
  try {
    ruled = await findSiteRedirect(path.endsWith('/') ? path : `${path}/`);
  } catch (error) {
    console.error(
      `[wordpress] the Redirection rules could not be applied to ${path}: ${error instanceof Error ? error.message : error}`,
    );
    return null;
  }
  if (!ruled) return null;
  if (ruled.kind === 'gone') return gone();
  // Only a path of this site or another site's http(s) URL is ever sent as Location.
  const { location } = ruled;
  if (!isSitePath(location) && !/^https?:\/\/[^/\\]/i.test(location)) return null;
  // Next sends a Location on the request's own host as a path. Rules change in WordPress at any
  // time, so the answer is not stored.
  return new NextResponse(null, {
    status: ruled.status,
    headers: { Location: new URL(location, request.nextUrl).toString(), 'Cache-Control': 'no-store' },
  });
}

function gone() {
  return new NextResponse(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page removed</title>' +
      '<meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
      '<body><main><h1>Page removed</h1><p>This page was removed for good. <a href="/">Go to the front page</a>.</p></main></body></html>',
    {
      status: 410,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
}

function notFound() {
  return new NextResponse(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title>' +
      '<meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
      '<body><main><h1>Page not found</h1><p>This address is not valid. <a href="/">Go to the front page</a>.</p></main></body></html>',
    {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    },
  );
}

export const config = {
  // Next's own assets never need the check.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
