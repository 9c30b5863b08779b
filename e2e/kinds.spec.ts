import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { expectYoastParity } from './head-parity';
import { rawGet } from './raw-http';
import {
  pathOf,
  textOf,
  wordpressAddress,
  wordpressGet,
  wordpressGetAsEditor,
  type WordPressPost,
} from './wordpress';
import { siteSettings } from './site-settings';
import { everything, fetchXml, readSitemaps, setUpXmllint, xmllint } from './xml-documents';

/**
 * Kinds of content a site registers itself, read from the seeded WordPress: the `event` post type
 * (REST base `events`, items at /events/<slug>/), its hierarchical `event_series` taxonomy (REST
 * base `event-series`, archives at /series/<parent>/<child>/) and the non-public `internal_note`.
 * What the frontend shows is compared with WordPress's own answers. Nothing here changes content.
 */
interface EventFields {
  venue: string;
  starts_at: string;
  ticket_link: { title: string; url: string; target: string } | null;
  poster: { url: string; sizes: Record<string, string | number> } | false;
  programme: string | null;
}
type WordPressEvent = WordPressPost & {
  acf: EventFields;
  yoast_head: string | null;
  'event-series': number[];
  broadsheet_preview_link?: string | null;
};
interface WordPressSeries {
  id: number;
  slug: string;
  name: string;
  link: string;
  parent: number;
  count: number;
  yoast_head: string | null;
}

setUpXmllint();

async function eventBySlug(slug: string): Promise<WordPressEvent> {
  const { data } = await wordpressGet<WordPressEvent[]>('/wp/v2/events', { slug, acf_format: 'standard' });
  if (!data[0]) throw new Error(`the event ${slug} is not seeded`);
  return data[0];
}

async function seriesBySlug(slug: string): Promise<WordPressSeries> {
  const { data } = await wordpressGet<WordPressSeries[]>('/wp/v2/event-series', { slug });
  if (!data[0]) throw new Error(`the series ${slug} is not seeded`);
  return data[0];
}

/** The first page of events as WordPress lists them, newest first; `filter` narrows it to a series. */
/** The newest events, as many as a page of an archive (or of a feed) holds on this site. */
async function latestEvents(filter: Record<string, string | number> = {}, list: 'page' | 'feed' = 'page') {
  const settings = await siteSettings();
  const perPage = list === 'feed' ? settings.postsPerFeed : settings.postsPerPage;
  return wordpressGet<WordPressEvent[]>('/wp/v2/events', { per_page: perPage, ...filter });
}

/** A series' events as its WordPress archive lists them: with its child series' events. */
function inSeries(series: WordPressSeries) {
  return { 'event-series[terms]': series.id, 'event-series[include_children]': 'true' };
}

