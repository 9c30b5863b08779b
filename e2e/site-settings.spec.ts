import { expect, test } from '@playwright/test';
import { formatWordPressDate } from '../lib/dates/wordpress-date';
import { rawGet } from './raw-http';
import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * What the owner set in Settings → General and Reading, honoured: each test reads the settings
 * from WordPress, so it holds on the demo's defaults and on the configured site alike
 * (scripts/e2e.mjs seeds one of each).
 */
test.describe('the site as its owner configured it in WordPress', () => {
  test('the front page is the static page Settings → Reading names, and its own slug redirects to it', async ({
    page,
    baseURL,
  }) => {
    const { frontPage, postsListPath, postsPerPage } = await siteSettings();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    if (!frontPage) {
      await expect(page.locator('.post-card__title a').first()).toBeVisible();
      return;
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(frontPage.title);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}/`);
    await expect(page.locator('.post-card')).toHaveCount(0);
    const own = await rawGet(baseURL ?? '', frontPage.slugPath);
    expect(own.status).toBe(308);
    expect(own.headers.location).toBe('/');

    // The posts page lists the latest posts, as many as "Blog pages show at most" says.
    const { data: latest } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      per_page: postsPerPage,
      sticky: 'false',
    });
    await page.goto(postsListPath);
    await expect(page.locator('.post-card__title a').last()).toHaveText(
      textOf(latest.at(-1)?.title.rendered ?? ''),
    );
    await page.getByRole('button', { name: 'Load more stories' }).click();
    await expect(page.locator('.load-more__page .post-card__title a')).toHaveCount(postsPerPage);
  });

  test('every page says what "Discourage search engines" says', async ({ page }) => {
    const { searchEngineVisible, postsListPath } = await siteSettings();
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
    const post = data[0];
    if (!post) throw new Error('WordPress has no posts');
    for (const path of ['/', postsListPath, pathOf(post.link)]) {
      await page.goto(path);
      const robots = page.locator('meta[name="robots"]');
      if (searchEngineVisible) {
        await expect(robots.first(), path).not.toHaveAttribute('content', /noindex/);
      } else {
        await expect(robots, path).toHaveCount(1);
        await expect(robots, path).toHaveAttribute('content', 'noindex, nofollow');
      }
    }
  });

  test('a post’s date is in the site’s timezone and date format', async ({ page }) => {
    const { dateFormat } = await siteSettings();
    const { data } = await wordpressGet<(WordPressPost & { date: string; date_gmt: string })[]>(
      '/wp/v2/posts',
      { per_page: 20 },
    );
    // A post whose local day differs from its UTC day, where the site has such a post.
    const post = data.find((item) => item.date.slice(0, 10) !== item.date_gmt.slice(0, 10)) ?? data[0];
    if (!post) throw new Error('WordPress has no posts');
    // WordPress's `date` is the site's wall-clock time: written as is, it is what WordPress prints.
    const expected = formatWordPressDate(new Date(`${post.date}Z`), dateFormat, {
      timezone: 'UTC',
      language: 'en-US',
    });
    await page.goto(pathOf(post.link));
    await expect(page.locator('.article__header .byline time')).toHaveText(expected);
  });

  test('the site icon is WordPress’s when it has one, Broadsheet’s own otherwise', async ({
    page,
    request,
  }) => {
    const { icons } = await siteSettings();
    await page.goto('/');
    if (icons['32'] && icons['180']) {
      await expect(page.locator('link[rel="icon"][sizes="32x32"]')).toHaveAttribute('href', icons['32']);
      await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', icons['180']);
    } else {
      await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /^\/favicon\.ico/);
      await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute(
        'href',
        /^\/apple-touch-icon\.png/,
      );
    }
    // Browsers ask for /favicon.ico whatever the page links; it is always there.
    for (const [path, type] of [
      ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ['/apple-touch-icon.png', /^image\/png/],
      ['/icon.svg', /^image\/svg\+xml/],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toMatch(type);
    }
  });
});
