import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import postsFixture from '@/lib/wordpress/fixtures/posts.json';
import { feedResponse } from './respond';

vi.mock('@/lib/wordpress/kinds', async (importOriginal) =>
  (await import('@/lib/wordpress/kinds.test-helpers')).withFixedKinds(await importOriginal()),
);

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'https://www.example.com');
vi.stubEnv('REVALIDATE_SECONDS', '900');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

const site = {
  name: 'The Lantern',
  description: 'Slow reading',
  url: 'http://wp.example.test',
  home: 'http://wp.example.test',
};
const bridges = {
  id: 4,
  name: 'Bridges',
  slug: 'bridges',
  link: 'http://wp.example.test/category/cities/bridges/',
  taxonomy: 'category',
  description: 'Spans large and small.',
};

/** WordPress knows the site, one category (bridges), no tags or users, and the fixture posts. */
function wordpress() {
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input));
    const route = url.searchParams.get('rest_route');
    if (route === '/') return Response.json(site);
    if (route === '/wp/v2/categories')
      return Response.json(url.searchParams.get('slug') === 'bridges' ? [bridges] : []);
    if (route === '/wp/v2/tags' || route === '/wp/v2/users') return Response.json([]);
    if (route === '/wp/v2/posts') return Response.json(postsFixture);
    return Response.json({ code: 'rest_no_route' }, { status: 404 });
  });
}

function postsRequest(): { url: URL; init: FetchInit } {
  const call = fetchMock.mock.calls.find(([input]) => String(input).includes('%2Fwp%2Fv2%2Fposts'));
  const [input, init] = call ?? [];
  if (typeof input !== 'string' || !init) throw new Error('no posts request');
  return { url: new URL(input), init };
}

beforeEach(() => {
  fetchMock.mockReset();
  wordpress();
});

describe('feedResponse', () => {
  it('answers the site feed as RSS, cacheable, from posts tagged for feeds and the front page', async () => {
    const response = await feedResponse(['feed']);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(
      'public, max-age=0, s-maxage=900, stale-while-revalidate=86400',
    );
    const feed = parseFeed(await response.text());
    expect(feed.title).toBe('The Lantern');
    expect(feed.items.map((item) => item.url)).toEqual(
      postsFixture.map((post) => post.link.replace('http://wp.example.test', 'https://www.example.com')),
    );
    const { url, init } = postsRequest();
    // Feeds ignore stickiness, as WordPress's do.
    expect(url.searchParams.get('sticky')).toBeNull();
    expect(init.next?.tags).toEqual(['wp:feeds:post', 'wp:list:home']);
  });

  it('answers an archive’s Atom feed, titled after the archive', async () => {
    const response = await feedResponse(['category', 'cities', 'bridges', 'feed', 'atom']);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(await response.text());
    expect(feed.title).toBe('Bridges – The Lantern');
    expect(feed.self).toBe('https://www.example.com/category/cities/bridges/feed/atom/');
    const { url, init } = postsRequest();
    expect(url.searchParams.get('categories[terms]')).toBe('4');
    expect(init.next?.tags).toEqual(['wp:feeds:post', 'wp:list:term:category:4']);
  });

  it('redirects a category feed requested at the wrong path to the category’s own', async () => {
    const response = await feedResponse(['category', 'bridges', 'feed', 'atom']);
    expect(response.status).toBe(308);
    expect(response.headers.get('Location')).toBe('/category/cities/bridges/feed/atom/');
  });

  it('is a 404 for archives WordPress does not have', async () => {
    expect((await feedResponse(['tag', 'no-such-tag', 'feed'])).status).toBe(404);
    expect((await feedResponse(['author', 'nobody', 'feed', 'atom'])).status).toBe(404);
    expect((await feedResponse(['category', 'nothing', 'feed'])).status).toBe(404);
  });

  it('is a 404 without asking WordPress for feeds Broadsheet does not serve', async () => {
    for (const segments of [
      ['some-post', 'feed'],
      ['2024', 'feed'],
      ['comments', 'feed'],
      ['feed', 'rdf'],
    ]) {
      expect((await feedResponse(segments)).status).toBe(404);
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws when WordPress is unavailable, so the cached feed is kept', async () => {
    fetchMock.mockImplementation(async () => new Response('down', { status: 502 }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(feedResponse(['feed'])).rejects.toThrow(/HTTP 502/);
  });
});
