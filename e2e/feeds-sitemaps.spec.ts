import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { rawGet } from './raw-http';
import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet } from './wordpress';
import { everything, fetchXml, readSitemaps, setUpXmllint, xmllint } from './xml-documents';

interface Listed {
  id: number;
  link: string;
  modified_gmt: string;
}
interface ListedPost extends Listed {
  date_gmt: string;
  title: { rendered: string };
}
interface ListedTerm {
  id: number;
  link: string;
  count: number;
}

setUpXmllint();

test.describe('sitemaps, on the frontend’s own origin', () => {
  test('the index and every chunk it lists are valid sitemaps.org XML, listing everything WordPress publishes', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const siteUrl = baseURL ?? '';
    // A site that discourages search engines has no sitemaps, as on WordPress.
    if (!(await siteSettings()).searchEngineVisible) {
      expect((await request.get('/sitemap.xml', { maxRedirects: 0 })).status()).toBe(404);
      expect((await request.get('/sitemaps/posts-1.xml', { maxRedirects: 0 })).status()).toBe(404);
      return;
    }
    const listed = await readSitemaps(request, siteUrl);
    // One sitemap per viewable post type and taxonomy, named after its REST collection (the seed
    // registers events, event series and people; its non-public internal notes have none), and
    // authors.
    expect([...listed.keys()].sort()).toEqual([
      'authors',
      'categories',
      'event-series',
      'events',
      'pages',
      'people',
      'posts',
      'tags',
    ]);

    // Items of every type: every one, at its path on this origin, with WordPress's modified date.
    for (const kind of ['posts', 'pages', 'events', 'people'] as const) {
      const published = await everything<Listed>(`/wp/v2/${kind}`, { _fields: 'id,link,modified_gmt' });
      expect(published.length, `WordPress has ${kind}`).toBeGreaterThan(0);
      const inSitemap = new Map((listed.get(kind) ?? []).map((entry) => [entry.loc, entry.lastmod]));
      for (const item of published) {
        const loc = `${siteUrl}${pathOf(item.link)}`;
        expect(inSitemap.has(loc), `${loc} is in the ${kind} sitemap`).toBe(true);
        const lastmod = inSitemap.get(loc) ?? '';
        expect(Date.parse(lastmod), `${loc} lastmod ${lastmod}`).toBe(Date.parse(`${item.modified_gmt}Z`));
      }
      expect(inSitemap.size).toBe(published.length + (kind === 'pages' ? 1 : 0));
    }
    expect((listed.get('pages') ?? []).map((entry) => entry.loc)).toContain(`${siteUrl}/`);

    // Terms with posts, and authors with published posts: the same sets as WordPress's.
    const sources = {
      categories: '/wp/v2/categories',
      tags: '/wp/v2/tags',
      'event-series': '/wp/v2/event-series',
      authors: '/wp/v2/users',
    } as const;
    for (const [kind, route] of Object.entries(sources)) {
      const params: Record<string, string> =
        kind === 'authors' ? { _fields: 'id,link' } : { _fields: 'id,link', hide_empty: 'true' };
      const expected = (await everything<ListedTerm>(route, params)).map(
        (item) => `${siteUrl}${pathOf(item.link)}`,
      );
      expect((listed.get(kind) ?? []).map((entry) => entry.loc).sort(), kind).toEqual(expected.sort());
    }

    // The listed archives are pages of this site.
    for (const kind of ['categories', 'tags', 'event-series', 'events', 'people', 'authors']) {
      const first = listed.get(kind)?.[0];
      if (!first) throw new Error(`no ${kind} listed`);
      expect((await request.get(new URL(first.loc).pathname)).status(), first.loc).toBe(200);
    }
  });

  test('chunks that do not exist are 404s', async ({ request }) => {
    for (const path of ['/sitemaps/posts-9999.xml', '/sitemaps/posts-0.xml', '/sitemaps/nothing-1.xml']) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });

  test('XML and text files keep their names: no trailing-slash redirect', async ({ baseURL }) => {
    const served = (await siteSettings()).searchEngineVisible
      ? ['/sitemap.xml', '/robots.txt', '/sitemaps/pages-1.xml']
      : ['/robots.txt', '/feed/'];
    for (const path of served) {
      expect((await rawGet(baseURL ?? '', path)).status, path).toBe(200);
    }
    const slashed = await rawGet(baseURL ?? '', '/sitemap.xml/');
    expect(slashed.status).toBe(308);
    expect(slashed.headers.location).toBe('/sitemap.xml');
  });
});

