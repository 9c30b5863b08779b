import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKeyFor, captureIntoCache, sendEntry } from './fast-path.mjs';
import { PageCache, chooseEncoding, etagFor, isStorable, matchesEtag } from './page-cache.mjs';

const ISR_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 's-maxage=3600, stale-while-revalidate=31532400',
  'x-nextjs-cache': 'HIT',
  etag: '"abc123"',
};
const PAGE = `<!DOCTYPE html><html><body>${'<p>The lantern keeper climbs the stair.</p>'.repeat(200)}</body></html>`;

describe('what may be copied', () => {
  it('takes complete, shareable ISR answers only', () => {
    expect(isStorable(200, ISR_HEADERS)).toBe(true);
    expect(isStorable(200, { ...ISR_HEADERS, 'x-nextjs-cache': 'MISS' })).toBe(true);
    expect(isStorable(200, { ...ISR_HEADERS, 'x-nextjs-cache': 'STALE' })).toBe(false);
    expect(isStorable(200, { ...ISR_HEADERS, 'x-nextjs-cache': undefined })).toBe(false);
    expect(isStorable(404, ISR_HEADERS)).toBe(false);
    expect(isStorable(503, ISR_HEADERS)).toBe(false);
    expect(isStorable(200, { ...ISR_HEADERS, 'set-cookie': ['a=b'] })).toBe(false);
    expect(isStorable(200, { ...ISR_HEADERS, 'cache-control': 'private, no-store' })).toBe(false);
    expect(isStorable(200, { ...ISR_HEADERS, 'cache-control': 'no-cache, s-maxage=60' })).toBe(false);
  });

  it('keys plain reads only: no client-router, preview, revalidation, action or API requests', () => {
    const req = (method, url, headers = {}) => ({ method, url, headers });
    expect(cacheKeyFor(req('GET', '/a-post/'))).toBe('/a-post/');
    expect(cacheKeyFor(req('HEAD', '/feed/'))).toBe('/feed/');
    expect(cacheKeyFor(req('POST', '/a-post/'))).toBeNull();
    expect(cacheKeyFor(req('GET', '/api/revalidate/'))).toBeNull();
    expect(cacheKeyFor(req('GET', '/a-post/', { rsc: '1' }))).toBeNull();
    expect(cacheKeyFor(req('GET', '/a-post/', { 'next-router-prefetch': '1' }))).toBeNull();
    expect(cacheKeyFor(req('GET', '/a-post/', { 'x-prerender-revalidate': 'x' }))).toBeNull();
    expect(cacheKeyFor(req('GET', '/a-post/', { cookie: 'theme=dark; __prerender_bypass=1' }))).toBeNull();
    expect(cacheKeyFor(req('GET', '/a-post/', { cookie: 'theme=dark' }))).toBe('/a-post/');
    expect(cacheKeyFor(req('GET', `/${'x'.repeat(3000)}`))).toBeNull();
  });

  it('keys by path: tracking parameters share the path’s copy, any other query goes to Next', () => {
    const get = (url) => cacheKeyFor({ method: 'GET', url, headers: {} });
    expect(get('/a-post/?utm_source=newsletter&utm_medium=email')).toBe('/a-post/');
    expect(get('/a-post/?fbclid=IwAR0x&gclid=abc&mc_eid=1')).toBe('/a-post/');
    expect(get('/a-post/?')).toBe('/a-post/');
    expect(get('/a-post/?x=1')).toBeNull();
    expect(get('/a-post/?utm_source=a&x=1')).toBeNull();
    expect(get('/?s=lighthouse')).toBeNull();
    expect(get('/search/?s=lighthouse')).toBeNull();
    expect(get('/protected/post/12/?error=wrong-password')).toBeNull();
    expect(get('/_next/image?url=%2Fa.jpg&w=640&q=75')).toBeNull();
  });
});

describe('content negotiation', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
  });

  it('falls back from brotli while it is still being computed, never to a refused coding', () => {
    expect(chooseEncoding('gzip, br', { br: false })).toBe('gzip');
    expect(chooseEncoding('br, gzip;q=0', { br: false })).toBe('identity');
  });

  it('names each encoding with its own validator and matches any of them', () => {
    expect(etagFor('"abc"', 'gzip')).toBe('"abc-gzip"');
    expect(etagFor('"abc"', 'identity')).toBe('"abc"');
    expect(matchesEtag('"abc-br"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc", "zzz"', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(undefined, '"abc"')).toBe(false);
  });
});

