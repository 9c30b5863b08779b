import { expect, test } from '@playwright/test';
import { postFrom } from './raw-http';
import { pathOf, wordpressGet, type WordPressPost } from './wordpress';

/** The seed's password-protected post; its password is part of the demo content. */
const PASSWORD = 'lantern';

async function protectedPost() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 100 });
  const post = data.find((item) => item.content.protected);
  if (!post) throw new Error('no password-protected post seeded');
  return post;
}

test.describe('password-protected posts', () => {
  test('show a password form, and the cached page holds no protected content', async ({ page, request }) => {
    const post = await protectedPost();
    const html = await (await request.get(pathOf(post.link))).text();
    expect(html).toContain('name="password"');
    await page.goto(pathOf(post.link));
    await expect(page.getByLabel('Password')).toBeVisible();
  });

  test('a wrong password says so; the right one unlocks the post, never cached (no JavaScript needed)', async ({
    browser,
  }) => {
    const post = await protectedPost();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathOf(post.link));
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('not right');

    await page.getByLabel('Password').fill(PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse(
        (candidate) => candidate.url().includes('/protected/') && candidate.status() === 200,
      ),
      page.getByRole('button', { name: 'Unlock' }).click(),
    ]);
    expect(response.headers()['cache-control']).toMatch(/no-store/);
    await expect(page.locator('.article__content p').first()).not.toBeEmpty();
    await expect(page.getByLabel('Password')).toHaveCount(0);

    // The browser keeps the unlock, but not the password in any readable form.
    const cookies = await context.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.value).not.toContain(PASSWORD);
      expect(Buffer.from(cookie.value, 'base64url').toString('latin1')).not.toContain(PASSWORD);
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.path).toBe(`/protected/post/${post.id}/`);
    }

    // Another reader, without the cookie, still gets the form.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(new URL(page.url()).pathname);
    await expect(strangerPage.getByLabel('Password')).toBeVisible();
    await stranger.close();
    await context.close();
  });

  test('repeated wrong passwords from one address are refused with 429', async ({ baseURL }) => {
    const post = await protectedPost();
    // From a loopback address of its own, so the other tests' reader (127.0.0.1) is not held up.
    const guess = (attempt: number) =>
      postFrom(
        '127.0.0.2',
        baseURL ?? '',
        '/api/unlock/',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ id: String(post.id), type: 'post', password: `guess-${attempt}` }).toString(),
      );
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 11; attempt++) statuses.push((await guess(attempt)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
    const refused = await guess(12);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
