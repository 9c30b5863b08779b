import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createClient } from 'redis';
import { shutdownRedisAt, startRedis } from '../scripts/redis.mjs';
import { pathOf, textOf, wordpressGet, wordpressWrite, type WordPressPost } from './wordpress';

/**
 * Two app instances sharing one Redis, with Varnish (deploy/varnish/broadsheet.vcl) in front of
 * both (all started by scripts/e2e.mjs): instance A is the address the companion plugin sends its
 * webhooks to, instance B hears of them only through Redis, Varnish is purged by A. Redis is then
 * stopped and started again, as an operator's would be; the instances are stopped and resumed;
 * Varnish is stopped last.
 */
const instanceA = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const instanceB = process.env.E2E_INSTANCE_B_URL ?? '';
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 0);
const varnish = process.env.E2E_VARNISH_URL ?? '';
const instancePids = (process.env.E2E_INSTANCE_PIDS ?? '').split(',').filter(Boolean).map(Number);
const appLog = process.env.E2E_APP_LOG ?? '';
const FRESH_WITHIN = { timeout: 5_000, intervals: [250] };

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => {
  if (!instanceB || !redisPort || !varnish || instancePids.length !== 2 || !appLog)
    throw new Error('Run through scripts/e2e.mjs, which starts Redis, Varnish and the second instance');
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
    await freshInMemoryOn(request, base, post.path);
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

/** The parts of an answer through Varnish (or straight from an instance) these tests look at. */
async function fetchPage(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  const headers = response.headers();
  const html = await response.text();
  return {
    status: response.status(),
    title: /<h1 class="article__title">([^<]*)<\/h1>/.exec(html)?.[1] ?? null,
    varnish: headers['x-varnish-cache'] ?? '',
    age: Number(headers.age ?? 0),
    fastPath: headers['x-broadsheet-cache'] ?? '',
  };
}

/**
 * Waits until an instance answers a page from its in-memory copy, which only a fresh answer
 * leaves: then no re-render begun by an earlier stale answer is still running. An edit made while
 * one runs is caught by the webhook's second, settling revalidation (lib/revalidation/request.ts),
 * later than the five seconds these tests hold the instances to; that case is the settle delay's.
 */
async function freshInMemoryOn(request: APIRequestContext, base: string, path: string) {
  await expect
    .poll(async () => (await fetchPage(request, `${base}${path}`)).fastPath, { timeout: 30_000 })
    .toBe('HIT');
}

/** Varnish's view of the two instances: "healthy" or "sick" each. */
function backendHealth() {
  const list = execFileSync('varnishadm', ['-n', process.env.E2E_VARNISH_WORK_FOLDER ?? '', 'backend.list'], {
    encoding: 'utf8',
  });
  return list
    .split('\n')
    .filter((line) => line.includes('instance_'))
    .map((line) => (/\bhealthy\b/i.test(line) ? 'healthy' : 'sick'));
}

test('through Varnish an edit is seen within 5 seconds, and pages it does not touch stay cached everywhere', async ({
  request,
}) => {
  const [edited, untouched] = [await somePost(14), await somePost(15)];
  for (const post of [edited, untouched]) {
    await fetchPage(request, `${varnish}${post.path}`);
    expect((await fetchPage(request, `${varnish}${post.path}`)).varnish).toBe('HIT');
  }
  // The untouched page is in both instances' fast path too.
  for (const base of [instanceA, instanceB]) {
    await expect
      .poll(async () => (await fetchPage(request, `${base}${untouched.path}`)).fastPath)
      .toBe('HIT');
  }
  for (const base of [instanceA, instanceB]) await freshInMemoryOn(request, base, edited.path);
  const ageBefore = (await fetchPage(request, `${varnish}${untouched.path}`)).age;

  const title = await retitle(edited.id, 'Purged');
  await expect
    .poll(async () => (await fetchPage(request, `${varnish}${edited.path}`)).title, FRESH_WITHIN)
    .toBe(title);

  // Neither purged from Varnish nor dropped from the instances' memory: Varnish still answers
  // from the copy it had (older than before), and both instances from their fast path.
  await expect
    .poll(async () => {
      const page = await fetchPage(request, `${varnish}${untouched.path}`);
      return page.varnish === 'HIT' && page.age > ageBefore;
    })
    .toBe(true);
  for (const base of [instanceA, instanceB]) {
    const page = await fetchPage(request, `${base}${untouched.path}`);
    expect(page.fastPath, base).toBe('HIT');
    expect(page.title).toBe(untouched.title);
  }
});

test('Varnish never stores previews, protected posts, comment posts or error pages', async ({ request }) => {
  const post = await somePost(14);
  const personal = [`/preview/post/${post.id}/`, `/protected/post/${post.id}/`, '/no-such-page-anywhere/'];
  for (const path of personal) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await request.get(`${varnish}${path}`, { maxRedirects: 0 });
      expect(response.headers()['x-varnish-cache'], path).not.toBe('HIT');
      expect(response.headers().age ?? '0', path).toBe('0');
    }
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const comment = await request.post(`${varnish}/api/comments/`, { data: {}, maxRedirects: 0 });
    expect(comment.status()).toBeGreaterThanOrEqual(400);
    expect(comment.headers()['x-varnish-cache']).toBe('PASS');
  }
});

