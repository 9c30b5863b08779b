import { readFileSync, statSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  pathOf,
  sendPostUpdatedWebhook,
  textOf,
  wordpressGet,
  wordpressWrite,
  type WordPressPost,
} from './wordpress';

/**
 * WordPress misbehaving in every way the fault proxy (scripts/fault-proxy.mjs) can make it,
 * one fault at a time. Through each fault:
 * - a cached page that has just been revalidated keeps answering 200 with its last good content;
 * - a page never rendered before answers a 503 that nothing may store, within the deadline;
 * - the app logs the fault once per endpoint, without stack traces.
 * And once each fault clears, without anyone doing anything, every page touched so far shows
 * what WordPress says: nothing wrong was cached on the way.
 */
const controlUrl = process.env.E2E_FAULT_PROXY_URL ?? '';
const appLog = process.env.E2E_APP_LOG ?? '';
/** The app's deadline for one WordPress request (the app and this test share the environment). */
const timeoutMs = Number(process.env.WORDPRESS_TIMEOUT_MS ?? 8000);
/** Rendering and scheduling on a busy machine; a correctness bound, not a performance figure. */
const DEADLINE_MARGIN_MS = 5000;

const FAULTS = [
  `latency:${timeoutMs + 2000}`,
  'status:500',
  'status:502',
  'status:503',
  'reset',
  'truncate',
  'malformed-json',
  'wrong-shape',
  'blackhole',
  'refuse',
] as const;

async function setFault(mode: string) {
  const response = await fetch(`${controlUrl}/fault`, { method: 'PUT', body: JSON.stringify({ mode }) });
  expect(response.status, await response.text()).toBe(200);
}

/** Everything the app has logged since `offset` (a byte position in its log). */
function appLogSince(offset: number): string {
  return readFileSync(appLog).subarray(offset).toString('utf8');
}

/** One fresh published post per fault: pages no reader has ever opened. */
const freshPosts = new Map<string, { id: number; path: string; title: string }>();
/** A cached post whose page is revalidated just before each fault. */
let stalePost: { id: number; slug: string; path: string; title: string };

/** Several changes in one WordPress request (the REST batch endpoint): WordPress writes are slow. */
async function wordpressBatch(requests: { method: 'POST' | 'DELETE'; path: string; body?: object }[]) {
  const { responses } = await wordpressWrite<{ responses: { status: number; body: unknown }[] }>(
    'POST',
    '/batch/v1',
    { requests },
  );
  for (const response of responses) {
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  }
  return responses.map((response) => response.body as WordPressPost);
}

/** Pages opened so far, with what each must show: checked again after every fault. */
const touched = new Map<string, () => Promise<string[]>>();
/** Fault lines logged over the whole suite: at least one, and never two for one episode. */
let faultsLogged = 0;

async function newestTitles(count: number): Promise<string[]> {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: count });
  return data.map((post) => textOf(post.title.rendered));
}

async function expectShowsTruth(request: APIRequestContext, path: string, truth: () => Promise<string[]>) {
  const expected = await truth();
  await expect
    .poll(
      async () => {
        const response = await request.get(path);
        const html = response.status() === 200 ? await response.text() : '';
        return expected.filter((text) => !html.includes(escapeHtml(text)));
      },
      { message: `${path} shows what WordPress says`, timeout: 90_000 },
    )
    .toEqual([]);
}

