import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ENTRY_TAGS_HEADER,
  exposeEntryTags,
  publicTags,
  purgeTags,
  tagHeaders,
  tagPrefixFrom,
} from './cache-tags.mjs';
import { cacheKeyFor, captureIntoCache, sendEntry } from './fast-path.mjs';
import { PageCache } from './page-cache.mjs';

const ISR_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 's-maxage=3600, stale-while-revalidate=31532400',
  'x-nextjs-cache': 'HIT',
};
const PAGE = `<!DOCTYPE html><html><body>${'<p>The ferry leaves at dawn.</p>'.repeat(100)}</body></html>`;
const NEXT_ENTRY_TAGS =
  '_N_T_/layout,_N_T_/[...path]/page,_N_T_/a-post,wp:site,wp:content:93,wp:slug:post:a-post';

describe('the tags a cache entry carries', () => {
  it('are copied where the server sees them, from the header Next keeps to itself', () => {
    const value = { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': NEXT_ENTRY_TAGS } };
    exposeEntryTags(value);
    expect(value.headers[ENTRY_TAGS_HEADER]).toBe(NEXT_ENTRY_TAGS);
    // Entries without headers or tags (fetch data, redirects) are left alone.
    const fetchEntry = { kind: 'FETCH', data: {} };
    exposeEntryTags(fetchEntry);
    exposeEntryTags(null);
    expect(fetchEntry).toEqual({ kind: 'FETCH', data: {} });
  });

  it('become prefixed public tags without Next’s route tags, plus the site’s own', () => {
    expect(publicTags(NEXT_ENTRY_TAGS.split(','), 'news:')).toEqual([
      'news:wp:site',
      'news:wp:content:93',
      'news:wp:slug:post:a-post',
      'news:all',
    ]);
    // Separators and anything outside printable ASCII cannot split or break a header.
    expect(publicTags(['wp:slug:post:café, y'], '')).toEqual(['wp:slug:post:caf%C3%A9%2C%20y', 'all']);
  });

  it('fall back to the overflow tag, which every purge includes, when they do not fit one header line', () => {
    const many = Array.from({ length: 2_000 }, (_, index) => `wp:content:${index}`);
    expect(publicTags(many, 'news:')).toEqual(['news:overflow', 'news:all']);
    expect(publicTags(['wp:content:1'], 'news:', 10)).toEqual(['news:overflow', 'news:all']);
    expect(purgeTags(['wp:content:93', 'wp:list:home'], 'news:')).toEqual([
      'news:wp:content:93',
      'news:wp:list:home',
      'news:overflow',
    ]);
  });

  it('are sent as Surrogate-Key, Cache-Tag and xkey', () => {
    expect(tagHeaders(['a:wp:site', 'a:all'])).toEqual({
      'surrogate-key': 'a:wp:site a:all',
      'cache-tag': 'a:wp:site,a:all',
      xkey: 'a:wp:site a:all',
    });
  });

  it('take a prefix of safe characters only', () => {
    expect(tagPrefixFrom({})).toBe('');
    expect(tagPrefixFrom({ CACHE_TAG_PREFIX: ' news: ' })).toBe('news:');
    expect(() => tagPrefixFrom({ CACHE_TAG_PREFIX: 'a b' })).toThrow(/CACHE_TAG_PREFIX/);
  });
});

/** A store whose revalidated copies are asked for again at once, unless told otherwise. */
const pageCache = (now = Date.now, options = {}) =>
  new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, minRenderIntervalMs: 0, now, ...options });

