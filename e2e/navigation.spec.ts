import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';
import { pathOf, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * What the site's owner set up in WordPress beyond its content: the theme's menus, redirects
 * (renamed posts and the Redirection plugin's rules), posts split into pages, search over pages.
 * Every path is read from WordPress, so the spec holds under any permalink structure and Site
 * Address.
 */

async function linkOf(route: string, slug: string): Promise<string> {
  const { data } = await wordpressGet<WordPressPost[]>(route, { slug, _fields: 'id,slug,link,title' });
  const item = data[0];
  if (!item) throw new Error(`${route} has no ${slug}`);
  return item.link;
}

test('the primary, footer and social menus render nested, current page marked, without JavaScript', async ({
  browser,
}) => {
  const [cities, architecture, bridges, about, team] = await Promise.all([
    linkOf('/wp/v2/categories', 'cities'),
    linkOf('/wp/v2/categories', 'architecture'),
    linkOf('/wp/v2/categories', 'bridges'),
    linkOf('/wp/v2/pages', 'about'),
    linkOf('/wp/v2/pages', 'team'),
  ]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  expect((await page.goto(pathOf(team)))?.status()).toBe(200);

  const primary = page.getByRole('navigation', { name: 'Primary' });
  await expect(primary.getByRole('link', { name: 'Cities' })).toHaveAttribute('href', pathOf(cities));
  // Sub-menus are disclosures: closed at first, opened by their button, nested two deep.
  const architectureLink = primary.getByRole('link', { name: 'Architecture' });
  await expect(architectureLink).toBeHidden();
  await primary
    .locator('li', { has: page.getByRole('link', { name: 'Cities' }) })
    .locator('summary')
    .first()
    .click();
  await expect(architectureLink).toBeVisible();
  await expect(architectureLink).toHaveAttribute('href', pathOf(architecture));
  await expect(primary.locator(`details details a[href="${pathOf(bridges)}"]`)).toHaveCount(1);
  // The page shown is marked in the menu, wherever it is nested; nothing else is.
  await expect(primary.locator('[aria-current="page"]')).toHaveCount(1);
  await expect(primary.locator('[aria-current="page"]')).toHaveAttribute('href', pathOf(team));
  await expect(primary.locator(`a[href="${pathOf(about)}"]`)).not.toHaveAttribute('aria-current', 'page');
  await expect(primary.getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search/');

  const footer = page.getByRole('navigation', { name: 'Footer' });
  await expect(footer.getByRole('link', { name: 'Subscribe by feed' })).toHaveAttribute('href', '/feed/');
  await expect(footer.locator(`a[href="${pathOf(about)}"]`)).toHaveCount(1);
  const social = page.getByRole('navigation', { name: 'Social' });
  await expect(social.getByRole('link', { name: 'Mastodon' })).toHaveAttribute(
    'href',
    'https://social.example/@lantern',
  );
  await context.close();
});

test('a renamed or re-dated post answers its old address with a permanent redirect', async ({ baseURL }) => {
  const renamed = pathOf(await linkOf('/wp/v2/posts', 'the-tide-mill-turns-again'));
  const oldPath = renamed.replace('the-tide-mill-turns-again', 'notes-from-the-tide-mill');
  const answer = await rawGet(baseURL ?? '', oldPath);
  expect([301, 308], oldPath).toContain(answer.status);
  expect(answer.headers.location).toBe(renamed);

  // Where the structure puts the date in the address, the old date leads to the new one.
  const redated = pathOf(await linkOf('/wp/v2/posts', 'a-census-of-harbour-cats'));
  const oldDatePath = redated.replace('/2023/10/10/', '/2023/10/03/');
  if (oldDatePath !== redated) {
    const moved = await rawGet(baseURL ?? '', oldDatePath);
    expect([301, 308], oldDatePath).toContain(moved.status);
    expect(moved.headers.location).toBe(redated);
  }
});

test('the Redirection rules are honoured with their own statuses; a loop and a broken rule are not', async ({
  baseURL,
  page,
}) => {
  const base = baseURL ?? '';
  const bridge = pathOf(await linkOf('/wp/v2/posts', 'the-bridge-that-learned-to-sing'));
  const contact = pathOf(await linkOf('/wp/v2/pages', 'contact'));
  const expectations: [path: string, status: number, location: string | undefined][] = [
    ['/old-bridge-story/', 301, bridge],
    ['/contact-us/', 308, contact],
    // A regular expression with a capture, temporary.
    ['/desk/2026/', 302, '/2026/'],
    ['/newsletter/', 307, 'https://newsletter.example.org/sign-up/'],
    ['/withdrawn-story/', 410, undefined],
    ['/loop-one/', 404, undefined],
  ];
  for (const [path, status, location] of expectations) {
    // Twice: rendered, then from the cache.
    for (const round of ['rendered', 'cached']) {
      const answer = await rawGet(base, path);
      expect(answer.status, `${path} (${round})`).toBe(status);
      expect(answer.headers.location, `${path} (${round})`).toBe(location);
    }
  }
  // A reader who follows the links lands where the rules say, the gone page says so.
  expect((await page.goto('/old-bridge-story/'))?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(bridge);
  expect((await page.goto('/withdrawn-story/'))?.status()).toBe(410);
  expect(new URL(page.url()).pathname).toBe('/withdrawn-story/');
  // And so does a reader whose click the app's router handles (a menu link to an old address).
  await page.goto(contact);
  await page.evaluate(() =>
    (window as unknown as { next: { router: { push: (href: string) => void } } }).next.router.push(
      '/old-bridge-story/',
    ),
  );
  await expect.poll(() => new URL(page.url()).pathname).toBe(bridge);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The rule-answer address itself looks the rule up again, whatever its query claims: no open redirect.
  const direct = await rawGet(
    base,
    '/api/redirect/?from=%2Fold-bridge-story%2F&status=302&to=https%3A%2F%2Fevil.example%2F',
  );
  expect(direct.status).toBe(301);
  expect(direct.headers.location).toBe(bridge);
  expect((await rawGet(base, '/api/redirect/?from=%2Fno-rule-here%2F&status=301&to=%2F')).status).toBe(404);
  expect((await rawGet(base, '/api/redirect/?from=%2Fwithdrawn-story%2F')).status).toBe(410);
});

test('a three-page post is read page by page at /post/N/, each page its own canonical', async ({
  page,
  baseURL,
}) => {
  const path = pathOf(await linkOf('/wp/v2/posts', 'the-keepers-log-in-three-watches'));
  const site = (baseURL ?? '').replace(/\/+$/, '');
  const canonical = page.locator('link[rel="canonical"]');
  const pages = page.getByRole('navigation', { name: 'Pages of this article' });

  await page.goto(path);
  await expect(page.getByText('First watch: dusk')).toBeVisible();
  await expect(page.getByText('Middle watch: the long dark')).toHaveCount(0);
  await expect(canonical).toHaveAttribute('href', `${site}${path}`);
  await expect(pages.locator('[aria-current="page"]')).toHaveText('1');

  await pages.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(`${site}${path}2/`);
  await expect(page.getByText('Middle watch: the long dark')).toBeVisible();
  await expect(page.getByText('First watch: dusk')).toHaveCount(0);
  await expect(canonical).toHaveAttribute('href', `${site}${path}2/`);
  await expect(pages.locator('[aria-current="page"]')).toHaveText('2');

  expect((await page.goto(`${path}3/`))?.status()).toBe(200);
  await expect(page.getByText('Morning watch: the grey hour')).toBeVisible();
  await expect(canonical).toHaveAttribute('href', `${site}${path}3/`);

  for (const missing of [`${path}4/`, `${path}0/`, `${path}02/`]) {
    expect((await rawGet(site, missing)).status, missing).toBe(404);
  }
  const first = await rawGet(site, `${path}1/`);
  expect(first.status).toBe(308);
  expect(first.headers.location).toBe(path);
});

test('search finds pages too, as WordPress’s search does', async ({ page }) => {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/pages', { slug: 'team' });
  const team = data[0];
  if (!team) throw new Error('the team page is missing');
  await page.goto('/search/?s=meringue');
  await expect(
    // The results, not the menu, which links the page too.
    page.locator(`main a[href="${pathOf(team.link)}"]`).filter({ hasText: textOf(team.title.rendered) }),
  ).toHaveCount(1);
});