describe('PageCache', () => {
  it('stores a response with gzip and a quick brotli ready at once', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const entry = await cache.store('/p/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) });
    expect(entry && gunzipSync(entry.bodies.gzip).toString()).toBe(PAGE);
    expect(entry && brotliDecompressSync(entry.bodies.br ?? Buffer.alloc(0)).toString()).toBe(PAGE);
    expect(entry?.brotliQuality).toBe(5);
    expect(entry?.headers).not.toHaveProperty('etag');
    expect(entry?.headers).not.toHaveProperty('x-nextjs-cache');
    expect(entry?.etag).toBe('"abc123"');
  });

  it('re-encodes brotli at its best quality once a copy has lasted, under a new validator', async () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, now: () => now });
    const body = Buffer.from(PAGE.repeat(20));
    const quick = await cache.store('/p/', { status: 200, headers: ISR_HEADERS, body });
    now += 9_999;
    cache.get('/p/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cache.get('/p/')).toBe(quick);

    now += 1;
    expect(cache.get('/p/')).toBe(quick);
    // Compressed on libuv's thread pool, which a busy machine may keep waiting: patience, not a deadline.
    await expect.poll(() => cache.get('/p/')?.brotliQuality, { timeout: 30_000 }).toBe(11);
    const best = cache.get('/p/');
    expect(best).not.toBe(quick);
    expect(brotliDecompressSync(best?.bodies.br ?? Buffer.alloc(0)).equals(body)).toBe(true);
    expect(best?.bodies.gzip).toBe(quick?.bodies.gzip);
    expect(etagFor('"abc123"', 'br', best?.brotliQuality)).toBe('"abc123-br11"');
    expect(etagFor('"abc123"', 'br', quick?.brotliQuality)).toBe('"abc123-br5"');
  }, 60_000);

  it('does not bring back a copy cleared while its best-quality brotli was being computed', async () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, now: () => now });
    await cache.store('/p/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE.repeat(200)) });
    now += 10_000;
    cache.get('/p/');
    cache.clear();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cache.get('/p/')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('refreshes an entry after its maximum age through one caller, and forgets everything on clear', async () => {
    let now = 1_000;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000, now: () => now });
    await cache.store('/a/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) });
    await cache.store('/b/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) });
    now += 59_999;
    expect(cache.get('/a/')).toBeDefined();
    now += 1;
    // The first caller past the age refreshes it; the others keep the copy meanwhile.
    expect(cache.get('/a/')).toBeUndefined();
    expect(cache.get('/a/')).toBeDefined();
    now += 5_000;
    expect(cache.get('/a/')).toBeUndefined();
    cache.clear();
    expect(cache.get('/b/')).toBeUndefined();
  });

  it('does not store a page whose compression began before a revalidation', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const storing = cache.store('/a/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) });
    cache.clear();
    expect(await storing).toBeNull();
    expect(cache.get('/a/')).toBeUndefined();
  });

  it('stays within its memory budget, dropping the least recently used', async () => {
    const body = Buffer.from(PAGE);
    const cache = new PageCache({ maxBytes: body.length * 3, maxAgeMs: 60_000 });
    for (const key of ['/1/', '/2/', '/3/', '/4/', '/5/']) {
      await cache.store(key, { status: 200, headers: ISR_HEADERS, body });
    }
    expect(cache.bytes).toBeLessThanOrEqual(body.length * 3);
    expect(cache.get('/5/')).toBeDefined();
    expect(cache.get('/1/')).toBeUndefined();
  });
});

