import { revalidateTag } from 'next/cache';
import { getConfig } from '@/lib/config';
import { ReplayGuard, verifyWebhook } from './webhook';

const replayGuard = new ReplayGuard();

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * POST /api/revalidate: verifies the companion plugin's signed event and marks the tags it
 * touches stale. Stale, not dropped ('max'): the next reader still gets the last good page at
 * once while it re-renders, so a WordPress outage at that moment cannot blank a page.
 */
export async function handleRevalidationRequest(request: Request): Promise<Response> {
  const body = await request.text();
  const verdict = verifyWebhook({
    secret: getConfig().sharedSecret,
    timestamp: request.headers.get('x-broadsheet-timestamp'),
    signature: request.headers.get('x-broadsheet-signature'),
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
    replayGuard,
  });
  if (verdict.status !== 200) {
    console.warn(`[revalidate] refused (${verdict.status}): ${verdict.error}`);
    return json({ error: verdict.error }, verdict.status);
  }
  for (const tag of verdict.tags) revalidateTag(tag, 'max');
  const subject = 'id' in verdict.event.object ? `#${verdict.event.object.id}` : verdict.event.object.option;
  console.log(
    `[revalidate] ${verdict.event.type} ${verdict.event.action} ${subject} → ${verdict.tags.join(' ')}`,
  );
  return json({ revalidated: verdict.tags }, 200);
}
