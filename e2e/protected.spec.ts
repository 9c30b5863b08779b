import { expect, test } from '@playwright/test';
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

    // Another reader, without the cookie, still gets the form.
    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(new URL(page.url()).pathname);
    await expect(strangerPage.getByLabel('Password')).toBeVisible();
    await stranger.close();
    await context.close();
  });
});
