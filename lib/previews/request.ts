import { NextResponse } from 'next/server';
import type { Config } from '@/lib/config';
import { isHttpsRequest } from '@/lib/https-request';
import { parsePostTarget } from '@/lib/post-target';
import { verifyPreviewToken, type PreviewTarget } from '@/lib/wordpress';
import { PREVIEW_GRANT_SECONDS, previewGrantCookieName, signPreviewGrant } from './grant';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/** The frontend path where a previewed post is shown (drafts may have no slug; ids always work). */
export function previewPath(target: PreviewTarget): string {
  return `/preview/${target.type}/${target.id}/`;
}

/** Ends the preview of one post (the banner's "Exit preview" link). */
export function previewExitPath(target: PreviewTarget): string {
  return `/api/preview/exit/?type=${target.type}&id=${target.id}`;
}

/**
 * GET /api/preview/?token=…: the companion plugin's Preview link. A valid, unexpired token
 * leaves a grant cookie for that one post (see grant.ts), scoped to its preview page, and
 * redirects there; anything else is a 401 with nothing granted. Nothing here changes what this
 * browser, or anyone else, gets from any other page: Next's Draft Mode is not used, because its
 * cookie is the same for every browser until the next deploy and would bypass every cache.
 */
export function handlePreviewRequest(
  request: Request,
  config: Pick<Config, 'sharedSecret' | 'siteUrl'>,
  nowSeconds = Math.floor(Date.now() / 1000),
): Response {
  const secret = config.sharedSecret;
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!secret) return refuse('previews are not configured (set BROADSHEET_SECRET)');
  const verdict = verifyPreviewToken(secret, token, nowSeconds);
  if (!verdict.ok) return refuse(verdict.reason);
  const target = verdict.target;
  // A path, not a URL: the redirect can only stay on this site.
  const response = new NextResponse(null, {
    status: 307,
    headers: { ...NO_STORE, Location: previewPath(target) },
  });
  response.cookies.set(
    previewGrantCookieName(target),
    signPreviewGrant(secret, target, nowSeconds + PREVIEW_GRANT_SECONDS),
    {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttpsRequest(request, config.siteUrl),
      path: previewPath(target),
      maxAge: PREVIEW_GRANT_SECONDS,
    },
  );
  return response;
}

function refuse(reason: string): Response {
  return new Response(`Preview refused: ${reason}. Open the preview again from WordPress.`, {
    status: 401,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** GET /api/preview/exit/?type=post&id=N: forgets that post's grant and returns to the front page. */
export function handlePreviewExit(request: Request): Response {
  const query = new URL(request.url).searchParams;
  const target = parsePostTarget(query.get('type'), query.get('id'));
  const response = new NextResponse(null, { status: 307, headers: { ...NO_STORE, Location: '/' } });
  if (target)
    response.cookies.set(previewGrantCookieName(target), '', { path: previewPath(target), maxAge: 0 });
  return response;
}
