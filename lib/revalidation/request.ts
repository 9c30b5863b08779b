import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { getConfig } from '@/lib/config';
import { declaresBodyOver } from '@/lib/request-body';
import { MAX_WEBHOOK_BODY_BYTES, ReplayGuard, verifyWebhook } from '@/lib/wordpress';
import { SettleLedger } from './settle-ledger';

const replayGuard = new ReplayGuard();
const settleLedger = new SettleLedger();

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } });
}

/**
 * How long after an event its tags are marked stale a second time. Next judges an entry fresh
 * when it was stored after the tag's stale mark, so a render that began before the event and
 * finished after it (its WordPress requests answered with the old content) would otherwise be
 * kept as fresh until the time-based backstop. Every WordPress request ends within the timeout,
 * so a second mark after it catches every such render; the price is one extra re-render, which
 * is not paid for a tag marked again meanwhile late enough to have done the same (./settle-ledger.ts).
 */
export function settleDelayMs(wordpressTimeoutMs: number): number {
  return wordpressTimeoutMs + 2_000;
}

/**
 * POST /api/revalidate: verifies the companion plugin's signed event and marks the tags it
 * touches stale. Stale, not dropped ('max'): the next reader still gets the last good page at
 * once while it re-renders, so a WordPress outage at that moment cannot blank a page.
 */
export async function handleRevalidationRequest(request: Request): Promise<Response> {
  if (declaresBodyOver(request, MAX_WEBHOOK_BODY_BYTES)) return json({ error: 'Body too large.' }, 413);
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
  const tags = verdict.tags;
  const markedAt = Date.now();
  settleLedger.marked(tags, markedAt);
  after(async () => {
    const { wordpressTimeoutMs } = getConfig();
    await new Promise((resolve) => setTimeout(resolve, settleDelayMs(wordpressTimeoutMs)));
    const unsettled = settleLedger.unsettled(tags, markedAt, wordpressTimeoutMs);
    for (const tag of unsettled) revalidateTag(tag, 'max');
    settleLedger.marked(unsettled, Date.now());
  });
  const subject = 'id' in verdict.event.object ? `#${verdict.event.object.id}` : verdict.event.object.option;
  console.log(
    `[revalidate] ${verdict.event.type} ${verdict.event.action} ${subject} → ${verdict.tags.join(' ')}`,
  );
  return json({ revalidated: verdict.tags }, 200);
}
