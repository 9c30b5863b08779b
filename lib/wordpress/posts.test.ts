import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WordPressRequestRejectedError } from './errors';
import errorFixture from './fixtures/error-invalid-page-number.json';
import indexFixture from './fixtures/index.json';
import pageFixture from './fixtures/page.json';
import postFixture from './fixtures/post.json';
import postsFixture from './fixtures/posts.json';
import { singleAddress, type SiteAddresses } from './paths';
import { buildKinds, getKinds } from './kinds';
import { plainWordPressKinds } from './kinds.test-helpers';
import {
  findContentAtPath,
  getContentStylesSource,
  getProtectedPost,
  listPosts,
  listStickyPosts,
} from './posts';
import { DEFAULT_SITE_SETTINGS } from './settings';
import { getSiteAddresses, getSiteInfo, getSiteSettings } from './site';
import { tagsForEvent } from './webhook';

// getConfig() reads process.env on first use and the transport captures the global fetch when it is
// first created, so both are in place before any test runs; each test swaps the implementation.
vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
vi.stubEnv('REVALIDATE_SECONDS', '900');
vi.stubEnv('WORDPRESS_PREVIEW_USER', '');
vi.stubEnv('WORDPRESS_APPLICATION_PASSWORD', '');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

vi.mock('./site', async (importOriginal) =>
  (await import('./site.test-helpers')).withFixedAddresses(await importOriginal()),
);
vi.mock('./kinds', async (importOriginal) =>
  (await import('./kinds.test-helpers')).withFixedKinds(await importOriginal()),
);

/** The content lookup in the shape these tests were written for. */
async function resolvePath(segments: string[]) {
  const found = await findContentAtPath(segments.join('/'));
  return found.kind === 'found' ? { kind: 'post' as const, post: found.value } : found;
}
const WORDPRESS_URL_ONLY = singleAddress('http://wp.example.test');
/** The usual headless setup: the Site Address in a sub-folder of the public origin. */
const SUB_FOLDER_OF_PUBLIC_ORIGIN: SiteAddresses = {
  home: 'https://example.org/en',
  wordpressAddress: 'https://cms.example.org',
  wordpressUrl: 'http://wp.example.test',
};

/** A WordPress payload as WordPress writes it when its Site Address is `home`. */
function linkedFrom<T>(payload: T, home: string): T {
  return JSON.parse(JSON.stringify(payload).replaceAll('http://wp.example.test', home)) as T;
}

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Answers /wp/v2/posts and /wp/v2/pages lookups with the given lists. */
function answer(routes: { posts?: unknown[]; pages?: unknown[] }) {
  fetchMock.mockImplementation(async (input) => {
    const route = new URL(String(input)).searchParams.get('rest_route');
    if (route === '/wp/v2/posts') return json(routes.posts ?? []);
    if (route === '/wp/v2/pages') return json(routes.pages ?? []);
    return json({ code: 'rest_no_route', message: 'No route was found.', data: { status: 404 } }, 404);
  });
}

function requested(call: number): { url: URL; init: FetchInit } {
  const [input, init] = fetchMock.mock.calls[call] ?? [];
  if (typeof input !== 'string' || !init) throw new Error(`no fetch call ${call}`);
  return { url: new URL(input), init };
}

beforeEach(() => {
  fetchMock.mockReset();
  vi.mocked(getSiteAddresses).mockResolvedValue(WORDPRESS_URL_ONLY);
  vi.mocked(getSiteSettings).mockResolvedValue(DEFAULT_SITE_SETTINGS);
});