test.describe('a custom post type at WordPress’s own URLs', () => {
  test('an event renders through its template: venue, start, ticket link and poster', async ({ page }) => {
    const event = await eventBySlug('the-drain-cover-walk');
    const { venue, starts_at: startsAt, ticket_link: ticket, poster } = event.acf;
    if (!ticket || !poster) throw new Error('the seeded walk has lost its ticket link or poster');
    const path = pathOf(event.link);
    expect(path).toBe('/events/the-drain-cover-walk/');

    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(event.title.rendered));
    const details = page.locator('.event__details');
    await expect(details.getByText(venue, { exact: true })).toBeVisible();
    await expect(details.locator('time')).toHaveAttribute('datetime', startsAt.replace(' ', 'T'));
    // The ticket link names a page of the WordPress site: here it is that page's frontend path.
    const ticketPath = pathOf(new URL(ticket.url, `${wordpressAddress}/`).href);
    expect(ticketPath).toBe('/contact/');
    const ticketLink = details.getByRole('link', { name: ticket.title });
    await expect(ticketLink).toHaveAttribute('href', ticketPath);
    // The poster stays where WordPress keeps its media.
    const posterSource = await page.locator('.event__poster img').getAttribute('src');
    expect(posterSource?.startsWith(`${wordpressAddress}/wp-content/uploads/`), posterSource ?? '').toBe(
      true,
    );
    expect([poster.url, ...Object.values(poster.sizes)]).toContain(posterSource);

    await ticketLink.click();
    await expect(page).toHaveURL(/\/contact\/$/);
  });

  test('an event at a path WordPress does not link redirects (308) to its permalink', async ({ baseURL }) => {
    const event = await eventBySlug('the-drain-cover-walk');
    // WordPress guesses a mistyped permalink by its slug, across public post types.
    const response = await rawGet(baseURL ?? '', '/the-drain-cover-walk/');
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe(pathOf(event.link));
  });

  test('a hostile programme renders without scripts, handlers or javascript: links, and runs nothing', async ({
    page,
  }) => {
    const event = await eventBySlug('the-bitter-greens-supper');
    expect(event.acf.programme, 'the seeded programme is hostile').toMatch(
      /onclick=[\s\S]*<script>[\s\S]*javascript:/,
    );
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(pathOf(event.link));
    const programme = page.locator('.event__programme');
    await expect(programme).toContainText('Four courses and a talk between each.');
    await expect(programme.locator('script')).toHaveCount(0);
    await expect(programme.locator('[onclick]')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    // Its link to an article of the site is that article's frontend path.
    const { data: linked } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
      slug: 'learning-to-eat-bitter-greens',
      _fields: 'link',
    });
    await expect(programme.getByRole('link', { name: 'Learning to Eat Bitter Greens' })).toHaveAttribute(
      'href',
      pathOf(linked[0]?.link ?? ''),
    );
    await programme.getByText('Four courses and a talk between each.').click();
    await programme.getByText('Add this supper to your calendar').click();
    expect(await page.title()).not.toContain('programme script ran');
    expect(dialogs).toEqual([]);
  });

  test('the events archive lists the published events, newest first, as WordPress does', async ({
    page,
    baseURL,
  }) => {
    const { data: events, total } = await latestEvents();
    const { postsPerPage } = await siteSettings();
    expect(total).toBeGreaterThan(1);
    expect(events.map((event) => event.slug)).not.toContain('the-harbour-market-at-dawn');
    const { data: type } = await wordpressGet<{ name: string }>('/wp/v2/types/event');

    const response = await page.goto('/events/');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(type.name);
    const cards = page.locator('.post-card__title a');
    await expect(cards).toHaveText(events.map((event) => textOf(event.title.rendered)));
    expect(await cards.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
      events.map((event) => pathOf(event.link)),
    );
    // A second page exactly when the events do not fit on one, as many a page as the site says.
    const paged = total > postsPerPage;
    await expect(page.getByRole('button', { name: 'Load more stories' })).toHaveCount(paged ? 1 : 0);
    expect((await rawGet(baseURL ?? '', '/events/page/2/')).status).toBe(paged ? 200 : 404);
  });
});

