import { NextResponse, type NextRequest } from 'next/server';
import { internalFeedPath, isInternalFeedPath } from '@/lib/feeds/paths';

/** Longest path segment worth looking up (WordPress slugs are at most 200 encoded characters). */
const MAX_SEGMENT_LENGTH = 200;

/**
 * Turns away request paths that can never be a WordPress URL — malformed percent-encoding,
 * which Next itself would answer with a 500, and overlong segments — with a plain 404 before
 * any rendering or caching happens.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  for (const segment of path.split('/')) {
    if (segment.length > MAX_SEGMENT_LENGTH) return notFound();
  }
  try {
    decodeURIComponent(path);
  } catch {
    return notFound();
  }
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
