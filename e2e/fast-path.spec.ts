import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';

/**
 * The in-memory fast path (serving/) keys its copies by path. A query string of tracking
 * parameters is answered from the path's copy; any other goes to Next and is never stored, so
 * random query strings cannot fill the memory or push real pages out. A stored copy announces
 * itself (`x-broadsheet-cache: MISS` when it is stored, `HIT` when it is served), so an answer
 * without that header is one that left the store as it was.
 */

const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';

/** "<status> <x-broadsheet-cache>", with "not stored" for an answer that bypassed the store. */
async function answerOf(path: string) {
  const response = await rawGet(baseUrl, path);
  const cache = response.headers['x-broadsheet-cache'];
  return `${response.status} ${typeof cache === 'string' ? cache : 'not stored'}`;
}

test('1,000 distinct query strings on a cached page store nothing and leave its copy in place', async () => {
  test.setTimeout(300_000);
  // The front page; a busy WordPress may take a few tries to render it the first time.
  const path = '/';
  await expect.poll(() => answerOf(path), { timeout: 120_000 }).toBe('200 HIT');

  const answers = new Map<string, number>();
  const prefix = randomUUID().slice(0, 8);
  for (let index = 0; index < 1000; index += 1) {
    const answer = await answerOf(`${path}?x=${prefix}-${index}`);
    answers.set(answer, (answers.get(answer) ?? 0) + 1);
  }
  expect(Object.fromEntries(answers)).toEqual({ '200 not stored': 1000 });
  // Asked again, the same query string is still not served from a copy of its own.
  expect(await answerOf(`${path}?x=${prefix}-0`)).toBe('200 not stored');

  // The page's own copy is still served (or, had it reached its minute of age meanwhile, is
  // stored again at once), and answers tracking parameters too.
  await expect.poll(() => answerOf(path)).toBe('200 HIT');
  expect(await answerOf(`${path}?utm_source=newsletter&utm_medium=email&fbclid=IwAR0e2e`)).toBe('200 HIT');
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