test.describe('a hierarchical custom taxonomy', () => {
  test('a parent series lists its own events and its child series’ events', async ({ page }) => {
    const parent = await seriesBySlug('lantern-evenings');
    const { data: events } = await latestEvents(inSeries(parent));
    // Some of them are only in a child series: the archive includes children, as WordPress's.
    expect(events.some((event) => !event['event-series'].includes(parent.id))).toBe(true);
    const response = await page.goto(pathOf(parent.link));
    expect(response?.status()).toBe(200);
    expect(pathOf(parent.link)).toBe('/series/lantern-evenings/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(parent.name);
    await expect(page.locator('.post-card__title a')).toHaveText(
      events.map((event) => textOf(event.title.rendered)),
    );
  });

  test('a child series lists its events at its nested path, and redirects (308) there from its bare one', async ({
    page,
    baseURL,
  }) => {
    const child = await seriesBySlug('city-walks');
    const path = pathOf(child.link);
    expect(path).toBe('/series/lantern-evenings/city-walks/');
    const { data: events } = await latestEvents(inSeries(child));
    expect(events.length).toBeGreaterThan(0);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(child.name);
    await expect(page.locator('.post-card__title a')).toHaveText(
      events.map((event) => textOf(event.title.rendered)),
    );

    const bare = await rawGet(baseURL ?? '', '/series/city-walks/');
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe(path);
  });

  test('unknown series and missing events are 404s', async ({ baseURL }) => {
    for (const path of [
      '/series/no-such-series/',
      '/series/lantern-evenings/no-such-series/',
      '/series/no-such-series/feed/',
      '/events/no-such-event/',
    ]) {
      expect((await rawGet(baseURL ?? '', path)).status, path).toBe(404);
    }
  });
});

test.describe('a custom post type without archive (the people directory: no code of its own)', () => {
  test('a person has a page at its permalink, through the built-in template; the directory has no archive', async ({
    page,
    baseURL,
  }) => {
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/people', { slug: 'maren-holt' });
    const person = data[0];
    if (!person) throw new Error('the seed has no person maren-holt');
    const path = pathOf(person.link);
    expect(path).toBe('/people/maren-holt/');
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText(textOf(person.title.rendered));
    for (const missing of [
      '/people/',
      '/people/page/2/',
      '/people/visiting-the-office/',
      '/people/no-one/',
    ]) {
      expect((await rawGet(baseURL ?? '', missing)).status, missing).toBe(404);
    }
  });
});

test('the events feed and a nested series feed are valid RSS of the right events, on this origin', async ({
  request,
  baseURL,
}) => {
  const siteUrl = baseURL ?? '';
  const child = await seriesBySlug('city-walks');
  for (const archive of [
    { path: '/events/', filter: {} },
    { path: pathOf(child.link), filter: inSeries(child) },
  ]) {
    const { data: events } = await latestEvents(archive.filter, 'feed');
    expect(events.length, archive.path).toBeGreaterThan(0);
    const path = `${archive.path}feed/`;
    const xml = await fetchXml(request, path, 'application/rss+xml; charset=utf-8');
    await xmllint(path, xml);
    const feed = parseFeed(xml);
    expect(feed.meta.type, path).toBe('rss');
    expect(feed.url, path).toBe(`${siteUrl}${archive.path}`);
    expect(feed.self, path).toBe(`${siteUrl}${path}`);
    expect(feed.items.map((item) => item.url)).toEqual(
      events.map((event) => `${siteUrl}${pathOf(event.link)}`),
    );
    expect(feed.items.map((item) => item.title)).toEqual(events.map((event) => textOf(event.title.rendered)));
  }
});

test.describe('sitemaps and non-public kinds', () => {
  test('the sitemap index names the events’ and the series’ chunks, which list their frontend URLs', async ({
    request,
    baseURL,
  }) => {
    const siteUrl = baseURL ?? '';
    if (!(await siteSettings()).searchEngineVisible) {
      // A site that discourages search engines has no sitemaps, as WordPress's own are off then.
      for (const path of ['/sitemap.xml', '/sitemaps/events-1.xml', '/sitemaps/event-series-1.xml'])
        expect((await rawGet(siteUrl, path)).status, path).toBe(404);
      return;
    }
    const index = await (await request.get('/sitemap.xml')).text();
    expect(index).toContain(`<loc>${siteUrl}/sitemaps/events-1.xml</loc>`);
    expect(index).toContain(`<loc>${siteUrl}/sitemaps/event-series-1.xml</loc>`);
    const listed = await readSitemaps(request, siteUrl);
    const locs = (kind: string) => (listed.get(kind) ?? []).map((entry) => entry.loc).sort();

    const events = await everything<WordPressEvent>('/wp/v2/events', { _fields: 'id,link' });
    expect(locs('events')).toEqual(events.map((event) => `${siteUrl}${pathOf(event.link)}`).sort());
    const series = await everything<WordPressSeries>('/wp/v2/event-series', {
      _fields: 'id,link',
      hide_empty: 'true',
    });
    expect(series.length).toBe(3);
    expect(locs('event-series')).toEqual(series.map((term) => `${siteUrl}${pathOf(term.link)}`).sort());
    expect(locs('event-series')).toContain(`${siteUrl}/series/lantern-evenings/kitchen-table-talks/`);
  });

  test('a type that is not public is nowhere: not in the sitemaps, at no path', async ({
    request,
    baseURL,
  }) => {
    const notes = await wordpressGetAsEditor<WordPressPost[]>('/wp/v2/internal-notes', { per_page: 100 });
    const note = notes[0];
    if (!note) throw new Error('no internal note seeded');
    // Sitemaps only where the site has them (not when it discourages search engines).
    if ((await siteSettings()).searchEngineVisible) {
      const listed = await readSitemaps(request, baseURL ?? '');
      expect([...listed.keys()].filter((kind) => kind.includes('note'))).toEqual([]);
      const everyLoc = [...listed.values()].flat().map((entry) => entry.loc);
      expect(everyLoc.filter((loc) => loc.includes(note.slug))).toEqual([]);
    }
    for (const path of [
      `/${note.slug}/`,
      `/internal-notes/${note.slug}/`,
      `/internal_note/${note.slug}/`,
      '/internal-notes/',
      '/internal-notes/feed/',
      '/sitemaps/internal-notes-1.xml',
    ]) {
      expect((await rawGet(baseURL ?? '', path)).status, path).toBe(404);
    }
  });
});

test('an event and a series render Yoast’s head, on this origin', async ({ request, baseURL }) => {
  const event = await eventBySlug('the-drain-cover-walk');
  expect(event.yoast_head, 'the seeded walk has Yoast output').toBeTruthy();
  await expectYoastParity(request, baseURL ?? '', pathOf(event.link), event.yoast_head ?? '');
  const series = await seriesBySlug('city-walks');
  expect(series.yoast_head, 'the seeded series has Yoast output').toBeTruthy();
  await expectYoastParity(request, baseURL ?? '', pathOf(series.link), series.yoast_head ?? '');
});

test('the preview link WordPress gives for a draft event opens it through the event template', async ({
  page,
}) => {
  const drafts = await wordpressGetAsEditor<WordPressEvent[]>('/wp/v2/events', {
    status: 'draft',
    context: 'edit',
    acf_format: 'standard',
  });
  const draft = drafts.find((event) => event.slug === 'the-harbour-market-at-dawn');
  if (!draft?.broadsheet_preview_link)
    throw new Error('no preview link for the draft event: is the plugin active?');
  const response = await page.goto(draft.broadsheet_preview_link);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(`/preview/event/${draft.id}/`);
  await expect(page.getByRole('status')).toContainText('Preview');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(draft.title.rendered));
  await expect(page.locator('.event__details').getByText(draft.acf.venue, { exact: true })).toBeVisible();
});

test('a password-protected event hides its details until unlocked with its password', async ({
  browser,
  request,
}) => {
  const event = await eventBySlug('an-evening-for-subscribers');
  expect(event.content.protected).toBe(true);
  // WordPress serves the fields without the password, as ACF does: the page must not.
  const { venue } = event.acf;
  expect(venue).toBeTruthy();
  const locked = await (await request.get(pathOf(event.link))).text();
  expect(locked).toContain('name="password"');
  expect(locked).not.toContain(venue);
  expect(locked).not.toContain('id="event-details"');

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathOf(event.link));
  await expect(page.locator('.event__details')).toHaveCount(0);
  await page.getByLabel('Password').fill('lantern');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(new RegExp(`/protected/event/${event.id}/$`));
  await expect(page.locator('.article__content p').first()).not.toBeEmpty();
  await expect(page.locator('.event__details').getByText(venue, { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await context.close();
});
