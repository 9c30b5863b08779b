import { describe, it, expect, vi } from 'vitest';
import { z } from 'zod';
import {
  WordPressError,
  WordPressInvalidResponseError,
  WordPressNotFoundError,
  WordPressRequestRejectedError,
  WordPressUnavailableError,
} from './errors';
import errorFixture from './fixtures/error-invalid-page-number.json';
import indexFixture from './fixtures/index.json';
import postFixture from './fixtures/post.json';
import postsFixture from './fixtures/posts.json';
import { rawPostListSchema, rawPostSchema, rawSiteSchema } from './schemas';
import { buildRestUrl, createTransport, type CachePolicy } from './transport';

const BASE = 'http://wp.example.test';
const PUBLISHED: CachePolicy = { tags: ['wp:post-lists'], revalidateSeconds: 600 };

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
  });
}

/** A transport over a fake fetch, with a sleep that only records the delays it was asked for. */
function setup(options: { timeoutMs?: number; maxAttempts?: number; baseUrl?: string } = {}) {
  const fetchMock = vi.fn<typeof fetch>();
  const delays: number[] = [];
  const log = vi.fn<(message: string) => void>();
  const request = createTransport({
    baseUrl: options.baseUrl ?? BASE,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttempts: options.maxAttempts,
    fetch: fetchMock,
    sleep: async (ms) => {
      delays.push(ms);
    },
    log,
  });
  return { request, fetchMock, delays, log };
}

function calledUrl(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, call = 0): URL {
  const input = fetchMock.mock.calls[call]?.[0];
  if (typeof input !== 'string') throw new Error(`fetch call ${call} had no string URL`);
  return new URL(input);
}

function calledInit(fetchMock: ReturnType<typeof vi.fn<typeof fetch>>, call = 0): FetchInit {
  const init = fetchMock.mock.calls[call]?.[1];
  if (!init) throw new Error(`fetch call ${call} had no init`);
  return init;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

const listRequest = { route: '/wp/v2/posts', schema: rawPostListSchema, cache: PUBLISHED } as const;

describe('buildRestUrl', () => {
  it('puts the route in ?rest_route= and adds params', () => {
    const url = new URL(buildRestUrl(BASE, '/wp/v2/posts', { page: 2, per_page: 10, sticky: false }));
    expect(url.origin + url.pathname).toBe('http://wp.example.test/');
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('per_page')).toBe('10');
    expect(url.searchParams.get('sticky')).toBe('false');
  });

  it('joins arrays with commas and drops undefined params', () => {
    const url = new URL(
      buildRestUrl(BASE, '/wp/v2/posts', {
        _fields: ['id', 'title', 'link'],
        include: [3, 5],
        search: undefined,
      }),
    );
    expect(url.searchParams.get('_fields')).toBe('id,title,link');
    expect(url.searchParams.get('include')).toBe('3,5');
    expect(url.searchParams.has('search')).toBe(false);
  });

  it('keeps a sub-folder install', () => {
    const url = new URL(buildRestUrl('http://wp.example.test/blog', '/'));
    expect(url.pathname).toBe('/blog/');
    expect(url.searchParams.get('rest_route')).toBe('/');
  });
});