test('with both instances stopped Varnish keeps serving, and once they are back an edit still purges', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const post = await somePost(16);
  // Both pages in Varnish (earlier edits may have purged the front page).
  for (const path of [post.path, '/']) {
    await expect
      .poll(async () => (await fetchPage(request, `${varnish}${path}`)).varnish, { message: path })
      .toBe('HIT');
  }
  expect((await fetchPage(request, `${varnish}${post.path}`)).title).toBe(post.title);
  for (const pid of instancePids) process.kill(pid, 'SIGSTOP');
  try {
    await expect.poll(backendHealth, { timeout: 15_000, intervals: [500] }).toEqual(['sick', 'sick']);
    // Even a copy marked stale is served from grace while no instance can answer.
    await fetch(varnish, { method: 'PURGE', headers: { 'xkey-softpurge': `wp:content:${post.id}` } });
    for (const path of [post.path, '/']) {
      const page = await fetchPage(request, `${varnish}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.varnish, path).toBe('HIT');
    }
    expect((await fetchPage(request, `${varnish}${post.path}`)).title).toBe(post.title);
  } finally {
    for (const pid of instancePids) process.kill(pid, 'SIGCONT');
  }
  await expect.poll(backendHealth, { timeout: 15_000, intervals: [500] }).toEqual(['healthy', 'healthy']);
  const title = await retitle(post.id, 'Back');
  await expect
    .poll(async () => (await fetchPage(request, `${varnish}${post.path}`)).title, FRESH_WITHIN)
    .toBe(title);
});

test('with Varnish down the purge failure is logged once and the webhook is still answered', async ({
  request,
}) => {
  const post = await somePost(17);
  const logStart = statSync(appLog).size;
  // The run's Varnish (its manager and cache process, one group); the run's stopper expects this.
  process.kill(-Number(process.env.E2E_VARNISH_PID), 'SIGTERM');
  await expect
    .poll(() =>
      fetch(varnish).then(
        () => 'up',
        () => 'down',
      ),
    )
    .toBe('down');
  for (const label of ['Unpurged', 'Still unpurged']) {
    const title = await retitle(post.id, label);
    await expect.poll(() => titleAt(request, instanceA, post.path), FRESH_WITHIN).toBe(title);
  }
  const failures = () =>
    readFileSync(appLog, 'utf8')
      .slice(logStart)
      .split('\n')
      .filter((line) => line.includes('[purge] Varnish: purge failed'));
  await expect.poll(() => failures().length).toBeGreaterThan(0);
  expect(failures()).toHaveLength(1);
});