/** Text as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  expect(controlUrl, 'E2E_FAULT_PROXY_URL must name the fault proxy’s control API').not.toBe('');
  expect(appLog, 'E2E_APP_LOG must name the app’s log file').not.toBe('');
  await setFault('none');
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 4 });
  const post = data[0];
  if (!post) throw new Error('The seed has fewer than four posts');
  stalePost = { id: post.id, slug: post.slug, path: pathOf(post.link), title: textOf(post.title.rendered) };
  const stamp = Date.now();
  const created = await wordpressBatch(
    FAULTS.map((fault) => ({
      method: 'POST',
      path: '/wp/v2/posts',
      body: {
        title: `Dispatch from a flaky server, ${fault.replace(':', ' ')} ${stamp}`,
        content: `<p>Written to be read only after WordPress answered ${fault}.</p>`,
        status: 'publish',
      },
    })),
  );
  FAULTS.forEach((fault, index) => {
    const fresh = created[index];
    if (!fresh) throw new Error(`WordPress did not create the post for ${fault}`);
    freshPosts.set(fault, { id: fresh.id, path: pathOf(fresh.link), title: textOf(fresh.title.rendered) });
  });
});

test.afterAll(async () => {
  test.setTimeout(240_000);
  if (controlUrl) await setFault('none');
  if (freshPosts.size === 0) return;
  await wordpressBatch(
    [...freshPosts.values()].map((post) => ({
      method: 'DELETE',
      path: `/wp/v2/posts/${post.id}?force=true`,
    })),
  );
});

test('before any fault, the pages under test are cached with WordPress’s content', async ({ request }) => {
  test.setTimeout(240_000);
  touched.set('/', () => newestTitles(3));
  touched.set(stalePost.path, async () => [stalePost.title]);
  for (const [path, truth] of touched) await expectShowsTruth(request, path, truth);
});

for (const fault of FAULTS) {
  test(`WordPress answering ${fault}`, async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const fresh = freshPosts.get(fault);
    if (!fresh) throw new Error(`no fresh post for ${fault}`);
    const logOffset = statSync(appLog).size;

    // A post changes just before WordPress starts failing: the webhook marks its page (and the
    // front page) stale, so the next reader's visit re-renders them, through the fault.
    const webhook = await sendPostUpdatedWebhook(baseURL ?? '', { id: stalePost.id, slug: stalePost.slug });
    expect(webhook.status).toBe(200);

    await setFault(fault);
    try {
      for (let reader = 0; reader < 2; reader++) {
        const cached = await request.get(stalePost.path);
        expect(cached.status(), `cached ${stalePost.path}`).toBe(200);
        expect(await cached.text()).toContain(escapeHtml(stalePost.title));
        expect((await request.get('/')).status(), 'cached front page').toBe(200);
      }
      // Two readers at once: both wait no longer than the deadline, and both get the 503.
      const started = Date.now();
      const readers = [0, 1].map(() => request.get(fresh.path, { timeout: timeoutMs + 30_000 }));
      for (const uncached of await Promise.all(readers)) {
        expect(uncached.status(), `never-cached ${fresh.path}`).toBe(503);
        expect(uncached.headers()['cache-control']).toMatch(/no-store/);
        expect(uncached.headers()['retry-after']).toBeTruthy();
        expect(await uncached.text()).toContain('unavailable right now');
      }
      expect(Date.now() - started, 'a reader waits no longer than the WordPress deadline').toBeLessThan(
        timeoutMs + DEADLINE_MARGIN_MS,
      );
    } finally {
      await setFault('none');
    }
    const faultLog = appLogSince(logOffset);

    // Recovered by itself: the new page renders, and every page opened so far — the revalidated
    // ones included — shows WordPress's content, not anything kept from the fault.
    touched.set(fresh.path, async () => [fresh.title]);
    for (const [path, truth] of touched) await expectShowsTruth(request, path, truth);

    // During the fault, one line per failing endpoint, naming it (a slow WordPress may fail
    // again while pages re-render after it: that is another episode); and at no time a stack
    // trace for a WordPress failure, however many readers failed.
    const faultLines = faultLog.split('\n').filter((line) => line.includes('counted, not logged'));
    // An endpoint still failing from the previous fault (no request of its failed URLs answered
    // since) is not announced again, so a fault may add no line; it may never add two.
    faultsLogged += faultLines.length;
    const endpoints = faultLines.map((line) => line.match(/\[wordpress\] (\S+) /)?.[1] ?? line);
    expect(endpoints, `each endpoint once:\n${faultLines.join('\n')}`).toEqual([...new Set(endpoints)]);
    expect(endpoints.every((endpoint) => endpoint.startsWith('/'))).toBe(true);
    // (Only WordPress's failures: other parts, such as the Redis cache client on a busy machine,
    // log in their own way.)
    const logged = appLogSince(logOffset);
    expect(logged, 'no stack traces for failed renders').not.toContain('⨯');
    expect(logged).not.toMatch(/WordPress(Unavailable|InvalidResponse)Error|TypeError: fetch failed/);
  });
}

test('the faults were logged, one line per failing endpoint', () => {
  expect(faultsLogged).toBeGreaterThan(0);
});