describe('createTransport success', () => {
  it('requests the ?rest_route= URL and returns validated data', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    const response = await request({
      ...listRequest,
      params: { page: 1, _embed: 'author,wp:featuredmedia', _fields: ['id', 'link'], slug: undefined },
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const url = calledUrl(fetchMock);
    expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(url.searchParams.get('_embed')).toBe('author,wp:featuredmedia');
    expect(url.searchParams.get('_fields')).toBe('id,link');
    expect(url.searchParams.has('slug')).toBe(false);
    expect(response.data.map((post) => post.id)).toEqual([431, 425, 412]);
    expect(calledInit(fetchMock).method).toBe('GET');
  });

  it('validates the REST index, coercing the string gmt_offset', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(indexFixture));
    const response = await request({
      route: '/',
      schema: rawSiteSchema,
      cache: { tags: ['wp:site'], revalidateSeconds: 60 },
    });
    expect(calledUrl(fetchMock).searchParams.get('rest_route')).toBe('/');
    expect(response.data).toEqual({
      name: 'The Lantern Quarterly',
      description: 'Dispatches from the edges of the map &amp; the people who keep them lit',
      url: 'http://wp.example.test',
      home: 'http://wp.example.test',
      gmt_offset: -4,
      timezone_string: 'America/New_York',
      namespaces: indexFixture.namespaces,
    });
  });

  it('parses X-WP-Total and X-WP-TotalPages', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture, 200, { 'X-WP-Total': '23', 'X-WP-TotalPages': '3' }));
    const response = await request(listRequest);
    expect(response.total).toBe(23);
    expect(response.totalPages).toBe(3);
  });

  it('gives null totals when the headers are absent', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postFixture));
    const response = await request({ route: '/wp/v2/posts/412', schema: rawPostSchema, cache: PUBLISHED });
    expect(response.total).toBeNull();
    expect(response.totalPages).toBeNull();
  });

  it.each(['abc', '12abc', '-1', '1.5', ' '])(
    'gives null totals for the garbage header %j',
    async (garbage) => {
      const { request, fetchMock } = setup();
      fetchMock.mockResolvedValueOnce(
        json(postsFixture, 200, { 'X-WP-Total': garbage, 'X-WP-TotalPages': garbage }),
      );
      const response = await request(listRequest);
      expect(response.total).toBeNull();
      expect(response.totalPages).toBeNull();
    },
  );
});

describe('createTransport cache policy', () => {
  it('passes next.revalidate and next.tags for published content', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request(listRequest);
    const init = calledInit(fetchMock);
    expect(init.next).toEqual({ revalidate: 600, tags: ['wp:post-lists'] });
    expect(init.cache).toBeUndefined();
    expect(new Headers(init.headers).get('Authorization')).toBeNull();
  });

  it("passes cache: 'no-store' and no next options for 'no-store'", async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request({ ...listRequest, cache: 'no-store' });
    const init = calledInit(fetchMock);
    expect(init.cache).toBe('no-store');
    expect(init.next).toBeUndefined();
  });

  it('adds a Basic Authorization header for credentials and forces no-store', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request({ ...listRequest, credentials: { user: 'editor', applicationPassword: 'abcd efgh ijkl' } });
    const init = calledInit(fetchMock);
    const headers = new Headers(init.headers);
    expect(headers.get('Authorization')).toBe(`Basic ${btoa('editor:abcd efgh ijkl')}`);
    expect(headers.get('Accept')).toBe('application/json');
    expect(init.cache).toBe('no-store');
    expect(init.next).toBeUndefined();
  });

  it('sends private parameters in a POST body that WordPress serves as a GET, never in the URL', async () => {
    const { request, fetchMock } = setup();
    fetchMock
      .mockResolvedValueOnce(new Response('busy', { status: 503 }))
      .mockResolvedValueOnce(json(postFixture));
    await request({
      route: '/wp/v2/posts/12',
      params: { _embed: 'author' },
      privateParams: { password: 'lantern' },
      schema: rawPostSchema,
      cache: PUBLISHED,
    });
    // Still a read: retried after the 503, and never cached.
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const url = calledUrl(fetchMock, 1);
    expect(url.toString()).not.toContain('lantern');
    expect(url.searchParams.get('_embed')).toBe('author');
    const init = calledInit(fetchMock, 1);
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('X-HTTP-Method-Override')).toBe('GET');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ password: 'lantern' });
    expect(init.cache).toBe('no-store');
    expect(init.next).toBeUndefined();
  });

  it('signs a write over the exact body it sends', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postFixture, 201));
    const signBody = vi.fn((body: string) => ({ 'X-Signed-Length': String(body.length) }));
    await request({
      route: '/wp/v2/comments',
      schema: rawPostSchema,
      cache: 'no-store',
      postJson: { post: 7, content: 'Hello' },
      signBody,
    });
    const init = calledInit(fetchMock);
    expect(signBody).toHaveBeenCalledWith(init.body);
    expect(new Headers(init.headers).get('X-Signed-Length')).toBe(String(String(init.body).length));
  });

  it('gives every attempt an abort signal', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request(listRequest);
    expect(calledInit(fetchMock).signal).toBeInstanceOf(AbortSignal);
  });
});

