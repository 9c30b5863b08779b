import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../redis.mjs';
import { describeWordPressRequest, startCountingProxy } from './counting-proxy.mjs';

describe('describing a WordPress request', () => {
  it('names the REST route and the slug looked up', () => {
    expect(
      describeWordPressRequest('/?rest_route=%2Fwp%2Fv2%2Fposts&slug=hello&_embed=author%2Cwp%3Aterm'),
    ).toBe('/wp/v2/posts?slug=hello');
    expect(describeWordPressRequest('/?rest_route=/wp/v2/categories&per_page=6')).toBe('/wp/v2/categories');
    expect(describeWordPressRequest('/wp-content/uploads/a.jpg')).toBe('/wp-content/uploads/a.jpg');
  });
});

describe('the counting proxy', () => {
  const cleanups = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()();
  });

  async function listen(server) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    return server.address().port;
  }

  it('passes answers through and counts every request since the last reset', async () => {
    const upstream = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-seen-host': req.headers.host ?? '' });
      res.end(JSON.stringify({ url: req.url }));
    });
    const targetPort = await listen(upstream);
    const port = await freePort();
    const proxy = await startCountingProxy({ port, targetPort });
    cleanups.push(() => proxy.close());

    const get = (path) => fetch(`http://127.0.0.1:${port}${path}`);
    await get('/?rest_route=/wp/v2/posts&slug=warm');
    proxy.reset();
    const answer = await get('/?rest_route=/wp/v2/posts&slug=hello');
    expect(await answer.json()).toEqual({ url: '/?rest_route=/wp/v2/posts&slug=hello' });
    expect(answer.headers.get('x-seen-host')).toBe(`127.0.0.1:${port}`);
    await Promise.all([get('/?rest_route=/wp/v2/categories'), get('/?rest_route=/wp/v2/categories')]);
    expect(await proxy.waitUntilQuiet({ quietMs: 50, timeoutMs: 2_000 })).toBe(true);
    expect(proxy.counts()).toMatchObject({
      total: 3,
      byRequest: { '/wp/v2/posts?slug=hello': 1, '/wp/v2/categories': 2 },
    });
  });
});