describe('the fast path drops only what a revalidation touched', () => {
  const store = (cache, key, tags, generation = cache.generation) =>
    cache.store(key, { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) }, generation, tags);

  it('keeps copies that carry none of the revalidated tags', async () => {
    const cache = pageCache();
    await store(cache, '/edited/', ['wp:site', 'wp:content:93']);
    await store(cache, '/home/', ['wp:site', 'wp:list:home']);
    await store(cache, '/other/', ['wp:site', 'wp:content:94']);
    await store(cache, '/unknown/', null);
    cache.invalidate(['wp:content:93', 'wp:list:home']);
    expect(cache.get('/edited/')).toBeUndefined();
    expect(cache.get('/home/')).toBeUndefined();
    // A copy whose tags are not known could show anything: it goes with every revalidation.
    expect(cache.get('/unknown/')).toBeUndefined();
    expect(cache.get('/other/')).toBeDefined();
    // With no tags (an instance catching up after Redis was away), everything goes.
    cache.invalidate([]);
    expect(cache.get('/other/')).toBeUndefined();
  });

  it('serves a revalidated copy as stale while one request every 250 ms fetches the fresh page', async () => {
    let now = 1_000;
    const cache = pageCache(() => now);
    await store(cache, '/home/', ['wp:list:home']);
    await store(cache, '/other/', ['wp:content:94']);
    cache.invalidate(['wp:list:home']);
    // The first request goes on to Next (which starts the re-render); the others get the copy, stale.
    expect(cache.get('/home/')).toBeUndefined();
    const stale = cache.get('/home/');
    expect(stale?.staleSince).toBe(1_000);
    expect(cache.get('/other/')?.staleSince).toBeUndefined();
    now += 249;
    expect(cache.get('/home/')).toBe(stale);
    now += 1;
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.get('/home/')).toBe(stale);
    // A second revalidation meanwhile does not make it look any younger.
    cache.invalidate(['wp:list:home']);
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.get('/home/')?.staleSince).toBe(1_000);

    // The fresh page, once a request brings it, replaces the stale copy.
    await store(cache, '/home/', ['wp:list:home']);
    expect(cache.get('/home/')?.staleSince).toBeUndefined();
  });

  it('has a page a stream of edits keeps touching rendered at most every two seconds', async () => {
    let now = 1_000;
    const cache = pageCache(() => now, { minRenderIntervalMs: 2_000 });
    await store(cache, '/home/', ['wp:list:home']);
    now += 500;
    cache.invalidate(['wp:list:home']);
    // Rendered half a second ago: its stale copy is served until it is two seconds old …
    const stale = cache.get('/home/');
    expect(stale?.staleSince).toBe(1_500);
    now += 1_499;
    cache.invalidate(['wp:list:home']);
    expect(cache.get('/home/')).toBe(stale);
    // … then one request goes on to Next for the page with every edit so far.
    now += 1;
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.get('/home/')).toBe(stale);
    // A copy rendered longer ago than that is asked for at once.
    await store(cache, '/home/', ['wp:list:home']);
    now += 2_000;
    cache.invalidate(['wp:list:home']);
    expect(cache.get('/home/')).toBeUndefined();
  });

  it('drops a stale copy that no fresh page replaced within 10 seconds', async () => {
    let now = 1_000;
    const cache = pageCache(() => now);
    await store(cache, '/home/', ['wp:list:home']);
    cache.invalidate(['wp:list:home']);
    cache.get('/home/');
    now += 9_999;
    // Still a request every 250 ms goes on to Next, the others get the stale copy …
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.get('/home/')).toBeDefined();
    // … until it is 10 seconds old.
    now += 1;
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.get('/home/')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store a response begun before a revalidation of one of its tags, and stores the others', async () => {
    const cache = pageCache();
    const before = cache.generation;
    cache.invalidate(['wp:content:93']);
    expect(await store(cache, '/edited/', ['wp:content:93'], before)).toBeNull();
    expect(await store(cache, '/unknown/', null, before)).toBeNull();
    expect(await store(cache, '/other/', ['wp:content:94'], before)).not.toBeNull();
    // Also when the revalidation comes while the copy is being compressed.
    const storing = store(cache, '/late/', ['wp:list:home']);
    cache.invalidate(['wp:list:home']);
    expect(await storing).toBeNull();
  });
});

describe('the server’s response', () => {
  let server;
  afterEach(() => server?.close());

  it('names the entry’s tags in public headers, never the internal one, and keeps them with the copy', async () => {
    const cache = pageCache();
    server = createServer((req, res) => {
      const key = cacheKeyFor(req);
      const entry = key ? cache.get(key) : undefined;
      if (entry) return sendEntry(req, res, entry, 'HIT');
      captureIntoCache(req, res, { key, pageCache: cache, tagPrefix: 's1:', log: () => {} });
      for (const [name, value] of Object.entries(ISR_HEADERS)) res.setHeader(name, value);
      res.setHeader(ENTRY_TAGS_HEADER, NEXT_ENTRY_TAGS);
      res.end(PAGE);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const get = () =>
      new Promise((resolve, reject) => {
        httpRequest({ port: server.address().port, path: '/a-post', host: '127.0.0.1' }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        })
          .on('error', reject)
          .end();
      });
    for (const headers of [await get(), await get()]) {
      expect(headers[ENTRY_TAGS_HEADER]).toBeUndefined();
      expect(headers['surrogate-key']).toBe('s1:wp:site s1:wp:content:93 s1:wp:slug:post:a-post s1:all');
      expect(headers.xkey).toBe(headers['surrogate-key']);
      expect(headers['cache-tag']).toBe('s1:wp:site,s1:wp:content:93,s1:wp:slug:post:a-post,s1:all');
    }
    cache.invalidate(['wp:content:94']);
    expect(cache.get('/a-post')).toBeDefined();
    cache.invalidate(['wp:content:93']);
    expect(cache.get('/a-post')).toBeUndefined();
  });

  it('sends a stale copy as such, kept by the caches in front for a second only', async () => {
    const cache = pageCache();
    await cache.store('/a-post', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) }, 0, [
      'wp:content:93',
    ]);
    cache.invalidate(['wp:content:93']);
    cache.get('/a-post');
    server = createServer((req, res) => {
      const entry = cache.get('/a-post');
      if (!entry) return res.writeHead(500).end();
      return sendEntry(req, res, entry, entry.staleSince === undefined ? 'HIT' : 'STALE');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const response = await fetch(`http://127.0.0.1:${server.address().port}/a-post`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-broadsheet-cache')).toBe('STALE');
    expect(response.headers.get('cache-control')).toMatch(/\bs-maxage=1\b/);
    expect(await response.text()).toBe(PAGE);
  });
});
