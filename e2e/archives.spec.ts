import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';
import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet, type WordPressPost } from './wordpress';

interface WordPressTerm {
  id: number;
  name: string;
  slug: string;
  link: string;
  parent: number;
  count: number;
  description: string;
}
interface WordPressUser {
  id: number;
  name: string;
  slug: string;
  link: string;
  description: string;
}

async function firstPageTitles(params: Record<string, string | number>) {
  const { postsPerPage } = await siteSettings();
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: postsPerPage, ...params });
  return data.map((post) => textOf(post.title.rendered));
}

test.describe('archives at WordPress’s own URLs', () => {
  test('a nested category lists its posts, and a reader pages through it', async ({ page }) => {
    const { data: categories } = await wordpressGet<WordPressTerm[]>('/wp/v2/categories', { per_page: 100 });
    const child = categories.filter((term) => term.parent !== 0).sort((a, b) => b.count - a.count)[0];
    if (!child) throw new Error('no nested category seeded');
    const response = await page.goto(pathOf(child.link));
    expect(response?.status()).toBe(200);
    expect(pathOf(child.link)).toMatch(/^\/category\/[^/]+\/[^/]+\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(child.name);
    await expect(page.locator('.post-card__title a')).toHaveText(
      // WordPress's category archive includes the posts of its child categories.
      await firstPageTitles({ 'categories[terms]': child.id, 'categories[include_children]': 'true' }),
    );
  });

  test('a category at the wrong path redirects to its full path', async ({ baseURL }) => {
    const { data: categories } = await wordpressGet<WordPressTerm[]>('/wp/v2/categories', { per_page: 100 });
    const child = categories.find((term) => term.parent !== 0 && term.count > 0);
    if (!child) throw new Error('no nested category seeded');
    const response = await rawGet(baseURL ?? '', `/category/${child.slug}/`);
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(pathOf(child.link));
  });

  test('a tag archive lists the tagged posts', async ({ page }) => {
    const { data: tags } = await wordpressGet<WordPressTerm[]>('/wp/v2/tags', {
      orderby: 'count',
      order: 'desc',
    });
    const tag = tags[0];
    if (!tag) throw new Error('no tags seeded');
    const response = await page.goto(pathOf(tag.link));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tag.name);
    await expect(page.locator('.post-card__title a')).toHaveText(await firstPageTitles({ tags: tag.id }));
  });

  test('an author archive shows the name, bio, avatar and their posts', async ({ page }) => {
    const { data: users } = await wordpressGet<WordPressUser[]>('/wp/v2/users', { per_page: 100 });
    const author = users.find((user) => user.description && user.slug !== 'admin');
    if (!author) throw new Error('no author seeded');
    const response = await page.goto(pathOf(author.link));
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(author.name);
    await expect(page.getByText(author.description)).toBeVisible();
    await expect(page.locator('.archive-header__avatar')).toHaveAttribute('src', /^http/);
    await expect(page.locator('.post-card__title a')).toHaveText(
      await firstPageTitles({ author: author.id }),
    );
  });

  test('year, month and day archives list the posts of that date', async ({ page }) => {
    const { data } = await wordpressGet<(WordPressPost & { date: string })[]>('/wp/v2/posts', {
      per_page: 1,
    });
    const post = data[0];
    if (!post) throw new Error('no posts');
    const [year, month, day] = post.date.slice(0, 10).split('-');
    for (const path of [`/${year}/`, `/${year}/${month}/`, `/${year}/${month}/${day}/`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(
        page.locator('.post-card__title a').filter({ hasText: textOf(post.title.rendered) }),
      ).toHaveCount(1);
    }
  });

  test('impossible dates and unknown terms are 404s', async ({ baseURL }) => {
    for (const path of [
      '/2024/13/',
      '/2024/02/30/',
      '/0999/',
      '/category/no-such-section/',
      '/tag/no-such-tag/',
      '/author/nobody-here/',
      '/tag/a/b/',
    ]) {
      expect((await rawGet(baseURL ?? '', path)).status, path).toBe(404);
    }
  });

  test('the primary navigation leads to a category archive', async ({ page }) => {
    await page.goto('/');
    const link = page.getByRole('navigation', { name: 'Primary' }).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    await expect(page).toHaveURL(/\/category\//);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });
});

test.describe('search', () => {
  test('finds a post by a word of its title, without JavaScript', async ({ browser }) => {
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      per_page: 1,
      slug: 'a-field-guide-to-every-block',
    });
    const post = data[0];
    if (!post) throw new Error('the all-blocks post is missing');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/search/');
    await page.getByLabel('Search the site').fill('field guide');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\/\?s=field\+guide/);
    await expect(
      page.locator('.post-card__title a').filter({ hasText: textOf(post.title.rendered) }),
    ).toHaveCount(1);
    await context.close();
  });

  test('WordPress’s /?s= search URL keeps working', async ({ baseURL }) => {
    const response = await rawGet(baseURL ?? '', '/?s=bakery');
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('/search/?s=bakery');
  });

  test('a search with no results says so', async ({ page }) => {
    await page.goto('/search/?s=zzqxnothingmatches');
    await expect(page.getByText('Nothing matched your search')).toBeVisible();
  });
});

test('the 404 page offers a search box, the sections and the front page', async ({ page }) => {
  const response = await page.goto('/nothing-lives-here/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('search')).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
});
