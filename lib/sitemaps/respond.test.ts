import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '@/lib/wordpress/settings';
import { getSiteSettings } from '@/lib/wordpress/site';
import { robotsRules } from './robots';
import { sitemapChunkResponse, sitemapIndexResponse } from './respond';

const hidden = {
  ...DEFAULT_SITE_SETTINGS,
  reading: { ...DEFAULT_SITE_SETTINGS.reading, searchEngineVisible: false },
};

vi.mock('@/lib/wordpress/site', async (importOriginal) =>
  (await import('@/lib/wordpress/site.test-helpers')).withFixedAddresses(await importOriginal()),
);

vi.mock('@/lib/wordpress/kinds', async (importOriginal) =>
  (await import('@/lib/wordpress/kinds.test-helpers')).withFixedKinds(await importOriginal()),
);

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'https://www.example.com');
vi.stubEnv('REVALIDATE_SECONDS', '900');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

const TOTALS: Record<string, number> = {
  '/wp/v2/posts': 250,
  '/wp/v2/pages': 0,
  '/wp/v2/categories': 0,
  '/wp/v2/tags': 100,
  '/wp/v2/users': 3,
};

/** WordPress with the totals above; lists answer `items` for the first page, nothing beyond. */
function wordpress(items: Record<string, unknown[]> = {}) {
  fetchMock.mockImplementation(async (input) => {
    const url = new URL(String(input));
    const route = url.searchParams.get('rest_route') ?? '';
    const total = TOTALS[route];
    if (total === undefined) return Response.json({ code: 'rest_no_route' }, { status: 404 });
    if (url.searchParams.get('per_page') === '1') {
      return Response.json([{ id: 1 }], { headers: { 'X-WP-Total': String(total) } });
    }
    if (url.searchParams.get('page') !== '1') {
      return route === '/wp/v2/posts' || route === '/wp/v2/pages'
        ? Response.json({ code: 'rest_post_invalid_page_number', message: 'Too far.' }, { status: 400 })
        : Response.json([]);
    }
    return Response.json(items[route] ?? []);
  });
}

beforeEach(() => {
  fetchMock.mockReset();
});

describe('sitemapIndexResponse', () => {
  it('lists every chunk of every kind from one count per kind', async () => {
    wordpress();
    const response = await sitemapIndexResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toContain('stale-while-revalidate=');
    const locs = [...(await response.text()).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toEqual([
      'https://www.example.com/sitemaps/posts-1.xml',
      'https://www.example.com/sitemaps/posts-2.xml',
      'https://www.example.com/sitemaps/posts-3.xml',
      'https://www.example.com/sitemaps/pages-1.xml',
      'https://www.example.com/sitemaps/tags-1.xml',
      'https://www.example.com/sitemaps/authors-1.xml',
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(5);
  });
});

describe('sitemapChunkResponse', () => {
  it('writes one chunk from one request, on the frontend origin, with lastmod', async () => {
    wordpress({
      '/wp/v2/posts': [
        { id: 1, link: 'http://wp.example.test/hello-world/', modified_gmt: '2024-01-02T03:04:05' },
      ],
    });
    const response = await sitemapChunkResponse('posts-1.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex, follow');
    expect(await response.text()).toContain(
      '<url><loc>https://www.example.com/hello-world/</loc><lastmod>2024-01-02T03:04:05Z</lastmod></url>',
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('lists the front page first in the first pages chunk, once', async () => {
    wordpress({
      '/wp/v2/pages': [{ id: 9, link: 'http://wp.example.test/about/', modified_gmt: '2024-01-02T00:00:00' }],
    });
    const body = await (await sitemapChunkResponse('pages-1.xml')).text();
    const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toEqual(['https://www.example.com/', 'https://www.example.com/about/']);

    // A static front page is the home URL itself.
    wordpress({
      '/wp/v2/pages': [{ id: 9, link: 'http://wp.example.test/', modified_gmt: '2024-01-02T00:00:00' }],
    });
    const again = await (await sitemapChunkResponse('pages-1.xml')).text();
    expect(again.match(/<loc>/g)).toHaveLength(1);
    expect(again).toContain('<lastmod>2024-01-02T00:00:00Z</lastmod>');
  });

  it('is a 404 past the end, and for an empty kind (the protocol has no empty sitemap)', async () => {
    wordpress();
    expect((await sitemapChunkResponse('posts-4.xml')).status).toBe(404);
    expect((await sitemapChunkResponse('tags-2.xml')).status).toBe(404);
    expect((await sitemapChunkResponse('categories-1.xml')).status).toBe(404);
  });

  it('is a 404 without asking WordPress for a name that cannot be a chunk', async () => {
    wordpress();
    for (const name of ['posts-0.xml', 'nope-1.xml', 'posts-1.xml.gz', 'posts-99999999.xml']) {
      const response = await sitemapChunkResponse(name);
      expect(response.status).toBe(404);
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws when WordPress is unavailable, so the cached sitemap is kept', async () => {
    fetchMock.mockImplementation(async () => new Response('down', { status: 503 }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(sitemapChunkResponse('posts-1.xml')).rejects.toThrow(/HTTP 503/);
  });
});

describe('a site that discourages search engines (blog_public = 0)', () => {
  it('serves no sitemap index and no chunk, without counting anything', async () => {
    vi.mocked(getSiteSettings).mockResolvedValueOnce(hidden).mockResolvedValueOnce(hidden);
    wordpress();
    expect((await sitemapIndexResponse()).status).toBe(404);
    expect((await sitemapChunkResponse('posts-1.xml')).status).toBe(404);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('robotsRules', () => {
  it('lets crawlers in and names the sitemap, or shuts them out when search engines are discouraged', () => {
    expect(robotsRules('https://www.example.com')).toEqual({
      rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/preview/'] },
      sitemap: 'https://www.example.com/sitemap.xml',
    });
    expect(robotsRules('https://www.example.com', false)).toEqual({
      rules: { userAgent: '*', disallow: '/' },
    });
  });
});
