import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildKinds } from './kinds';
import { plainWordPressKinds } from './kinds.test-helpers';
import {
  countContent,
  listSitemapChunk,
  MAX_SITEMAP_CHUNK,
  sitemapKindsOf,
  type SitemapKind,
} from './sitemaps';

const PLAIN_WORDPRESS_KINDS = plainWordPressKinds(buildKinds);
const SITEMAP_KINDS = sitemapKindsOf(PLAIN_WORDPRESS_KINDS).map((kind) => kind.name);
/** A sitemap of the plain WordPress's registry, by name. */
function kind(name: string): SitemapKind {
  const found = sitemapKindsOf(PLAIN_WORDPRESS_KINDS).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sitemap ${name}`);
  return found;
}
const TAG_OF: Record<string, string> = {
  posts: 'wp:sitemap:type:post',
  pages: 'wp:sitemap:type:page',
  categories: 'wp:sitemap:taxonomy:category',
  tags: 'wp:sitemap:taxonomy:post_tag',
  authors: 'wp:sitemap:authors',
};

vi.mock('./site', async (importOriginal) =>
  (await import('./site.test-helpers')).withFixedAddresses(await importOriginal()),
);

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
vi.stubEnv('REVALIDATE_SECONDS', '900');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function requested(call: number): { url: URL; init: FetchInit } {
  const [input, init] = fetchMock.mock.calls[call] ?? [];
  if (typeof input !== 'string' || !init) throw new Error(`no fetch call ${call}`);
  return { url: new URL(input), init };
}

/** Every request gets a fresh copy of the same answer. */
function answer(response: Response) {
  fetchMock.mockImplementation(async () => response.clone());
}

beforeEach(() => {
  fetchMock.mockReset();
});

describe('countContent', () => {
  it.each([
    ['posts', '/wp/v2/posts', null],
    ['pages', '/wp/v2/pages', null],
    ['categories', '/wp/v2/categories', 'true'],
    ['tags', '/wp/v2/tags', 'true'],
    ['authors', '/wp/v2/users', null],
  ] as const)('counts %s with one request for one id, reading X-WP-Total', async (name, route, hideEmpty) => {
    answer(json([{ id: 1 }], 200, { 'X-WP-Total': '12345', 'X-WP-TotalPages': '12345' }));
    expect(await countContent(kind(name))).toBe(12345);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe(route);
    expect(url.searchParams.get('per_page')).toBe('1');
    expect(url.searchParams.get('_fields')).toBe('id');
    expect(url.searchParams.get('hide_empty')).toBe(hideEmpty);
    expect(init.next).toEqual({ revalidate: 900, tags: [TAG_OF[name]] });
  });

  it('counts the list itself when WordPress sends no total', async () => {
    answer(json([]));
    expect(await countContent(kind('tags'))).toBe(0);
  });
});

describe('listSitemapChunk', () => {
  it('reads one chunk of 100 posts, ordered by id, with only link and modified date', async () => {
    answer(
      json([
        { id: 3, link: 'http://wp.example.test/2024/03/05/gull-rock/', modified_gmt: '2024-03-06T09:30:00' },
        { id: 7, link: 'http://wp.example.test/%e6%97%a5%e6%9c%ac/', modified_gmt: '2024-04-01T00:00:00' },
        // Elsewhere, not a page of this site.
        { id: 9, link: 'https://elsewhere.example/redirected/', modified_gmt: '2024-04-02T00:00:00' },
      ]),
    );
    expect(await listSitemapChunk(kind('posts'), 3)).toEqual([
      { path: '/2024/03/05/gull-rock/', lastModified: '2024-03-06T09:30:00Z' },
      { path: '/%e6%97%a5%e6%9c%ac/', lastModified: '2024-04-01T00:00:00Z' },
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('page')).toBe('3');
    expect(url.searchParams.get('per_page')).toBe('100');
    expect(url.searchParams.get('orderby')).toBe('id');
    expect(url.searchParams.get('order')).toBe('asc');
    expect(url.searchParams.get('_fields')).toBe('id,link,modified_gmt');
    expect(url.searchParams.get('_embed')).toBeNull();
    expect(init.next).toEqual({ revalidate: 900, tags: ['wp:sitemap:type:post'] });
  });

  it('lists non-empty terms and authors without a modified date', async () => {
    answer(json([{ id: 4, link: 'http://wp.example.test/category/cities/bridges/' }]));
    expect(await listSitemapChunk(kind('categories'), 1)).toEqual([
      { path: '/category/cities/bridges/', lastModified: null },
    ]);
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/categories');
    expect(url.searchParams.get('hide_empty')).toBe('true');
    expect(url.searchParams.get('_fields')).toBe('id,link');
    expect(init.next?.tags).toEqual(['wp:sitemap:taxonomy:category']);

    answer(json([{ id: 2, link: 'http://wp.example.test/author/mholt/' }]));
    expect(await listSitemapChunk(kind('authors'), 1)).toEqual([
      { path: '/author/mholt/', lastModified: null },
    ]);
    expect(requested(1).url.searchParams.get('rest_route')).toBe('/wp/v2/users');
  });

  it('leaves out a zero modified date rather than writing an invalid one', async () => {
    answer(json([{ id: 5, link: 'http://wp.example.test/about/', modified_gmt: '0000-00-00T00:00:00' }]));
    expect(await listSitemapChunk(kind('pages'), 1)).toEqual([{ path: '/about/', lastModified: null }]);
  });

  it('is null past the end: posts and pages answer 400, terms and users an empty list', async () => {
    answer(
      json(
        {
          code: 'rest_post_invalid_page_number',
          message: 'The page number requested is larger than the number of pages available.',
          data: { status: 400 },
        },
        400,
      ),
    );
    expect(await listSitemapChunk(kind('pages'), 2)).toBeNull();
    answer(json([]));
    expect(await listSitemapChunk(kind('tags'), 2)).toBeNull();
    // The first chunk of an empty kind is empty, not missing.
    expect(await listSitemapChunk(kind('tags'), 1)).toEqual([]);
  });

  it('answers plainly invalid chunk numbers without asking WordPress', async () => {
    for (const chunk of [0, -1, 1.5, Number.NaN, MAX_SITEMAP_CHUNK + 1]) {
      expect(await listSitemapChunk(kind('posts'), chunk)).toBeNull();
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lets other WordPress failures through, so the last good sitemap stays cached', async () => {
    answer(json({ code: 'rest_forbidden', message: 'No.' }, 401));
    await expect(listSitemapChunk(kind('authors'), 1)).rejects.toThrow(
      /refused \/wp\/v2\/users with HTTP 401/,
    );
  });

  it('knows every kind the cache tags know', () => {
    expect(SITEMAP_KINDS).toEqual(['posts', 'pages', 'categories', 'tags', 'authors']);
  });
});