describe('the fast path around a handler', () => {
  let server;
  afterEach(() => server?.close());

  /** A stand-in for Next's handler: counts calls, answers with the given headers. */
  async function serve(answer) {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const calls = { count: 0, acceptEncoding: [] };
    server = createServer((req, res) => {
      const key = cacheKeyFor(req);
      const entry = key ? cache.get(key) : undefined;
      if (entry) return sendEntry(req, res, entry, 'HIT');
      // As server.mjs: every document passes through it, stored only when it has a key.
      if (req.method === 'GET') captureIntoCache(req, res, { key, pageCache: cache, log: () => {} });
      calls.count += 1;
      calls.acceptEncoding.push(req.headers['accept-encoding']);
      answer(req, res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { calls, cache, port: server.address().port };
  }

  function get(port, path, headers = {}, method = 'GET') {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ port, path, headers, method, host: '127.0.0.1' }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  const isrPage = (req, res) => {
    for (const [name, value] of Object.entries(ISR_HEADERS)) res.setHeader(name, value);
    res.write(PAGE.slice(0, 100));
    res.end(PAGE.slice(100));
  };

  it('answers the second request from memory, pre-compressed, with the same status and headers', async () => {
    const { calls, port } = await serve(isrPage);
    const first = await get(port, '/post/', { 'accept-encoding': 'gzip' });
    const second = await get(port, '/post/', { 'accept-encoding': 'gzip' });
    expect(calls.count).toBe(1);
    // Next was asked for the plain body, so it is compressed once, here.
    expect(calls.acceptEncoding).toEqual([undefined]);
    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['cache-control']).toBe(ISR_HEADERS['cache-control']);
      expect(response.headers['content-type']).toBe(ISR_HEADERS['content-type']);
      expect(response.headers.vary).toMatch(/Accept-Encoding/);
      expect(gunzipSync(response.body).toString()).toBe(PAGE);
    }
    expect(first.headers['x-broadsheet-cache']).toBe('MISS');
    expect(second.headers['x-broadsheet-cache']).toBe('HIT');
    const plain = await get(port, '/post/');
    expect(plain.body.toString()).toBe(PAGE);
    expect(plain.headers.etag).toBe('"abc123"');
    const revalidated = await get(port, '/post/', { 'if-none-match': second.headers.etag });
    expect(revalidated.status).toBe(304);
    const head = await get(port, '/post/', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(calls.count).toBe(1);
  });

  it('passes through what it must not keep, still compressed for the client', async () => {
    const { calls, port } = await serve((req, res) => {
      res.setHeader('content-type', 'text/html');
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('set-cookie', 'session=1');
      res.end(PAGE);
    });
    const first = await get(port, '/search/?s=x', { 'accept-encoding': 'gzip' });
    await get(port, '/search/?s=x', { 'accept-encoding': 'gzip' });
    expect(calls.count).toBe(2);
    expect(first.headers['set-cookie']).toEqual(['session=1']);
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(gunzipSync(first.body).toString()).toBe(PAGE);
  });

  it('does not keep a stale page, or an error', async () => {
    let status = 200;
    let isr = 'STALE';
    const { calls, port } = await serve((req, res) => {
      res.statusCode = status;
      for (const [name, value] of Object.entries({ ...ISR_HEADERS, 'x-nextjs-cache': isr }))
        res.setHeader(name, value);
      res.end(PAGE);
    });
    await get(port, '/p/');
    await get(port, '/p/');
    status = 503;
    isr = 'HIT';
    expect((await get(port, '/p/')).status).toBe(503);
    expect(calls.count).toBe(3);
  });
});

describe('query strings on a cached page', () => {
  let server;
  afterEach(() => server?.close());

  it('1,000 distinct query strings store nothing and leave the page’s own copy in place', async () => {
    // Room for a few dozen copies of the page: one per query string would soon push it out.
    const cache = new PageCache({ maxBytes: 400_000, maxAgeMs: 60_000 });
    let nextCalls = 0;
    // As server.mjs: answered from memory when there is a copy, otherwise through Next.
    server = createServer((req, res) => {
      const key = cacheKeyFor(req);
      const entry = key ? cache.get(key) : undefined;
      if (entry) return sendEntry(req, res, entry, 'HIT');
      captureIntoCache(req, res, { key, pageCache: cache, log: () => {} });
      nextCalls += 1;
      for (const [name, value] of Object.entries(ISR_HEADERS)) res.setHeader(name, value);
      res.end(PAGE);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address();
    const get = async (path) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      await response.arrayBuffer();
      return response.headers.get('x-broadsheet-cache');
    };

    expect(await get('/post/')).toBe('MISS');
    const copy = cache.get('/post/');
    const stored = [];
    for (let index = 0; index < 1000; index += 1) {
      stored.push(await get(`/post/?x=${index.toString(36)}${Math.random().toString(36).slice(2)}`));
    }
    expect(stored.filter((answer) => answer !== null)).toEqual([]);
    expect(cache.size).toBe(1);
    expect(cache.get('/post/')).toBe(copy);
    expect(await get('/post/')).toBe('HIT');
    expect(await get('/post/?utm_source=newsletter&fbclid=IwAR0x')).toBe('HIT');
    expect(nextCalls).toBe(1001);
  }, 60_000);
});

describe('a revalidation while a response is on its way', () => {
  it('keeps nothing that Next began answering before the store was emptied', async () => {
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    const before = cache.generation;
    cache.clear();
    expect(
      await cache.store('/p/', { status: 200, headers: ISR_HEADERS, body: Buffer.from(PAGE) }, before),
    ).toBeNull();
    expect(cache.get('/p/')).toBeUndefined();
  });
});

describe('the page policy', () => {
  let server;
  afterEach(() => server?.close());

  it('gives every HTML document a Content-Security-Policy from its own inline scripts, kept with the copy', async () => {
    const inline = 'self.__next_f.push([0])';
    const html = `<!DOCTYPE html><html><body><script>${inline}</script>${PAGE}</body></html>`;
    const cache = new PageCache({ maxBytes: 10_000_000, maxAgeMs: 60_000 });
    server = createServer((req, res) => {
      const key = cacheKeyFor(req);
      const entry = key ? cache.get(key) : undefined;
      if (entry) return sendEntry(req, res, entry, 'HIT');
      captureIntoCache(req, res, {
        key,
        pageCache: cache,
        mediaOrigin: 'http://wp.example.test',
        log: () => {},
      });
      for (const [name, value] of Object.entries(ISR_HEADERS)) res.setHeader(name, value);
      res.end(html);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address();
    const fetchPolicy = async (headers = {}) =>
      (await fetch(`http://127.0.0.1:${port}/post/`, { headers })).headers.get('content-security-policy');
    const first = await fetchPolicy();
    const second = await fetchPolicy();
    const preview = await fetchPolicy({ cookie: '__prerender_bypass=1' });
    for (const policy of [first, second, preview]) {
      expect(policy).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
      expect(policy).not.toContain("'unsafe-inline' 'self'");
    }
  });
});
