import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * The interactive islands as readers meet them — comments, instant search, "load more" — with
 * JavaScript and without it, accessible with the islands open, and contained when they fail.
 * Posting comments changes content, so it lives in comment-editor.spec.ts (editors' run).
 */

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function postPath(slug: string) {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { slug });
  if (!data[0]) throw new Error(`seeded post ${slug} is missing`);
  return pathOf(data[0].link);
}

async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}

/** The non-sticky posts of the latest posts' second page, as WordPress lists them. */
async function secondHomePage() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
    sticky: 'false',
    page: 2,
    per_page: (await siteSettings()).postsPerPage,
  });
  return data;
}

/** Where the latest posts are listed ("/", or a static front page's posts page), and its page 2. */
async function postsList() {
  const { postsListPath } = await siteSettings();
  const second = `${postsListPath}page/2/`;
  return { path: postsListPath, second, isSecond: (url: URL) => url.pathname === second };
}

// Each test loads a page twice (without JavaScript, then hydrated) and runs axe on the island:
// about 40 s beside the other lanes on two cores, so the default minute is too close.
test.describe.configure({ timeout: 120_000 });

test.describe('comments', () => {
  test('reply threads render nested, three deep, without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(await postPath('a-winter-loaf-for-people-who-hate-kneading'));
    const nested = page.locator(
      '#comments > .comment-list > .comment > .comment-list--replies > .comment > .comment-list--replies > .comment',
    );
    await expect(nested).toHaveCount(1);
    await expect(nested).toContainText('official proving cupboard');
    await expect(page.getByRole('heading', { name: '5 comments' })).toBeVisible();
    // Reply needs the interactive form; without JavaScript it is not offered, the form is.
    await expect(page.getByRole('button', { name: /^Reply/ }).first()).toBeHidden();
    await expect(page.getByRole('button', { name: 'Post comment' })).toBeVisible();
    await context.close();
  });

  test('the comment form is a plain form without JavaScript and comes alive with it', async ({ page }) => {
    await page.goto(await postPath('a-winter-loaf-for-people-who-hate-kneading'));
    const form = page.locator('form#respond');
    await expect(form).toHaveAttribute('action', '/api/comments/');
    await expect(form).toHaveAttribute('method', 'post');
    await expect(form).toHaveAttribute('data-enhanced', 'true');
    await page.getByRole('button', { name: 'Reply to Ishaan Mehra' }).first().click();
    await expect(page.getByRole('heading', { name: 'Reply to Ishaan Mehra' })).toBeVisible();
    await expect(page.getByLabel('Comment', { exact: true })).toBeFocused();
    // Inline errors, without a request.
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Please enter your name.')).toBeVisible();
    await expectNoAxeViolations(page, 'a post with the comment form in reply mode, showing errors');
  });

  test('closed comments keep their thread and show no form', async ({ page }) => {
    await page.goto(await postPath('slow-train-to-the-salt-coast'));
    await expect(page.getByRole('heading', { name: '2 comments' })).toBeVisible();
    await expect(page.getByText('Comments are closed.')).toBeVisible();
    await expect(page.locator('form#respond')).toHaveCount(0);
  });

  test('a comment page past the last is a 404; page 1 has no second address', async ({ request }) => {
    const path = await postPath('a-winter-loaf-for-people-who-hate-kneading');
    expect((await request.get(`${path}comment-page-2/`, { maxRedirects: 0 })).status()).toBe(404);
    expect((await request.get(`${path}comment-page-1/`, { maxRedirects: 0 })).status()).toBe(404);
  });
});