describe('createTransport retries', () => {
  it('retries a network error and succeeds on a later attempt', async () => {
    const { request, fetchMock, delays } = setup();
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed')).mockResolvedValueOnce(json(postsFixture));
    const response = await request(listRequest);
    expect(response.data).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(delays).toEqual([200]);
  });

  it('gives up after maxAttempts network errors with WordPressUnavailableError and the cause', async () => {
    const { request, fetchMock, delays, log } = setup();
    const networkError = new TypeError('fetch failed');
    fetchMock.mockRejectedValue(networkError);
    const error = await rejection(request(listRequest));
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(WordPressUnavailableError);
    expect(error).toBeInstanceOf(WordPressError);
    expect(error).toBeInstanceOf(Error);
    if (!(error instanceof WordPressUnavailableError)) return;
    expect(error.status).toBeNull();
    expect(error.cause).toBe(networkError);
    expect(error.endpoint).toBe('/wp/v2/posts');
    expect(error.message).toContain('/wp/v2/posts');
    expect(error.message).toContain('fetch failed');
    expect(delays).toEqual([200, 400]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/^\/wp\/v2\/posts unavailable: .*fetch failed/);
  });

  it('counts the socket deadline firing as the deadline passing: no retry, a timeout message', async () => {
    const { request, fetchMock } = setup({ timeoutMs: 8000 });
    fetchMock.mockRejectedValue(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
      }),
    );
    const error = await rejection(request(listRequest));
    expect(error).toBeInstanceOf(WordPressUnavailableError);
    if (!(error instanceof Error)) return;
    expect(error.message).toBe('WordPress did not answer /wp/v2/posts within 8000 ms');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('names the network error behind "fetch failed"', async () => {
    const { request, fetchMock } = setup({ maxAttempts: 1 });
    fetchMock.mockRejectedValue(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      }),
    );
    const error = await rejection(request(listRequest));
    expect(error).toBeInstanceOf(WordPressUnavailableError);
    if (!(error instanceof Error)) return;
    expect(error.message).toContain('fetch failed (ECONNRESET)');
  });

  it.each([500, 502, 503, 504])(
    'retries HTTP %i up to maxAttempts, then reports the status',
    async (status) => {
      const { request, fetchMock, delays } = setup();
      fetchMock.mockImplementation(async () => new Response('<h1>Error</h1>', { status }));
      const error = await rejection(request(listRequest));
      expect(fetchMock).toHaveBeenCalledTimes(3);
      expect(error).toBeInstanceOf(WordPressUnavailableError);
      if (!(error instanceof WordPressUnavailableError)) return;
      expect(error.status).toBe(status);
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain('/wp/v2/posts');
      expect(delays).toEqual([200, 400]);
    },
  );

  it('recovers when a 503 is followed by a 200', async () => {
    const { request, fetchMock } = setup();
    fetchMock
      .mockResolvedValueOnce(new Response('busy', { status: 503 }))
      .mockResolvedValueOnce(json(postsFixture, 200, { 'X-WP-Total': '3' }));
    const response = await request(listRequest);
    expect(response.total).toBe(3);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('backs off with growing delays and honours maxAttempts', async () => {
    const { request, fetchMock, delays } = setup({ maxAttempts: 5 });
    fetchMock.mockImplementation(async () => new Response('', { status: 502 }));
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressUnavailableError);
    expect(fetchMock).toHaveBeenCalledTimes(5);
    expect(delays).toHaveLength(4);
    for (let index = 1; index < delays.length; index++) {
      expect(delays[index]).toBeGreaterThan(delays[index - 1] ?? Infinity);
    }
  });

  it('makes a single attempt when maxAttempts is 1', async () => {
    const { request, fetchMock, delays } = setup({ maxAttempts: 1 });
    fetchMock.mockImplementation(async () => new Response('', { status: 500 }));
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressUnavailableError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
  });
});

