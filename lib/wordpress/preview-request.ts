import { draftMode } from 'next/headers';
import { getConfig } from '@/lib/config';
import { verifyPreviewToken } from './preview-token';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/** The frontend path where a previewed post is shown (drafts may have no slug; ids always work). */
export function previewPath(target: { id: number; type: 'post' | 'page' }): string {
  return `/preview/${target.type}/${target.id}/`;
}

/**
 * GET /api/preview/?token=…: the companion plugin's Preview link. A valid, unexpired token turns
 * on Draft Mode for this browser and redirects to the post's preview on this same site; anything
 * else is a 401 with nothing enabled.
 */
export async function handlePreviewRequest(request: Request): Promise<Response> {
  const secret = getConfig().sharedSecret;
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const verdict = secret ? verifyPreviewToken(secret, token, Math.floor(Date.now() / 1000)) : null;
  if (!verdict?.ok) {
    const reason = verdict ? verdict.reason : 'previews are not configured (set BROADSHEET_SECRET)';
    return new Response(`Preview refused: ${reason}. Open the preview again from WordPress.`, {
      status: 401,
      headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  (await draftMode()).enable();
  // A path, not a URL: the redirect can only stay on this site.
  return new Response(null, { status: 307, headers: { ...NO_STORE, Location: previewPath(verdict.target) } });
}

/** GET /api/preview/exit/: turns Draft Mode off and returns to the front page. */
export async function handlePreviewExit(): Promise<Response> {
  (await draftMode()).disable();
  return new Response(null, { status: 307, headers: { ...NO_STORE, Location: '/' } });
}
