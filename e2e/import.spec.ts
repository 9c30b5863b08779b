import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet, wordpressGetAsEditor, type WordPressPost } from './wordpress';

/**
 * The project's import fixture (wordpress/dev/import/fixtures/harbour-notes.xml) was merged into
 * the demo content by scripts/e2e.mjs before the build, as `npm run wp:import` does. These tests
 * check that each kind of item arrived, through WordPress's REST API and on the frontend.
 */
const FIXTURE = process.env.E2E_IMPORT_FIXTURE ?? 'wordpress/dev/import/fixtures/harbour-notes.xml';
/** The embedded WordPress instance scripts/e2e.mjs imported into; the re-import names it. */
const INSTANCE = process.env.E2E_WORDPRESS_INSTANCE ?? 'e2e-postname';

interface Post extends WordPressPost {
  date: string;
  date_gmt: string;
  author: number;
  categories: number[];
  tags: number[];
  status: string;
  parent?: number;
}
interface Term {
  id: number;
  name: string;
  slug: string;
  parent: number;
  link: string;
}
interface User {
  id: number;
  name: string;
  slug: string;
  link: string;
}
interface Comment {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  status: string;
  date_gmt: string;
}
interface Media {
  id: number;
  source_url: string;
  mime_type: string;
  alt_text: string;
  post: number | null;
}
interface MenuItem {
  id: number;
  title: { rendered: string };
  type: string;
  object: string;
  object_id: number;
  parent: number;
  url: string;
}

async function postBySlug(slug: string, type: 'posts' | 'pages' = 'posts'): Promise<Post> {
  const { data } = await wordpressGet<Post[]>(`/wp/v2/${type}`, { slug });
  const post = data[0];
  if (!post) throw new Error(`${slug} was not imported`);
  return post;
}

async function termBySlug(taxonomy: 'categories' | 'tags', slug: string): Promise<Term> {
  const { data } = await wordpressGet<Term[]>(`/wp/v2/${taxonomy}`, { slug });
  const term = data[0];
  if (!term) throw new Error(`${taxonomy} ${slug} was not imported`);
  return term;
}