describe('createTransport refusals', () => {
  it('does not retry a 404 and throws WordPressNotFoundError', async () => {
    const { request, fetchMock, delays } = setup();
    fetchMock.mockImplementation(async () =>
      json({ code: 'rest_no_route', message: 'No route was found.', data: { status: 404 } }, 404),
    );
    const error = await rejection(
      request({ route: '/wp/v2/nothing', schema: rawPostSchema, cache: PUBLISHED }),
    );
    expect(error).toBeInstanceOf(WordPressNotFoundError);
    expect(error).toBeInstanceOf(Error);
    if (!(error instanceof WordPressNotFoundError)) return;
    expect(error.endpoint).toBe('/wp/v2/nothing');
    expect(error.message).toContain('/wp/v2/nothing');
    expect(error.message).toContain('rest_no_route');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
  });

  it.each([
    [400, errorFixture],
    [401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.', data: { status: 401 } }],
    [
      403,
      { code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.', data: { status: 403 } },
    ],
  ])('does not retry HTTP %i and reports the status and WordPress error code', async (status, body) => {
    const { request, fetchMock, delays } = setup();
    fetchMock.mockImplementation(async () => json(body, status));
    const error = await rejection(request(listRequest));
    expect(error).toBeInstanceOf(WordPressRequestRejectedError);
    expect(error).toBeInstanceOf(Error);
    if (!(error instanceof WordPressRequestRejectedError)) return;
    expect(error.status).toBe(status);
    expect(error.code).toBe(body.code);
    expect(error.endpoint).toBe('/wp/v2/posts');
    expect(error.message).toContain(`HTTP ${status}`);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(delays).toEqual([]);
  });

  it('reports a null code when a refusal body is not JSON', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(new Response('<html>Forbidden</html>', { status: 403 }));
    const error = await rejection(request(listRequest));
    expect(error).toBeInstanceOf(WordPressRequestRejectedError);
    if (!(error instanceof WordPressRequestRejectedError)) return;
    expect(error.code).toBeNull();
    expect(error.status).toBe(403);
  });
});

describe('createTransport timeout', () => {
  it('gives up within the timeout when fetch never answers', async () => {
    const { request, fetchMock } = setup({ timeoutMs: 150 });
    fetchMock.mockImplementation(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal;
          if (!signal) return; // Without a signal this hangs and the test times out: a failure.
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    );
    const started = Date.now();
    const error = await rejection(request(listRequest));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(WordPressUnavailableError);
    if (!(error instanceof WordPressUnavailableError)) return;
    expect(error.message).toContain('within 150 ms');
    expect(error.message).toContain('/wp/v2/posts');
    expect(error.status).toBeNull();
    expect(error.cause).toBeInstanceOf(Error);
    expect(elapsed).toBeGreaterThanOrEqual(100);
    expect(elapsed).toBeLessThan(1500);
  });
});

describe('createTransport invalid responses', () => {
  it('rejects a body that is not JSON', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockImplementation(
      async () =>
        new Response('<!DOCTYPE html><p>There has been a critical error on this website.</p>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await rejection(request(listRequest));
    expect(error).toBeInstanceOf(WordPressInvalidResponseError);
    expect(error).toBeInstanceOf(Error);
    if (!(error instanceof WordPressInvalidResponseError)) return;
    expect(error.message).toContain('/wp/v2/posts');
    expect(error.message).toContain('not JSON');
    expect(error.cause).toBeInstanceOf(Error);
    // Once more under a fresh cache key, in case the bad answer came from Next's data cache.
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('rejects the wrong shape, naming the endpoint and the field path', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockImplementation(async () => json({ ...postFixture, title: { raw: 'The Keeper’s Log' } }));
    const error = await rejection(
      request({ route: '/wp/v2/posts/412', schema: rawPostSchema, cache: PUBLISHED }),
    );
    expect(error).toBeInstanceOf(WordPressInvalidResponseError);
    if (!(error instanceof WordPressInvalidResponseError)) return;
    expect(error.endpoint).toBe('/wp/v2/posts/412');
    expect(error.message).toContain('/wp/v2/posts/412');
    expect(error.message).toContain('title.rendered');
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('validates with any schema it is given', async () => {
    const { request, fetchMock } = setup();
    fetchMock.mockResolvedValueOnce(json({ name: 42 }));
    const error = await rejection(
      request({ route: '/', schema: z.object({ name: z.string() }), cache: 'no-store' }),
    );
    expect(error).toBeInstanceOf(WordPressInvalidResponseError);
    if (!(error instanceof WordPressInvalidResponseError)) return;
    expect(error.message).toContain('name');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('never reads a cached answer that failed validation again: the URL gets a new cache key', async () => {
    const { request, fetchMock } = setup();
    const refetchKey = (call: number) =>
      new Headers(calledInit(fetchMock, call).headers).get('X-Broadsheet-Refetch');
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request(listRequest);
    expect(refetchKey(0)).toBeNull();
    // Next's data cache holds the broken answer; the retry under a new key reaches WordPress.
    fetchMock.mockResolvedValueOnce(json({ data: postsFixture })).mockResolvedValueOnce(json(postsFixture));
    expect((await request(listRequest)).data).toHaveLength(3);
    expect(refetchKey(1)).toBeNull();
    const renewed = refetchKey(2);
    expect(renewed).toMatch(/^[0-9a-f-]{36}$/);
    // Later requests keep the new key (and so Next's cache of the good answer).
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request(listRequest);
    expect(refetchKey(3)).toBe(renewed);
    // Another URL is not affected.
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request({ ...listRequest, params: { page: 2 } });
    expect(refetchKey(4)).toBeNull();
  });

  it('while WordPress keeps answering garbage, every failure renews the key, and the error is reported', async () => {
    const { request, fetchMock, log } = setup();
    fetchMock.mockImplementation(async () => json({ data: postsFixture }));
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressInvalidResponseError);
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressInvalidResponseError);
    const keys = fetchMock.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get('X-Broadsheet-Refetch'),
    );
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    expect(log).toHaveBeenCalledTimes(1);
  });
});

describe('createTransport failure log', () => {
  it('logs an endpoint once per episode however many requests fail, then its recovery', async () => {
    const { request, fetchMock, log } = setup({ maxAttempts: 1 });
    fetchMock.mockImplementation(async () => new Response('', { status: 503 }));
    for (let reader = 0; reader < 5; reader++) {
      await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressUnavailableError);
    }
    fetchMock.mockImplementation(
      async () =>
        new Response('<p>Warning</p>{}', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressInvalidResponseError);
    expect(log.mock.calls).toEqual([
      [
        '/wp/v2/posts unavailable: WordPress answered /wp/v2/posts with HTTP 503 ' +
          '(further failures of this endpoint are counted, not logged, until it recovers)',
      ],
    ]);
    fetchMock.mockImplementation(async () => json(postsFixture));
    await request(listRequest);
    await request(listRequest);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenLastCalledWith('/wp/v2/posts recovered after 6 failed requests');
  });

  it('keeps endpoints apart, and counts every post of one endpoint as one', async () => {
    const { request, fetchMock, log } = setup({ maxAttempts: 1 });
    fetchMock.mockImplementation(async () => json({ unexpected: true }));
    await expect(
      request({ route: '/wp/v2/posts/412', schema: rawPostSchema, cache: PUBLISHED }),
    ).rejects.toThrow();
    await expect(
      request({ route: '/wp/v2/posts/9', schema: rawPostSchema, cache: PUBLISHED }),
    ).rejects.toThrow();
    await expect(request({ route: '/', schema: rawSiteSchema, cache: PUBLISHED })).rejects.toThrow();
    expect(log.mock.calls.map(([line]) => line.split(':')[0])).toEqual([
      '/wp/v2/posts/{id} answering invalid data',
      '/ answering invalid data',
    ]);
  });

  it('is not fooled by other URLs answering (from Next’s cache) during the outage', async () => {
    const { request, fetchMock, log } = setup({ maxAttempts: 1 });
    fetchMock.mockResolvedValueOnce(new Response('', { status: 502 }));
    await expect(request(listRequest)).rejects.toThrow();
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request({ ...listRequest, params: { page: 2 } });
    fetchMock.mockResolvedValueOnce(new Response('', { status: 502 }));
    await expect(request(listRequest)).rejects.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValueOnce(json(postsFixture));
    await request(listRequest);
    expect(log).toHaveBeenLastCalledWith('/wp/v2/posts recovered after 2 failed requests');
  });

  it('counts a 404 as an answer: the endpoint has recovered', async () => {
    const { request, fetchMock, log } = setup({ maxAttempts: 1 });
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(request(listRequest)).rejects.toThrow();
    fetchMock.mockResolvedValueOnce(json({ code: 'rest_post_invalid_id' }, 404));
    await expect(request(listRequest)).rejects.toBeInstanceOf(WordPressNotFoundError);
    expect(log).toHaveBeenLastCalledWith('/wp/v2/posts recovered after 1 failed request');
  });
});