test.describe('instant search', () => {
  test('suggests a seeded post as you type; arrow down and Enter open it', async ({ page }) => {
    const target = await postPath('a-bakery-that-opens-at-midnight');
    await page.goto('/search/');
    const box = page.getByRole('combobox', { name: 'Search the site' });
    await box.fill('bakery');
    const option = page.getByRole('option', { name: /A Bakery That Opens at Midnight/ });
    await expect(option).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(page, 'the search page with suggestions open');
    // WordPress ranks the matches; walk down to the story wanted, as a reader would.
    const names = await page.getByRole('option').allTextContents();
    const index = names.findIndex((name) => name.startsWith('A Bakery That Opens at Midnight'));
    for (let step = 0; step <= index; step++) await box.press('ArrowDown');
    await expect(box).toHaveAttribute('aria-activedescendant', new RegExp(`option-${index}$`));
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${target}$`));
  });

  test('Enter without a suggestion chosen submits to the search page', async ({ page }) => {
    await page.goto('/search/');
    await page.getByRole('combobox', { name: 'Search the site' }).fill('bakery');
    await page.getByRole('combobox', { name: 'Search the site' }).press('Enter');
    await expect(page).toHaveURL(/\/search\/\?s=bakery$/);
    await expect(page.getByRole('heading', { name: 'Search results for “bakery”' })).toBeVisible();
  });

  test('without JavaScript the box submits to the server-rendered search page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/search/');
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search the site' }).fill('bakery');
    await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
    await expect(page.getByRole('link', { name: 'A Bakery That Opens at Midnight' })).toBeVisible();
    await context.close();
  });

  test('a failing suggestion service shows a retry and leaves the form working', async ({ page }) => {
    await page.route('**/api/search/**', (route) => route.abort('connectionrefused'));
    await page.goto('/search/');
    const box = page.getByRole('combobox', { name: 'Search the site' });
    await box.fill('bakery');
    await expect(page.getByText('Suggestions are unavailable.')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?s=bakery$/);
  });

  test('the suggestion endpoint refuses bad input with JSON, never a 500', async ({ request }) => {
    for (const query of ['', '?q=', '?q=a', `?q=${'x'.repeat(101)}`]) {
      const response = await request.get(`/api/search/${query}`);
      expect(response.status(), query).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    const ok = await request.get('/api/search/?q=bakery');
    expect(ok.status()).toBe(200);
    expect(ok.headers()['cache-control']).toContain('s-maxage=');
  });
});

test.describe('load more', () => {
  test('appends the next page of the latest posts in place', async ({ page }) => {
    const next = await secondHomePage();
    const list = await postsList();
    await page.goto(list.path);
    await expect(page.locator('.pagination a[rel="next"]')).toHaveAttribute('href', list.second);
    const cards = page.locator('.post-card');
    const before = await cards.count();
    await page.getByRole('button', { name: 'Load more stories' }).click();
    // A cold list page waits on the embedded WordPress, slow under load.
    await expect(cards).toHaveCount(before + next.length, { timeout: 30_000 });
    const firstNew = page.locator('.load-more__page .post-card__title a').first();
    await expect(firstNew).toHaveText(textOf(next[0]?.title.rendered ?? ''));
    await expect(firstNew).toBeFocused();
    await expectNoAxeViolations(page, 'the latest posts after "load more"');
  });

  test('without JavaScript there is no button and /page/2/ links do the job', async ({ browser }) => {
    const next = await secondHomePage();
    const list = await postsList();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(list.path);
    await expect(page.getByRole('button', { name: 'Load more stories' })).toHaveCount(0);
    await page.locator('.pagination a[rel="next"]').click();
    await expect(page).toHaveURL(list.isSecond);
    await expect(page.locator('.post-card__title a').first()).toHaveText(
      textOf(next[0]?.title.rendered ?? ''),
    );
    await context.close();
  });

  test('a failing list request shows a retry, and the page keeps working', async ({ page }) => {
    const list = await postsList();
    await page.route('**/api/posts/**', (route) => route.abort('connectionrefused'));
    await page.goto(list.path);
    await page.getByRole('button', { name: 'Load more stories' }).click();
    await expect(page.getByText('More stories could not be loaded.')).toBeVisible({ timeout: 15_000 });
    await page.unroute('**/api/posts/**');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.load-more__page .post-card').first()).toBeVisible({ timeout: 30_000 });
    await page.locator('.pagination a[rel="next"]').click();
    await expect(page).toHaveURL(list.isSecond);
  });

  test('the list endpoint refuses malformed requests with JSON', async ({ request }) => {
    for (const query of [
      '',
      '?list=home',
      '?list=home&page=0',
      '?list=category&page=2',
      '?list=nope&page=2',
    ]) {
      const response = await request.get(`/api/posts/${query}`);
      expect(response.status(), query).toBe(400);
    }
    expect((await request.get('/api/posts/?list=home&page=999')).status()).toBe(404);
    const ok = await request.get('/api/posts/?list=home&page=2');
    expect(ok.status()).toBe(200);
    expect((await ok.json()).items.length).toBeGreaterThan(0);
  });
});

test.describe('navigation links', () => {
  test('prefetch nothing on load; a link prefetches its page once pointed at', async ({ page }) => {
    const payloads: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['rsc'] === '1') payloads.push(new URL(request.url()).pathname);
    });
    await page.goto('/');
    // The page's scripts have run and their requests ended: whatever loading prefetches is sent.
    await page.waitForLoadState('networkidle');
    expect(payloads, 'server components payloads fetched on load').toEqual([]);

    const link = page.locator('.site-nav a').first();
    const path = await link.getAttribute('href');
    await link.hover();
    await expect.poll(() => payloads, { message: 'prefetch after pointing at the link' }).toContain(path);
  });
});
