import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';
import { siteSettings } from './site-settings';
import {
  allPublishedPosts,
  pathOf,
  permalinkStructure,
  textOf,
  wordpressGet,
  type WordPressPost,
} from './wordpress';

test.describe(`a reader (permalinks ${permalinkStructure})`, () => {
  test('the home page lists sticky posts first, then the latest, at their WordPress paths', async ({
    page,
  }) => {
    // The latest posts are on the front page, or on the posts page of a static front page.
    const { postsListPath, postsPerPage } = await siteSettings();
    const { data: sticky } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { sticky: 'true' });
    const { data: latest } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      per_page: postsPerPage,
      sticky: 'false',
    });
    expect(sticky.length).toBeGreaterThan(0);
    const expected = [...sticky, ...latest];
    const response = await page.goto(postsListPath);
    expect(response?.status()).toBe(200);
    const links = page.locator('.post-card__title a');
    await expect(links).toHaveCount(expected.length);
    for (const [index, post] of expected.entries()) {
      await expect(links.nth(index)).toHaveText(textOf(post.title.rendered));
      await expect(links.nth(index)).toHaveAttribute('href', pathOf(post.link));
    }
  });

  test('a reader pages through the archive and back to its first page', async ({ page, baseURL }) => {
    const { postsListPath, postsPerPage } = await siteSettings();
    const { data: second } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      per_page: postsPerPage,
      page: 2,
      sticky: 'false',
    });
    await page.goto(postsListPath);
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Older' }).click();
    await expect(page).toHaveURL(`${baseURL}${postsListPath}page/2/`);
    await expect(page.locator('.post-card__title a').first()).toHaveText(
      textOf(second[0]?.title.rendered ?? ''),
    );
    await page.getByRole('link', { name: 'Newer' }).click();
    await expect(page).toHaveURL(`${baseURL}${postsListPath}`);
  });

  test('a reader opens a post from the home page and reads it at its WordPress path', async ({ page }) => {
    const { data: latest } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
    const post = latest[0];
    if (!post) throw new Error('WordPress has no posts');
    await page.goto((await siteSettings()).postsListPath);
    await page
      .getByRole('link', { name: textOf(post.title.rendered), exact: true })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${pathOf(post.link)}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(post.title.rendered));
    await expect(page.locator('.article__content')).not.toBeEmpty();
  });

  test('every published post answers 200 at its WordPress path with its title', async ({ request }) => {
    test.setTimeout(240_000);
    const posts = await allPublishedPosts();
    expect(posts.length).toBeGreaterThanOrEqual(40);
    // Two at a time: each is a first render, and the embedded WordPress has two PHP workers.
    const queue = [...posts];
    const reader = async () => {
      for (let post = queue.shift(); post; post = queue.shift()) {
        const response = await request.get(pathOf(post.link), { maxRedirects: 0 });
        expect(response.status(), pathOf(post.link)).toBe(200);
        expect(await response.text()).toContain('<h1 class="article__title">');
      }
    };
    await Promise.all([reader(), reader()]);
  });

  test('the featured image is a responsive hero with alt text', async ({ page }) => {
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      slug: 'a-field-guide-to-every-block',
    });
    const post = data[0];
    if (!post) throw new Error('the all-blocks post is missing');
    await page.goto(pathOf(post.link));
    const hero = page.locator('.hero img');
    await expect(hero).toHaveAttribute('srcset', /\d+w/);
    await expect(hero).toHaveAttribute('alt', /\S/);
    await expect(hero).toHaveAttribute('fetchpriority', 'high');
  });

  test('a known slug at the wrong path redirects permanently to the right one', async ({ baseURL }) => {
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
    const post = data[0];
    if (!post) throw new Error('WordPress has no posts');
    // Twice: the second answer comes from the cache, where Next once doubled the Location header.
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await rawGet(baseURL ?? '', `/misfiled/${post.slug}/`);
      expect(response.status).toBe(308);
      expect(response.headers.location).toBe(pathOf(post.link));
    }
  });

  test('pages work without JavaScript', async ({ browser }) => {
    const { postsListPath } = await siteSettings();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(postsListPath);
    await page.locator('.post-card__title a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await context.close();
  });

  test('a post with several authors (Co-Authors Plus) names and links every one', async ({ page }) => {
    const { data } = await wordpressGet<(WordPressPost & { coauthors?: number[] })[]>('/wp/v2/posts', {
      per_page: 100,
      _fields: 'id,link,coauthors',
    });
    const post = data.find((item) => (item.coauthors?.length ?? 0) > 1);
    if (!post) throw new Error('no post with co-authors seeded');
    const { data: terms } = await wordpressGet<{ name: string; link: string }[]>('/wp/v2/coauthors', {
      post: post.id,
    });
    await page.goto(pathOf(post.link));
    const byline = page.locator('.article__header .byline');
    for (const term of terms) {
      await expect(byline.getByRole('link', { name: textOf(term.name) })).toHaveAttribute(
        'href',
        pathOf(term.link),
      );
    }
  });
});