describe('findContentAtPath', () => {
  it('is a plain pass-through outside a React server render (no memoisation between calls)', async () => {
    answer({ posts: [postFixture] });
    const segments = ['2024', '03', '05', 'the-last-keeper-of-gull-rock'];
    await resolvePath(segments);
    await resolvePath(segments);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('resolves a post at its own path with exactly one request', async () => {
    answer({ posts: [postFixture] });
    const resolved = await resolvePath(['2024', '03', '05', 'the-last-keeper-of-gull-rock']);
    expect(resolved.kind).toBe('post');
    if (resolved.kind !== 'post') return;
    expect(resolved.post.id).toBe(412);
    expect(resolved.post.title).toBe('The Keeper’s Log: Notes from Gull Rock');
    expect(resolved.post.path).toBe('/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, init } = requested(0);
    expect(url.origin).toBe('http://wp.example.test');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('slug')).toBe('the-last-keeper-of-gull-rock');
    expect(url.searchParams.get('_embed')).toContain('wp:featuredmedia');
    expect(init.next).toEqual({ revalidate: 900, tags: ['wp:slug:post:the-last-keeper-of-gull-rock'] });
  });

  it("embeds a post's first comments, to know without another request whether it has any", async () => {
    const path = ['2024', '03', '05', 'the-last-keeper-of-gull-rock'];
    const withReplies = (replies: unknown) => ({
      ...postFixture,
      _embedded: { ...postFixture._embedded, replies },
    });
    const hasComments = async (post: unknown) => {
      answer({ posts: [post] });
      const resolved = await resolvePath(path);
      return resolved.kind === 'post' ? resolved.post.hasApprovedComments : 'not a post';
    };
    expect(await hasComments(withReplies([[{ id: 3, author_name: 'Ana' }]]))).toBe(true);
    // WordPress leaves the key out when the post has no approved comments.
    expect(await hasComments(postFixture)).toBe(false);
    expect(await hasComments(withReplies([[]]))).toBe(false);
    // Refused or unreadable: unknown, so the comments are asked for.
    expect(await hasComments(withReplies([{ code: 'rest_forbidden' }]))).toBeNull();
    expect(await hasComments(withReplies('nonsense'))).toBeNull();
    expect(requested(0).url.searchParams.get('_embed')?.split(',')).toContain('replies');
  });

  it('asks pages for no comments', async () => {
    answer({ pages: [pageFixture] });
    await resolvePath(['about']);
    expect(requested(1).url.searchParams.get('rest_route')).toBe('/wp/v2/pages');
    expect(requested(1).url.searchParams.get('_embed')?.split(',')).not.toContain('replies');
  });

  it('reads links against the Site Address, not WORDPRESS_URL, when it is in a sub-folder of another origin', async () => {
    vi.mocked(getSiteAddresses).mockResolvedValue(SUB_FOLDER_OF_PUBLIC_ORIGIN);
    answer({ posts: [linkedFrom(postFixture, 'https://example.org/en')] });
    const resolved = await resolvePath(['2024', '03', '05', 'the-last-keeper-of-gull-rock']);
    expect(resolved.kind).toBe('post');
    if (resolved.kind !== 'post') return;
    expect(resolved.post.path).toBe('/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(resolved.post.categories.map((term) => term.path)).toEqual(['/category/essays/']);
    expect(await resolvePath(['the-last-keeper-of-gull-rock'])).toEqual({
      kind: 'redirect',
      path: '/2024/03/05/the-last-keeper-of-gull-rock/',
    });
  });

  it('redirects when the slug is found at another path', async () => {
    answer({ posts: [postFixture] });
    expect(await resolvePath(['the-last-keeper-of-gull-rock'])).toEqual({
      kind: 'redirect',
      path: '/2024/03/05/the-last-keeper-of-gull-rock/',
    });
    // Pages are asked too: a page at exactly this path would win over the misplaced post.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(requested(1).url.searchParams.get('rest_route')).toBe('/wp/v2/pages');
  });

  it('falls through to pages when no post has the slug', async () => {
    answer({ posts: [], pages: [pageFixture] });
    const resolved = await resolvePath(['about', 'masthead']);
    expect(resolved.kind).toBe('post');
    if (resolved.kind !== 'post') return;
    expect(resolved.post.type).toBe('page');
    expect(resolved.post.path).toBe('/about/masthead/');
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(requested(0).url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    const { url, init } = requested(1);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/pages');
    expect(url.searchParams.get('slug')).toBe('masthead');
    expect(init.next?.tags).toEqual(['wp:slug:page:masthead']);
  });

  it('redirects a page requested without its parent', async () => {
    answer({ posts: [], pages: [pageFixture] });
    expect(await resolvePath(['masthead'])).toEqual({ kind: 'redirect', path: '/about/masthead/' });
  });

  it('is not-found when neither posts nor pages have the slug', async () => {
    answer({ posts: [], pages: [] });
    expect(await resolvePath(['no-such-story'])).toEqual({ kind: 'not-found' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('looks up a percent-encoded slug decoded', async () => {
    answer({ posts: [] });
    await resolvePath(['caf%C3%A9-au-phare']);
    expect(requested(0).url.searchParams.get('slug')).toBe('café-au-phare');
  });

  it.each([[['..']], [['a%2Fb']], [['%E0%A4%A']], [[]], [['about', '.']], [['a%00b']]])(
    'is not-found for %j without asking WordPress',
    async (segments) => {
      answer({ posts: [postFixture], pages: [pageFixture] });
      expect(await resolvePath(segments)).toEqual({ kind: 'not-found' });
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  it('prefers a page at the exact path over a post with the same slug elsewhere', async () => {
    const post = {
      ...postFixture,
      id: 399,
      slug: 'masthead',
      link: 'http://wp.example.test/2023/12/01/masthead/',
      title: { rendered: 'Notes on Our New Masthead' },
    };
    answer({ posts: [post], pages: [pageFixture] });
    const resolved = await resolvePath(['about', 'masthead']);
    expect(resolved.kind).toBe('post');
    if (resolved.kind !== 'post') return;
    expect(resolved.post.id).toBe(57);
    expect(resolved.post.path).toBe('/about/masthead/');
  });
});

const HOME = { kind: 'home' } as const;

describe('listPosts', () => {
  it.each([0, -1, 1.5, Number.NaN, 10_001])('returns null for page %d without fetching', async (page) => {
    expect(await listPosts(HOME, page)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it.each([
    ['the Site Address is WORDPRESS_URL', WORDPRESS_URL_ONLY],
    [
      'the Site Address is on another origin',
      {
        home: 'https://www.example.org',
        wordpressAddress: 'https://cms.example.org',
        wordpressUrl: 'http://wp.example.test',
      },
    ],
    ['the Site Address is in a sub-folder of another origin', SUB_FOLDER_OF_PUBLIC_ORIGIN],
    [
      'the Site Address is SITE_URL',
      {
        home: 'http://localhost:3000',
        wordpressAddress: 'http://wp.example.test',
        wordpressUrl: 'http://wp.example.test',
      },
    ],
  ])('gives every story of a list its frontend path when %s', async (_label, addresses: SiteAddresses) => {
    vi.mocked(getSiteAddresses).mockResolvedValue(addresses);
    fetchMock.mockImplementation(async () => json(linkedFrom(postsFixture, addresses.home)));
    const result = await listPosts(HOME, 1);
    expect(result?.items.map((item) => item.path)).toEqual([
      '/2024/04/02/salt-roads/',
      '/2024/03/20/letters-to-the-editor-spring/',
      '/2024/03/05/the-last-keeper-of-gull-rock/',
    ]);
  });

  it('lists a page of summaries with the totals WordPress reports', async () => {
    fetchMock.mockImplementation(async () =>
      json(postsFixture, 200, { 'X-WP-Total': '23', 'X-WP-TotalPages': '3' }),
    );
    const result = await listPosts(HOME, 2);
    expect(result).not.toBeNull();
    expect(result?.page).toBe(2);
    expect(result?.totalItems).toBe(23);
    expect(result?.totalPages).toBe(3);
    expect(result?.items.map((item) => item.path)).toEqual([
      '/2024/04/02/salt-roads/',
      '/2024/03/20/letters-to-the-editor-spring/',
      '/2024/03/05/the-last-keeper-of-gull-rock/',
    ]);
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('per_page')).toBe('10');
    expect(url.searchParams.get('_fields')?.split(',')).toEqual(
      expect.arrayContaining(['id', 'link', '_embedded']),
    );
    expect(url.searchParams.get('sticky')).toBe('false');
    expect(init.next).toEqual({ revalidate: 900, tags: ['wp:list:home'] });
  });

  it('asks for as many posts as Settings → Reading says, for every list and the sticky posts', async () => {
    vi.mocked(getSiteSettings).mockResolvedValue({
      ...DEFAULT_SITE_SETTINGS,
      reading: { ...DEFAULT_SITE_SETTINGS.reading, postsPerPage: 4 },
    });
    fetchMock.mockImplementation(async () => json(postsFixture));
    await listPosts(HOME, 2);
    await listPosts({ kind: 'author', id: 3 }, 1);
    await listStickyPosts();
    const perPage = fetchMock.mock.calls.map((_, call) => requested(call).url.searchParams.get('per_page'));
    expect(perPage).toEqual(['4', '4', '4', '4', '4', '4']);
  });

  it('tags a list with the content of every post it shows: the same request again, under their tags too', async () => {
    fetchMock.mockImplementation(async () => json(postsFixture));
    await listPosts({ kind: 'term', taxonomy: 'category', id: 7 }, 2);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const [first, second] = [requested(0), requested(1)];
    // The same URL and headers: Next's data cache keys fetches by them, not by their tags.
    expect(second.url.href).toBe(first.url.href);
    expect(second.init.headers).toEqual(first.init.headers);
    expect(first.init.next).toEqual({ revalidate: 900, tags: ['wp:list:term:category:7'] });
    expect(second.init.next).toEqual({
      revalidate: 900,
      tags: ['wp:list:term:category:7', 'wp:content:431', 'wp:content:425', 'wp:content:412'],
    });
  });

  it('tags the sticky posts with their content too', async () => {
    fetchMock.mockImplementation(async () => json(postsFixture.slice(0, 2)));
    await listStickyPosts();
    expect(requested(0).init.next?.tags).toEqual(['wp:list:sticky']);
    expect(requested(1).init.next?.tags).toEqual(['wp:list:sticky', 'wp:content:431', 'wp:content:425']);
  });

  it('asks once for a list that shows nothing', async () => {
    fetchMock.mockImplementation(async () => json([]));
    expect(await listStickyPosts()).toEqual([]);
    expect(await listPosts({ kind: 'author', id: 3 }, 1)).toMatchObject({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('shows an edit that keeps a post where it is listed on the list pages that show it, and only there', async () => {
    // Next's data cache as these reads meet it (node_modules/next/dist/server/lib/incremental-cache):
    // entries keyed by URL and headers, and an entry stale when a tag of the fetch asking for it
    // was revalidated after the entry was stored.
    const stored = new Map<string, { body: string; at: number }>();
    const revalidatedAt = new Map<string, number>();
    let clock = 0;
    let title = 'Salt Roads & the Winter Ferries';
    const wordpress: string[] = [];
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      const tags = (init as FetchInit).next?.tags ?? [];
      const entry = stored.get(url);
      if (entry && !tags.some((tag) => (revalidatedAt.get(tag) ?? -1) > entry.at))
        return json(JSON.parse(entry.body));
      const page = new URL(url).searchParams.get('page') ?? '';
      wordpress.push(page);
      const [first, ...rest] = postsFixture;
      // Page 1 shows post 431, page 7 two older posts.
      const posts =
        page === '1'
          ? [{ ...first, title: { rendered: title } }, ...rest]
          : rest.map((post, index) => ({ ...post, id: 100 + index }));
      const body = JSON.stringify(posts);
      stored.set(url, { body, at: ++clock });
      return json(JSON.parse(body));
    });
    const category = { kind: 'term', taxonomy: 'category', id: 7 } as const;
    const titles = async (page: number) => (await listPosts(category, page))?.items.map((post) => post.title);
    await titles(1);
    await titles(7);
    expect(wordpress).toEqual(['1', '7']);

    // Post 431 is edited where it is listed: the webhook leaves the category's list tag alone.
    title = 'Salt Roads, Revised';
    const tags = tagsForEvent({
      id: 'evt-edit-431',
      type: 'post',
      action: 'updated',
      object: { id: 431, post_type: 'post', terms: { category: [7] }, lists_unchanged: true },
    });
    expect(tags).not.toContain('wp:list:term:category:7');
    for (const tag of tags) revalidatedAt.set(tag, ++clock);

    // The page that shows it asks WordPress once and shows the new title; page 7 does not ask.
    wordpress.length = 0;
    expect((await titles(1))?.[0]).toBe('Salt Roads, Revised');
    await titles(7);
    expect(wordpress).toEqual(['1']);
    // Read again, both are cache hits.
    wordpress.length = 0;
    expect((await titles(1))?.[0]).toBe('Salt Roads, Revised');
    await titles(7);
    expect(wordpress).toEqual([]);
  });

  it('falls back to the item count and one page when the headers are missing', async () => {
    fetchMock.mockImplementation(async () => json(postsFixture));
    const result = await listPosts(HOME, 1);
    expect(result?.totalItems).toBe(3);
    expect(result?.totalPages).toBe(1);
  });

  it("maps WordPress's 400 rest_post_invalid_page_number to null", async () => {
    fetchMock.mockResolvedValueOnce(json(errorFixture, 400));
    expect(await listPosts(HOME, 9)).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('rethrows any other refusal', async () => {
    fetchMock.mockResolvedValueOnce(
      json(
        { code: 'rest_invalid_param', message: 'Invalid parameter(s): per_page', data: { status: 400 } },
        400,
      ),
    );
    await expect(listPosts(HOME, 3)).rejects.toBeInstanceOf(WordPressRequestRejectedError);
  });

  it('bounds a date archive by the whole month, inclusively, and tags it by month', async () => {
    fetchMock.mockImplementation(async () => json(postsFixture));
    await listPosts({ kind: 'date', year: 2024, month: 2 }, 1);
    const { url, init } = requested(0);
    expect(url.searchParams.get('after')).toBe('2024-01-31T23:59:59');
    expect(url.searchParams.get('before')).toBe('2024-03-01T00:00:00');
    expect(init.next?.tags).toEqual(['wp:list:date:2024-02']);
  });

  it('filters by category, tag and author with their own tags', async () => {
    for (const [query, param, tag] of [
      [{ kind: 'term', taxonomy: 'category', id: 7 }, 'categories[terms]', 'wp:list:term:category:7'],
      [{ kind: 'term', taxonomy: 'post_tag', id: 8 }, 'tags', 'wp:list:term:post_tag:8'],
      [{ kind: 'author', id: 9 }, 'author', 'wp:list:author:9'],
    ] as const) {
      fetchMock.mockReset();
      fetchMock.mockImplementation(async () => json(postsFixture));
      await listPosts(query, 1);
      const { url, init } = requested(0);
      expect(url.searchParams.get(param)).toBe(String(query.id));
      expect(init.next?.tags).toEqual([tag]);
    }
  });

  it('lists a category with its child categories’ posts, as WordPress’s own archive does', async () => {
    fetchMock.mockImplementation(async () => json(postsFixture));
    await listPosts({ kind: 'term', taxonomy: 'category', id: 7 }, 1);
    expect(requested(0).url.searchParams.get('categories[include_children]')).toBe('true');
  });

  it('searches pages too, as WordPress’s search does: one request per searchable type, merged', async () => {
    const page = { ...pageFixture, date: '2030-01-01T00:00:00', date_gmt: '2030-01-01T00:00:00' };
    answer({ posts: postsFixture, pages: [page] });
    const result = await listPosts({ kind: 'search', term: 'keeper' }, 1);
    expect(result?.items[0]?.id).toBe(pageFixture.id);
    expect(result?.items).toHaveLength(postsFixture.length + 1);
    // Each type is asked under the list's tag, then (the same request) under its posts' too.
    const routes = fetchMock.mock.calls.map((_, call) => requested(call).url.searchParams.get('rest_route'));
    expect(routes.slice(0, 2).sort()).toEqual(['/wp/v2/pages', '/wp/v2/posts']);
    expect(routes.slice(2).sort()).toEqual(['/wp/v2/pages', '/wp/v2/posts']);
    for (const call of [0, 1, 2, 3]) {
      expect(requested(call).url.searchParams.get('search')).toBe('keeper');
      expect(requested(call).init.next?.tags?.[0]).toBe('wp:list:search');
    }
    expect(requested(0).init.next?.tags).toEqual(['wp:list:search']);
    expect(requested(1).init.next?.tags).toEqual(['wp:list:search']);
  });

  it('refuses an empty or overlong search without asking WordPress', async () => {
    expect(await listPosts({ kind: 'search', term: '   ' }, 1)).toBeNull();
    expect(await listPosts({ kind: 'search', term: 'x'.repeat(201) }, 1)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('getProtectedPost', () => {
  it('sends the password in the request body, never in the URL (access logs)', async () => {
    fetchMock.mockResolvedValueOnce(json(postFixture));
    const post = await getProtectedPost({ type: 'page', id: 7 }, 'lantern');
    expect(post?.id).toBe(postFixture.id);
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/pages/7');
    expect(url.toString()).not.toContain('lantern');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-HTTP-Method-Override')).toBe('GET');
    expect(JSON.parse(String(init.body))).toEqual({ password: 'lantern' });
  });
});

describe('getContentStylesSource', () => {
  it('reads only the content and its block-supports CSS, by id, cached under the item tag', async () => {
    fetchMock.mockResolvedValueOnce(
      json({
        content: { rendered: '<p class="has-large-font-size">Hi</p>', protected: false },
        broadsheet_block_styles: '.x{}',
      }),
    );
    expect(await getContentStylesSource({ type: 'page', id: 7 })).toEqual({
      contentHtml: '<p class="has-large-font-size">Hi</p>',
      blockStylesCss: '.x{}',
    });
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/pages/7');
    expect(url.searchParams.get('_fields')).toBe('content,broadsheet_block_styles,broadsheet_blocks');
    expect(init.next?.tags).toEqual(['wp:content:7']);
  });

  it('gives nothing for a protected item, a missing one, one WordPress refuses or an unknown type', async () => {
    fetchMock.mockResolvedValueOnce(json({ content: { rendered: '', protected: true } }));
    expect(await getContentStylesSource({ type: 'post', id: 7 })).toBeNull();
    fetchMock.mockResolvedValueOnce(
      json({ code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } }, 404),
    );
    expect(await getContentStylesSource({ type: 'post', id: 8 })).toBeNull();
    fetchMock.mockResolvedValueOnce(
      json({ code: 'rest_forbidden', message: 'Sorry.', data: { status: 401 } }, 401),
    );
    expect(await getContentStylesSource({ type: 'post', id: 9 })).toBeNull();
    expect(await getContentStylesSource({ type: 'no-such-type', id: 9 })).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('throws when WordPress fails, so no answer is made of nothing', async () => {
    fetchMock.mockResolvedValue(new Response('down', { status: 503 }));
    await expect(getContentStylesSource({ type: 'post', id: 7 })).rejects.toThrow();
  });
});

describe('getSiteInfo', () => {
  it('reads the REST index with only the fields it needs', async () => {
    fetchMock.mockResolvedValueOnce(json(indexFixture));
    expect(await getSiteInfo()).toEqual({
      name: 'The Lantern Quarterly',
      description: 'Dispatches from the edges of the map & the people who keep them lit',
      addresses: singleAddress('http://wp.example.test'),
      ...DEFAULT_SITE_SETTINGS,
      timezone: 'America/New_York',
      language: 'en-US',
      // The recorded index lists Yoast's REST namespace.
      hasYoast: true,
    });
    const { url, init } = requested(0);
    expect(url.searchParams.get('rest_route')).toBe('/');
    expect(url.searchParams.get('_fields')).toBe(
      'name,description,url,home,gmt_offset,timezone_string,broadsheet_language,broadsheet_comments,broadsheet_global_styles,namespaces,' +
        'site_icon_url,broadsheet_reading,broadsheet_formats,broadsheet_site_icon,broadsheet_permalinks',
    );
    expect(init.next).toEqual({ revalidate: 900, tags: ['wp:site'] });
  });

  it('reads the global stylesheet the companion plugin adds to the index, under the site tag', async () => {
    const css = '.has-vivid-red-color{color:var(--wp--preset--color--vivid-red) !important;}';
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, broadsheet_global_styles: css }));
    expect((await getSiteInfo()).globalStylesheet).toBe(css);
  });

  it('tells the Site Address, the WordPress Address and WORDPRESS_URL apart', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ ...indexFixture, home: 'https://example.org/en/', url: 'https://cms.example.org/wp' }),
    );
    expect((await getSiteInfo()).addresses).toEqual({
      home: 'https://example.org/en',
      wordpressAddress: 'https://cms.example.org/wp',
      wordpressUrl: 'http://wp.example.test',
    });
  });

  it('takes a WordPress that states no usable address to live at WORDPRESS_URL', async () => {
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, home: 'not a url', url: 'javascript:alert(1)' }));
    expect((await getSiteInfo()).addresses).toEqual(WORDPRESS_URL_ONLY);
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, home: 'https://example.org/en', url: '' }));
    expect((await getSiteInfo()).addresses).toEqual({
      home: 'https://example.org/en',
      wordpressAddress: 'https://example.org/en',
      wordpressUrl: 'http://wp.example.test',
    });
  });

  it('takes the language the companion plugin adds, and refuses anything that is not a language tag', async () => {
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, broadsheet_language: 'de-DE' }));
    expect((await getSiteInfo()).language).toBe('de-DE');
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, broadsheet_language: '"><script>' }));
    expect((await getSiteInfo()).language).toBe('en-US');
  });

  it('takes the UTC offset when WordPress has no named timezone, as Settings → General’s "UTC+5:30"', async () => {
    fetchMock.mockResolvedValueOnce(json({ ...indexFixture, timezone_string: '', gmt_offset: 5.5 }));
    expect((await getSiteInfo()).timezone).toBe('+05:30');
  });

  it('reads Settings → Reading and the date formats the companion plugin adds', async () => {
    fetchMock.mockResolvedValueOnce(
      json({
        ...indexFixture,
        broadsheet_reading: { show_on_front: 'page', page_on_front: 7, page_for_posts: 9, posts_per_page: 4 },
        broadsheet_formats: { date_format: 'j M Y', time_format: 'H:i' },
      }),
    );
    expect(await getSiteInfo()).toMatchObject({
      reading: { frontPageId: 7, postsPageId: 9, postsPerPage: 4, searchEngineVisible: true },
      dateFormat: 'j M Y',
      timeFormat: 'H:i',
    });
  });
});

describe('a custom taxonomy shared by two post types', () => {
  const restType = (slug: string, restBase: string) => ({
    slug,
    name: slug,
    rest_base: restBase,
    rest_namespace: 'wp/v2',
    viewable: true,
    taxonomies: ['topic'],
  });
  const sharedKinds = buildKinds(
    { post: restType('post', 'posts'), event: restType('event', 'events'), talk: restType('talk', 'talks') },
    {
      topic: { slug: 'topic', name: 'Topics', rest_base: 'topics', types: ['event', 'talk'], viewable: true },
    },
    singleAddress('http://wp.example.test'),
  );
  const item = (id: number, type: string, dateGmt: string) => ({
    ...postFixture,
    id,
    type,
    slug: `${type}-${id}`,
    link: `http://wp.example.test/${type}s/${type}-${id}/`,
    date: dateGmt,
    date_gmt: dateGmt,
  });

  beforeEach(() => {
    vi.mocked(getKinds).mockResolvedValue(sharedKinds);
    fetchMock.mockImplementation(async (input) => {
      const route = new URL(String(input)).searchParams.get('rest_route');
      if (route === '/wp/v2/events')
        return json([item(1, 'event', '2024-05-01T10:00:00'), item(3, 'event', '2024-01-01T10:00:00')], 200, {
          'X-WP-Total': '2',
        });
      if (route === '/wp/v2/talks')
        return json([item(2, 'talk', '2024-03-01T10:00:00')], 200, { 'X-WP-Total': '1' });
      return json([], 200);
    });
  });
  afterEach(() => {
    vi.mocked(getKinds).mockResolvedValue(plainWordPressKinds(buildKinds));
  });

  it('lists the items of both types, newest first, counted together, one request per type', async () => {
    const list = await listPosts({ kind: 'term', taxonomy: 'topic', id: 5 }, 1);
    expect(list?.items.map((post) => post.id)).toEqual([1, 2, 3]);
    expect(list).toMatchObject({ page: 1, totalItems: 3, totalPages: 1 });
    // One request per type, each made again under the content tags of the items it shows.
    expect(fetchMock).toHaveBeenCalledTimes(4);
    for (const call of [0, 1, 2, 3]) {
      const { url } = requested(call);
      expect(url.searchParams.get('topics')).toBe('5');
      expect(url.searchParams.get('per_page')).toBe('10');
    }
    expect(requested(0).init.next?.tags).toEqual(['wp:list:term:topic:5']);
    expect(requested(1).init.next?.tags).toEqual(['wp:list:term:topic:5']);
    const retagged = [2, 3].map((call) => requested(call));
    expect(
      Object.fromEntries(
        retagged.map(({ url, init }) => [url.searchParams.get('rest_route'), init.next?.tags]),
      ),
    ).toEqual({
      '/wp/v2/events': ['wp:list:term:topic:5', 'wp:content:1', 'wp:content:3'],
      '/wp/v2/talks': ['wp:list:term:topic:5', 'wp:content:2'],
    });
  });

  it('tags a later page with the items it shows only, not those of the pages before it', async () => {
    vi.mocked(getSiteSettings).mockResolvedValue({
      ...DEFAULT_SITE_SETTINGS,
      reading: { ...DEFAULT_SITE_SETTINGS.reading, postsPerPage: 2 },
    });
    const list = await listPosts({ kind: 'term', taxonomy: 'topic', id: 5 }, 2);
    expect(list?.items.map((post) => post.id)).toEqual([3]);
    // Page 2 shows event 3 alone: only the events are asked again, under its tag.
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(requested(2).url.searchParams.get('rest_route')).toBe('/wp/v2/events');
    expect(requested(2).init.next?.tags).toEqual(['wp:list:term:topic:5', 'wp:content:3']);
  });

  it('asks each type for everything up to a later page, and ends where that would pass 100', async () => {
    await listPosts({ kind: 'term', taxonomy: 'topic', id: 5 }, 3);
    expect(requested(0).url.searchParams.get('per_page')).toBe('30');
    fetchMock.mockClear();
    expect(await listPosts({ kind: 'term', taxonomy: 'topic', id: 5 }, 11)).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
