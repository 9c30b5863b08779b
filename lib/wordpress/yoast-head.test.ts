import { beforeEach, describe, expect, it, vi } from 'vitest';
import indexFixture from './fixtures/index.json';
import { getListingYoastHead } from './yoast-head';

vi.mock('./kinds', async (importOriginal) =>
  (await import('./kinds.test-helpers')).withFixedKinds(await importOriginal()),
);

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
vi.stubEnv('WORDPRESS_PREVIEW_USER', '');
vi.stubEnv('WORDPRESS_APPLICATION_PASSWORD', '');
// Failing requests are retried until the deadline; a short one keeps the failure test quick.
vi.stubEnv('WORDPRESS_TIMEOUT_MS', '1500');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

type FetchInit = RequestInit & { next?: { tags?: string[] } };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const pageTwoHead = { title: 'Bridges Archives - Page 2 of 3 - The Lantern Quarterly' };

/** Answers the REST index (with or without Yoast's namespace) and Yoast's get_head. */
function answer(options: { yoastActive: boolean; getHead: () => Response }) {
  fetchMock.mockImplementation(async (input) => {
    const route = new URL(String(input)).searchParams.get('rest_route');
    if (route === '/') {
      return json({
        ...indexFixture,
        namespaces: options.yoastActive ? ['oembed/1.0', 'yoast/v1', 'wp/v2'] : ['oembed/1.0', 'wp/v2'],
      });
    }
    if (route === '/yoast/v1/get_head') return options.getHead();
    return json({ code: 'rest_no_route', message: 'No route', data: { status: 404 } }, 404);
  });
}

function getHeadCall() {
  const call = fetchMock.mock.calls.find(
    ([input]) => new URL(String(input)).searchParams.get('rest_route') === '/yoast/v1/get_head',
  );
  if (!call) return null;
  return { url: new URL(String(call[0])), init: call[1] as FetchInit };
}

beforeEach(() => {
  fetchMock.mockReset();
});

describe('getListingYoastHead', () => {
  it('uses the head a term carries for its first page, without another request', async () => {
    answer({ yoastActive: true, getHead: () => json({ json: pageTwoHead }) });
    const firstPageHead = { title: 'Bridges Archives - The Lantern Quarterly' };
    const head = await getListingYoastHead({
      path: '/category/cities/bridges/',
      page: 1,
      firstPageHead,
      list: { kind: 'term', taxonomy: 'category', id: 7 },
    });
    expect(head).toBe(firstPageHead);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks get_head for a later page by its WordPress URL, cached under the list’s tag', async () => {
    answer({ yoastActive: true, getHead: () => json({ html: '', json: pageTwoHead, status: 200 }) });
    const head = await getListingYoastHead({
      path: '/category/cities/bridges/',
      page: 2,
      firstPageHead: { title: 'Bridges Archives - The Lantern Quarterly' },
      list: { kind: 'term', taxonomy: 'category', id: 7 },
    });
    expect(head).toEqual(pageTwoHead);
    const call = getHeadCall();
    expect(call?.url.searchParams.get('url')).toBe('http://wp.example.test/category/cities/bridges/page/2/');
    expect(call?.init.next?.tags).toEqual(['wp:list:term:category:7:head']);
  });

  it('asks nothing for an archive Yoast does not describe', async () => {
    answer({ yoastActive: true, getHead: () => json({ json: pageTwoHead }) });
    const head = await getListingYoastHead({
      path: '/tag/maps/',
      page: 3,
      firstPageHead: null,
      list: { kind: 'term', taxonomy: 'post_tag', id: 4 },
    });
    expect(head).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('describes the home page through get_head only when WordPress runs Yoast', async () => {
    answer({ yoastActive: true, getHead: () => json({ json: { title: 'The Lantern Quarterly' } }) });
    expect(await getListingYoastHead({ path: '/', page: 1, list: { kind: 'home' } })).toEqual({
      title: 'The Lantern Quarterly',
    });
    const call = getHeadCall();
    expect(call?.url.searchParams.get('url')).toBe('http://wp.example.test/');
    expect(call?.init.next?.tags).toEqual(['wp:list:home:head', 'wp:site']);

    fetchMock.mockReset();
    answer({ yoastActive: false, getHead: () => json({ json: { title: 'unused' } }) });
    expect(await getListingYoastHead({ path: '/', page: 2, list: { kind: 'home' } })).toBeNull();
    expect(getHeadCall()).toBeNull();
  });

  it('gives null when Yoast does not know the URL, and throws when WordPress is failing', async () => {
    answer({
      yoastActive: true,
      getHead: () => json({ html: '', json: null, status: 404 }, 404),
    });
    const query = {
      path: '/author/mholt/',
      page: 2,
      firstPageHead: { title: 'Maren Holt' },
      list: { kind: 'author', id: 2 },
    } as const;
    expect(await getListingYoastHead(query)).toBeNull();

    fetchMock.mockReset();
    answer({ yoastActive: true, getHead: () => json({ code: 'internal_server_error' }, 500) });
    await expect(getListingYoastHead(query)).rejects.toThrow();
  });
});
