import { expect, test, type APIRequestContext } from '@playwright/test';
import { createClient } from 'redis';
import { shutdownRedisAt, startRedis } from '../scripts/redis.mjs';
import { pathOf, textOf, wordpressGet, wordpressWrite, type WordPressPost } from './wordpress';

/**
 * Two app instances sharing one Redis (started by scripts/e2e.mjs): instance A is the address the
 * companion plugin sends its webhooks to, instance B hears of them only through Redis. Redis is
 * then stopped and started again, as an operator's would be.
 */
const instanceA = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const instanceB = process.env.E2E_INSTANCE_B_URL ?? '';
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 0);
const FRESH_WITHIN = { timeout: 5_000, intervals: [250] };

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  if (!instanceB || !redisPort)
    throw new Error('Run through scripts/e2e.mjs, which starts Redis and the second instance');
});

async function titleAt(request: APIRequestContext, base: string, path: string) {
  const html = await (await request.get(`${base}${path}`)).text();
  return /<h1 class="article__title">([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
}

/** Posts no other spec changes (the fault and editor suites use the first pages of the list). */
async function somePost(page: number) {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page });
  const post = data[0];
  if (!post) throw new Error('no post');
  return { id: post.id, path: pathOf(post.link), title: textOf(post.title.rendered) };
}

async function retitle(id: number, label: string) {
  const title = `${label} ${Date.now()}`;
  await wordpressWrite('POST', `/wp/v2/posts/${id}`, { title });
  return title;
}

test('a webhook sent to instance A is visible on instance B within 5 seconds', async ({ request }) => {
  const post = await somePost(11);
  // Both instances have the page cached, each in its own memory.
  for (const base of [instanceA, instanceB]) {
    expect(await titleAt(request, base, post.path)).toBe(post.title);
    expect(await titleAt(request, base, post.path)).toBe(post.title);
  }
  const title = await retitle(post.id, 'Shared');
  await expect.poll(() => titleAt(request, instanceB, post.path), FRESH_WITHIN).toBe(title);
  await expect.poll(() => titleAt(request, instanceA, post.path), FRESH_WITHIN).toBe(title);
});

test('with Redis stopped both instances keep serving, and restarting Redis restores coherence', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const post = await somePost(12);
  for (const base of [instanceA, instanceB]) {
    expect(await titleAt(request, base, post.path)).toBe(post.title);
  }
  await shutdownRedisAt(`redis://127.0.0.1:${redisPort}`);

  // Cached pages, and pages never seen before, are served by both instances from their own cache.
  const other = await somePost(13);
  for (const base of [instanceA, instanceB]) {
    for (const path of ['/', post.path, other.path]) {
      const response = await request.get(`${base}${path}`);
      expect(response.status(), `${base}${path} with Redis stopped`).toBe(200);
    }
  }
  // A change still reaches the instance WordPress tells.
  const whileDown = await retitle(post.id, 'Local');
  await expect.poll(() => titleAt(request, instanceA, post.path), FRESH_WITHIN).toBe(whileDown);

  // Redis comes back (empty, as after a restart); both instances reconnect by themselves.
  const redis = await startRedis({ port: redisPort });
  try {
    await expect
      .poll(
        async () => {
          const client = createClient({ url: redis.url });
          await client.connect();
          const clients = String(await client.sendCommand(['CLIENT', 'LIST']));
          await client.quit();
          // Each instance holds a publisher, a subscriber and the cache package's client.
          return clients.split('\n').filter((line) => line.includes('cmd=')).length;
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBeGreaterThanOrEqual(6);
    const afterRestart = await retitle(post.id, 'Coherent');
    await expect.poll(() => titleAt(request, instanceB, post.path), FRESH_WITHIN).toBe(afterRestart);
    await expect.poll(() => titleAt(request, instanceA, post.path), FRESH_WITHIN).toBe(afterRestart);
  } finally {
    // Left running for scripts/e2e.mjs to stop with the rest.
    redis.child.unref();
  }
});
