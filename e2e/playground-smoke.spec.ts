import { expect, test } from '@playwright/test';
import { pathOf, textOf, wordpressGet, wordpressUrl, wordpressWrite, type WordPressPost } from './wordpress';

/**
 * The embedded WordPress as `npm run demo` runs it — Playground, PHP in WebAssembly, seeded on
 * first start — behind the production server, with the real companion plugin sending its
 * webhooks. The rest of the suite may run on native PHP (scripts/e2e.mjs); this keeps the demo's
 * own WordPress proven on every run.
 */
test.describe.configure({ mode: 'serial' });

/** Playground answers slowly (it boots WordPress per request); a re-render makes several requests. */
const FRESH_WITHIN = { timeout: 120_000, intervals: [1000] };

async function titleAt(request: import('@playwright/test').APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  return /<h1 class="article__title">([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
}

test('the WordPress behind the app is Playground’s, with the demo content seeded', async () => {
  const response = await fetch(`${wordpressUrl}/?rest_route=/`);
  expect(response.ok).toBe(true);
  // Playground builds PHP 8.3 to WebAssembly; Debian's native PHP here is 8.2.
  expect(response.headers.get('x-powered-by') ?? '').toMatch(/^PHP\/8\.3\./);
  const { total } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
  expect(total).toBeGreaterThanOrEqual(40);
});

test('an article is served by the production server, and an edit in WordPress reaches it by webhook', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 2 });
  const post = data[0];
  if (!post) throw new Error('no post');
  const path = pathOf(post.link);
  const title = textOf(post.title.rendered);

  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText(title);
  // Cached now: without a webhook it would stay as it is for the hour-long backstop.
  expect(await titleAt(request, path)).toBe(title);

  const newTitle = `Revised in WordPress ${Date.now()}`;
  await wordpressWrite('POST', `/wp/v2/posts/${post.id}`, { title: newTitle });
  await expect.poll(() => titleAt(request, path), FRESH_WITHIN).toBe(newTitle);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(newTitle);
});
