import { expect, test } from '@playwright/test';
import { pathOf, sendPostUpdatedWebhook, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * WordPress's bad day: its processes are frozen (SIGSTOP), so every request to it hangs until
 * the app's deadline — the worst kind of outage. Readers must keep getting cached pages; a page
 * never cached gets a 503 that nothing stores; everything recovers by itself.
 */
const wordpressProcessGroup = Number(process.env.E2E_WORDPRESS_PGID ?? 0);
test('while WordPress is down, cached pages answer 200, uncached ones 503, and all recover', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  expect(wordpressProcessGroup, 'E2E_WORDPRESS_PGID must name the embedded WordPress').toBeGreaterThan(0);
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 5 });
  const post = data[0];
  if (!post) throw new Error('no post');
  const path = pathOf(post.link);
  const title = textOf(post.title.rendered);
  expect((await request.get(path)).status()).toBe(200);
  // Its page is now stale, as after an edit: the next reader triggers a re-render.
  expect((await sendPostUpdatedWebhook(baseURL ?? '', { id: post.id, slug: post.slug })).status).toBe(200);
  const neverCached = `/a-story-nobody-has-asked-for-${Date.now()}/`;

  process.kill(-wordpressProcessGroup, 'SIGSTOP');
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const cached = await request.get(path);
      expect(cached.status()).toBe(200);
      expect(await cached.text()).toContain(title);
    }
    const uncached = await request.get(neverCached, { timeout: 60_000 });
    expect(uncached.status()).toBe(503);
    expect(uncached.headers()['cache-control']).toMatch(/no-store/);
    expect(uncached.headers()['retry-after']).toBeTruthy();
    expect(await uncached.text()).toContain('unavailable');
  } finally {
    process.kill(-wordpressProcessGroup, 'SIGCONT');
  }

  // Back by itself: the uncached page is a real answer again (here, a 404), the cached page
  // re-renders with the right content, and no error was stored on the way.
  await expect.poll(async () => (await request.get(neverCached)).status(), { timeout: 30_000 }).toBe(404);
  await expect
    .poll(async () => (await (await request.get(path)).text()).includes(title), { timeout: 30_000 })
    .toBe(true);
  expect((await request.get(path)).status()).toBe(200);
});