test('robots.txt allows the site, keeps crawlers out of the API and previews, and names the sitemap', async ({
  request,
  baseURL,
}) => {
  const response = await request.get('/robots.txt', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const lines = (await response.text()).split('\n').map((line) => line.trim());
  if (!(await siteSettings()).searchEngineVisible) {
    // "Discourage search engines": everything disallowed and no sitemap, as WordPress's own.
    expect(lines).toEqual(expect.arrayContaining(['User-Agent: *', 'Disallow: /']));
    expect(lines.filter((line) => /^(Allow|Sitemap):/.test(line))).toEqual([]);
    return;
  }
  expect(lines).toEqual(
    expect.arrayContaining([
      'User-Agent: *',
      'Allow: /',
      'Disallow: /api/',
      'Disallow: /preview/',
      `Sitemap: ${baseURL}/sitemap.xml`,
    ]),
  );
});

test.describe('RSS and Atom feeds at WordPress’s feed URLs', () => {
  test('every feed parses and carries the latest posts, in order, on the frontend’s origin', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const siteUrl = baseURL ?? '';
    const busiest = async (route: string) => {
      const { data } = await wordpressGet<ListedTerm[]>(route, {
        per_page: 1,
        orderby: 'count',
        order: 'desc',
        hide_empty: 'true',
      });
      if (!data[0]) throw new Error(`no ${route} with posts`);
      return data[0];
    };
    const category = await busiest('/wp/v2/categories');
    const tag = await busiest('/wp/v2/tags');
    const { data: users } = await wordpressGet<{ id: number; link: string }[]>('/wp/v2/users', {
      per_page: 1,
    });
    const author = users[0];
    if (!author) throw new Error('no author with posts');

    const archives: { path: string; filter: Record<string, number | string> }[] = [
      { path: '/', filter: {} },
      // A category feed, like its archive, includes the posts of child categories.
      {
        path: pathOf(category.link),
        filter: { 'categories[terms]': category.id, 'categories[include_children]': 'true' },
      },
      { path: pathOf(tag.link), filter: { tags: tag.id } },
      { path: pathOf(author.link), filter: { author: author.id } },
    ];
    const { postsPerFeed } = await siteSettings();
    for (const archive of archives) {
      const { data: latest } = await wordpressGet<ListedPost[]>('/wp/v2/posts', {
        ...archive.filter,
        per_page: postsPerFeed,
        _fields: 'id,link,date_gmt,modified_gmt,title',
      });
      expect(latest.length, `${archive.path} has posts`).toBeGreaterThan(0);
      for (const [suffix, type] of [
        ['feed/', 'application/rss+xml; charset=utf-8'],
        ['feed/atom/', 'application/atom+xml; charset=utf-8'],
      ] as const) {
        const path = `${archive.path}${suffix}`;
        const xml = await fetchXml(request, path, type);
        await xmllint(path, xml);
        const feed = parseFeed(xml);
        expect(feed.meta.type, path).toBe(suffix === 'feed/' ? 'rss' : 'atom');
        expect(feed.url, path).toBe(`${siteUrl}${archive.path}`);
        expect(feed.self, path).toBe(`${siteUrl}${path}`);
        expect(
          feed.items.map((item) => item.url),
          `${path}: the latest posts, newest first, on this origin`,
        ).toEqual(latest.map((post) => `${siteUrl}${pathOf(post.link)}`));
        expect(feed.items.map((item) => item.title)).toEqual(
          latest.map((post) => textOf(post.title.rendered)),
        );
        feed.items.forEach((item, index) => {
          const post = latest[index];
          expect(item.published?.getTime(), `${path} #${index}`).toBe(Date.parse(`${post?.date_gmt}Z`));
          expect(item.id, `${path} #${index}`).toBe(`${siteUrl}/?p=${post?.id}`);
          const content = item.content ?? '';
          expect(content.length, `${path} #${index} has content`).toBeGreaterThan(0);
          expect(content, `${path} #${index}: no scripts`).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
          expect(content, `${path} #${index}: only absolute URLs`).not.toMatch(
            /\s(?:href|src)="(?!https?:|mailto:|tel:)/,
          );
        });
        if (archive.path === '/') {
          expect(feed.title).toBeTruthy();
          expect(feed.items.every((item) => item.authors.length > 0)).toBe(true);
        }
      }
    }
  });

  test('feeds of archives that do not exist are 404s', async ({ request }) => {
    for (const path of [
      '/tag/no-such-tag-anywhere/feed/',
      '/tag/no-such-tag-anywhere/feed/atom/',
      '/category/no-such-category/feed/',
      '/author/no-such-author/feed/',
      '/no-such-story-anywhere/feed/',
    ]) {
      expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
  });

  test('/feed redirects to /feed/, and the internal feed route is no address of its own', async ({
    baseURL,
  }) => {
    const bare = await rawGet(baseURL ?? '', '/feed');
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe('/feed/');
    expect((await rawGet(baseURL ?? '', '/feeds.internal/feed/')).status).toBe(404);
  });
});