test.describe('a WordPress export imported with npm run wp:import', () => {
  test.beforeAll(async () => {
    // scripts/e2e.mjs merges the fixture into the sites of the lanes that run this file; a
    // missing post means the import did not happen.
    const { data } = await wordpressGet<Post[]>('/wp/v2/posts', { slug: 'the-keepers-logbook' });
    expect(data.length, 'the fixture’s first post was imported').toBe(1);
  });

  test('authors, nested categories and tags arrived', async () => {
    const { data: users } = await wordpressGet<User[]>('/wp/v2/users', {
      slug: 'wren-castellane,tobias-okafor',
    });
    expect(users.map((user) => user.name).sort()).toEqual(['Tobias Okafor', 'Wren Castellane']);

    const coast = await termBySlug('categories', 'harbour-coast');
    const lighthouses = await termBySlug('categories', 'lighthouses');
    const lampRooms = await termBySlug('categories', 'lamp-rooms');
    expect([coast.parent, lighthouses.parent, lampRooms.parent]).toEqual([0, coast.id, lighthouses.id]);
    expect(pathOf(lampRooms.link)).toMatch(/\/harbour-coast\/lighthouses\/lamp-rooms\/$/);
    // A tag the export never declared, only used by a post.
    expect((await termBySlug('tags', 'sea-salt')).name).toBe('Sea salt');
  });

  test('posts keep their dates, slugs, authors, terms, sticky flag, password and featured image', async () => {
    const logbook = await postBySlug('the-keepers-logbook');
    const wren = (await wordpressGet<User[]>('/wp/v2/users', { slug: 'wren-castellane' })).data[0];
    expect(logbook).toMatchObject({ date_gmt: '2019-03-14T09:00:00', sticky: true, author: wren?.id });
    expect(logbook.categories).toEqual([(await termBySlug('categories', 'lighthouses')).id]);
    expect(logbook.tags.sort()).toEqual(
      [(await termBySlug('tags', 'sea-fog')).id, (await termBySlug('tags', 'spring-tides')).id].sort(),
    );

    // The one file the end-to-end WordPress can serve was downloaded; the others are placeholders.
    const image = await wordpressGet<Media>(`/wp/v2/media/${logbook.featured_media}`);
    expect(image.data.source_url).toMatch(/\/wp-content\/uploads\/2019\/03\/screenshot(-\d+)?\.png$/);
    expect(image.data).toMatchObject({ alt_text: 'A lit lamp behind salt-streaked glass', post: logbook.id });
    const mackerel = await postBySlug('salt-baked-mackerel');
    expect(mackerel.date_gmt).toBe('2019-05-02T11:00:00');
    const placeholder = await wordpressGet<Media>(`/wp/v2/media/${mackerel.featured_media}`);
    expect(placeholder.data.source_url).toMatch(/\/fog-over-the-breakwater-placeholder\.png$/);
    const { data: tables } = await wordpressGet<Media[]>('/wp/v2/media', { slug: 'spring-tide-table' });
    expect(tables[0]).toMatchObject({
      mime_type: 'application/pdf',
      source_url: 'https://media.harbour-notes.example/2019/03/spring-tide-table.pdf',
    });

    const letters = await postBySlug('letters-from-the-lamp-room');
    expect(letters.content.protected).toBe(true);
    const drafts = await wordpressGetAsEditor<Post[]>('/wp/v2/posts', {
      status: 'draft',
      slug: 'notes-toward-a-fog-almanac',
    });
    expect(drafts[0]).toMatchObject({ status: 'draft', date: '2019-07-01T10:00:00' });
  });

  test('comments keep their threads and their status', async () => {
    const logbook = await postBySlug('the-keepers-logbook');
    const { data: approved } = await wordpressGet<Comment[]>('/wp/v2/comments', {
      post: logbook.id,
      order: 'asc',
    });
    const [question, answer, thanks] = approved;
    expect(approved.map((comment) => comment.author_name)).toEqual([
      'Ines Varga',
      'Wren Castellane',
      'Ines Varga',
    ]);
    expect([question?.parent, answer?.parent, thanks?.parent]).toEqual([0, question?.id, answer?.id]);
    expect(question?.date_gmt).toBe('2019-03-15T18:20:00');
    const held = await wordpressGetAsEditor<Comment[]>('/wp/v2/comments', {
      post: logbook.id,
      status: 'hold',
    });
    expect(held.map((comment) => comment.author_name)).toEqual(['Marc Delorme']);
    const spam = await wordpressGetAsEditor<Comment[]>('/wp/v2/comments', {
      post: logbook.id,
      status: 'spam',
    });
    expect(spam.map((comment) => comment.author_name)).toEqual(['Cheap Lanterns']);
  });

  test('the menu holds its items, nested, pointing at the imported page, category and URL', async () => {
    const menus = await wordpressGetAsEditor<Term[]>('/wp/v2/menus', { slug: 'harbour-menu' });
    const menu = menus[0];
    if (!menu) throw new Error('the menu was not imported');
    const items = await wordpressGetAsEditor<MenuItem[]>('/wp/v2/menu-items', {
      menus: menu.id,
      per_page: 100,
    });
    const byTitle = Object.fromEntries(items.map((item) => [textOf(item.title.rendered), item]));
    const about = await postBySlug('about-the-harbour', 'pages');
    const visiting = await postBySlug('visiting-hours', 'pages');
    expect(visiting.parent).toBe(about.id);
    expect(byTitle['About the Harbour']).toMatchObject({ object: 'page', object_id: about.id, parent: 0 });
    expect(byTitle['Visiting Hours']).toMatchObject({
      object: 'page',
      object_id: visiting.id,
      parent: byTitle['About the Harbour']?.id,
    });
    expect(byTitle['Lighthouses']).toMatchObject({
      object: 'category',
      object_id: (await termBySlug('categories', 'lighthouses')).id,
    });
    expect(byTitle['Tide tables']).toMatchObject({
      type: 'custom',
      url: 'https://harbour-notes.example/tides/',
    });
  });

  test('a reader finds the imported posts on the frontend: sticky, featured images, password', async ({
    page,
  }) => {
    // Several cold renders of pages nobody has opened yet, on the embedded WordPress.
    test.setTimeout(120_000);
    const logbook = await postBySlug('the-keepers-logbook');
    // The latest posts, sticky ones first: "/" or a static front page's posts page.
    await page.goto((await siteSettings()).postsListPath);
    await expect(page.locator('.post-card__title a', { hasText: 'The Keeper’s Logbook' })).toHaveAttribute(
      'href',
      pathOf(logbook.link),
    );

    expect((await page.goto(pathOf(logbook.link)))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Keeper’s Logbook');
    await expect(page.locator('.article__content')).toContainText('forty-one volumes');
    await expect(page.locator('.byline')).toContainText('Wren Castellane');
    await expect(page.locator('.hero img')).toHaveAttribute(
      'src',
      /\/wp-content\/uploads\/2019\/03\/screenshot/,
    );

    await page.goto(pathOf((await postBySlug('salt-baked-mackerel')).link));
    await expect(page.locator('.hero img')).toHaveAttribute('src', /fog-over-the-breakwater-placeholder/);

    await page.goto(pathOf((await postBySlug('letters-from-the-lamp-room')).link));
    await expect(page.getByLabel('Password')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('relief keeper');
  });

  test('a reader opens the imported pages, nested; the draft stays hidden', async ({ page }) => {
    expect((await page.goto('/notes-toward-a-fog-almanac/'))?.status()).toBe(404);

    expect((await page.goto('/about-the-harbour/visiting-hours/'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Visiting Hours');
  });

  test('a reader browses the imported category, tag, author and date archives', async ({ page }) => {
    const { data: authors } = await wordpressGet<{ link: string }[]>('/wp/v2/users', {
      slug: 'tobias-okafor',
    });
    // The day WordPress files the logbook under, in the site's own timezone.
    const logbook = await postBySlug('the-keepers-logbook');
    const day = `/${logbook.date.slice(0, 10).replaceAll('-', '/')}/`;
    const archives: [string, string, string][] = [
      [
        pathOf((await termBySlug('categories', 'lamp-rooms')).link),
        'Lamp Rooms',
        'Letters from the Lamp Room',
      ],
      [pathOf((await termBySlug('tags', 'sea-salt')).link), 'Sea salt', 'Salt-Baked Mackerel'],
      [pathOf(authors[0]?.link ?? '/author/tobias-okafor/'), 'Tobias Okafor', 'Salt-Baked Mackerel'],
      [day, '', 'The Keeper’s Logbook'],
    ];
    for (const [path, heading, title] of archives) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('.post-card__title a', { hasText: title })).toBeVisible();
    }
  });

  test('importing the same file again creates nothing', async () => {
    test.setTimeout(180_000);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/wp-import.mjs', '--instance', INSTANCE, FIXTURE],
      { env: { ...process.env, FORCE_COLOR: '0' } },
    );
    const totals = stdout.match(/^ {2}total +(\d+) +(\d+) +(\d+) +(\d+)$/m);
    expect(totals?.slice(1).map(Number), stdout).toEqual([0, 0, 34, 0]);
  });
});
