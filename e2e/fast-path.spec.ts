import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';
import { pathOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * The in-memory fast path (serving/) keys its copies by path. A query string of tracking
 * parameters is answered from the path's copy; any other goes to Next and is never stored, so
 * random query strings cannot fill the memory or push real pages out. A stored copy announces
 * itself (`x-broadsheet-cache: MISS` when it is stored, `HIT` when it is served), so an answer
 * without that header is one that left the store as it was.
 */

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';

/** A post far down the list, which no other spec edits. */
async function quietPostPath() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 30 });
  if (!data[0]) throw new Error('the seeded site has fewer than 30 posts');
  return pathOf(data[0].link);
}

const cacheHeader = async (path: string) => {
  const response = await rawGet(baseUrl, path);
  expect(response.status, path).toBe(200);
  const answer = response.headers['x-broadsheet-cache'];
  return typeof answer === 'string' ? answer : null;
};

test('1,000 distinct query strings on a cached page store nothing and leave its copy in place', async () => {
  test.setTimeout(180_000);
  const path = await quietPostPath();
  await expect.poll(() => cacheHeader(path), { timeout: 30_000 }).toBe('HIT');

  const answers = new Map<string, number>();
  const prefix = randomUUID().slice(0, 8);
  for (let index = 0; index < 1000; index += 1) {
    const answer = (await cacheHeader(`${path}?x=${prefix}-${index}`)) ?? 'not stored';
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  }
  expect(Object.fromEntries(answers)).toEqual({ 'not stored': 1000 });
  // Asked again, the same query string is still not served from a copy of its own.
  expect(await cacheHeader(`${path}?x=${prefix}-0`)).toBeNull();

  // The page's own copy was there all along, and answers tracking parameters too.
  expect(await cacheHeader(path)).toBe('HIT');
  expect(await cacheHeader(`${path}?utm_source=newsletter&utm_medium=email&fbclid=IwAR0e2e`)).toBe('HIT');
});

test('query strings the app reads still reach it: search answers each term, WordPress’s /?s= moves', async ({
  request,
}) => {
  for (const term of ['bakery', 'lighthouse']) {
    const response = await request.get(`/search/?s=${term}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['x-broadsheet-cache']).toBeUndefined();
    expect(await response.text()).toMatch(new RegExp(`<h1[^>]*>[^<]*${term}`, 'i'));
  }
  const moved = await rawGet(baseUrl, '/?s=bakery');
  expect(moved.status).toBe(308);
  expect(moved.headers.location).toBe('/search/?s=bakery');
});
