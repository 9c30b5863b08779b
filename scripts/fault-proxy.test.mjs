import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFault, restRouteOf, rewriteBody, routeInScope, startFaultProxy } from './fault-proxy.mjs';

const POSTS = [{ id: 7, title: { rendered: 'The lantern keeper' } }];

describe('fault modes', () => {
  it('accepts every documented mode, with a route scope', () => {
    expect(parseFault({ mode: 'none' })).toEqual({ mode: 'none', kind: 'none', value: null, route: null });
    expect(parseFault({ mode: 'latency:9000', route: '/wp/v2/posts' })).toMatchObject({
      kind: 'latency',
      value: 9000,
      route: '/wp/v2/posts',
    });
    expect(parseFault({ mode: 'status:503' })).toMatchObject({ kind: 'status', value: 503 });
    for (const mode of ['reset', 'truncate', 'malformed-json', 'wrong-shape', 'blackhole', 'refuse']) {
      expect(parseFault({ mode }).kind).toBe(mode);
    }
  });

  it('refuses what it does not know, saying what it knows', () => {
    for (const mode of [
      '',
      'latency',
      'latency:-1',
      'latency:1:2',
      'status:99',
      'status:600',
      'reset:1',
      'slow',
    ]) {
      expect(() => parseFault({ mode })).toThrow(/Unknown fault mode.*latency:<ms>/);
    }
    expect(() => parseFault({ mode: 'reset', route: 'wp/v2/posts' })).toThrow(/route/);
  });

  it('reads the REST route the way WordPress does', () => {
    expect(restRouteOf('/?rest_route=/wp/v2/posts&slug=a')).toBe('/wp/v2/posts');
    expect(restRouteOf('/?rest_route=%2Fwp%2Fv2%2Fposts%2F12')).toBe('/wp/v2/posts/12');
    expect(restRouteOf('/?rest_route=')).toBe('/');
    expect(restRouteOf('/wp-json/wp/v2/pages')).toBe('/wp/v2/pages');
    expect(restRouteOf('/wp-json')).toBe('/');
    expect(restRouteOf('/wp-content/uploads/a.jpg')).toBe('/wp-content/uploads/a.jpg');
  });

  it('scopes a fault to a route and the routes below it, not to lookalikes', () => {
    expect(routeInScope('/wp/v2/posts', null)).toBe(true);
    expect(routeInScope('/wp/v2/posts', '/wp/v2/posts')).toBe(true);
    expect(routeInScope('/wp/v2/posts/12', '/wp/v2/posts/')).toBe(true);
    expect(routeInScope('/wp/v2/posts-archive', '/wp/v2/posts')).toBe(false);
    expect(routeInScope('/wp/v2/pages', '/wp/v2/posts')).toBe(false);
    expect(routeInScope('/anything', '/')).toBe(true);
  });

  it('breaks bodies in three distinct ways', () => {
    const body = Buffer.from(JSON.stringify(POSTS));
    const truncated = rewriteBody('truncate', body)?.toString() ?? '';
    expect(body.toString().startsWith(truncated)).toBe(true);
    expect(() => JSON.parse(truncated)).toThrow();
    const malformed = rewriteBody('malformed-json', body)?.toString() ?? '';
    expect(malformed).toMatch(/^<br \/>\n<b>Warning<\/b>/);
    expect(malformed.endsWith(body.toString())).toBe(true);
    expect(JSON.parse(rewriteBody('wrong-shape', body)?.toString() ?? '')).toEqual({ data: POSTS });
    expect(rewriteBody('none', body)).toBeNull();
  });
});

describe('the proxy', () => {
  let upstream;
  let proxy;
  let upstreamRequests;

  beforeEach(async () => {
    upstreamRequests = 0;
    upstream = createServer((req, res) => {
      upstreamRequests++;
      const body = JSON.stringify(POSTS);
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-wp-total': '1',
        'content-length': body.length,
      });
      res.end(body);
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    proxy = await startFaultProxy({ port: 0, upstream: `http://127.0.0.1:${upstream.address().port}` });
  });

  afterEach(async () => {
    await proxy.stop();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const get = (route = '/wp/v2/posts', init = {}) =>
    fetch(`${proxy.url}/?rest_route=${route}`, { signal: AbortSignal.timeout(20_000), ...init });
  const control = (method, path, body) =>
    fetch(`${proxy.controlUrl}${path}`, { method, body: body && JSON.stringify(body) });

  it('forwards unchanged, headers included, and counts requests by route', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-wp-total')).toBe('1');
    expect(await response.json()).toEqual(POSTS);
    await get('/wp/v2/pages');
    expect(await (await control('GET', '/stats')).json()).toEqual({
      requests: 2,
      faulted: 0,
      byRoute: { '/wp/v2/posts': 1, '/wp/v2/pages': 1 },
    });
    await control('DELETE', '/stats');
    expect(proxy.stats().requests).toBe(0);
  });

  it('answers a status without asking upstream, only on the scoped route', async () => {
    const set = await control('PUT', '/fault', { mode: 'status:503', route: '/wp/v2/posts' });
    expect(await set.json()).toEqual({ mode: 'status:503', route: '/wp/v2/posts' });
    const faulted = await get('/wp/v2/posts/7');
    expect(faulted.status).toBe(503);
    expect(await faulted.json()).toMatchObject({ code: 'broadsheet_fault_injected', data: { status: 503 } });
    expect((await get('/wp/v2/pages')).status).toBe(200);
    expect(upstreamRequests).toBe(1);
    expect(proxy.stats()).toMatchObject({ requests: 2, faulted: 1 });
  });

  it('rewrites bodies with a consistent Content-Length', async () => {
    await proxy.setFault({ mode: 'truncate' });
    const text = await (await get()).text();
    expect(text).toBe(JSON.stringify(POSTS).slice(0, Math.floor(JSON.stringify(POSTS).length / 2)));
    await proxy.setFault({ mode: 'wrong-shape' });
    expect(await (await get()).json()).toEqual({ data: POSTS });
  });

  it('resets connections', async () => {
    await proxy.setFault({ mode: 'reset' });
    await expect(get()).rejects.toThrow();
  });

  it('delays by the latency asked for', async () => {
    await proxy.setFault({ mode: 'latency:300' });
    const started = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('holds a blackholed request until the client gives up, and forwards again once cleared', async () => {
    await proxy.setFault({ mode: 'blackhole' });
    await expect(get('/wp/v2/posts', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await control('DELETE', '/fault');
    expect((await get()).status).toBe(200);
  });

  it('releases held requests when the fault changes', async () => {
    await proxy.setFault({ mode: 'latency:60000' });
    const pending = get('/wp/v2/posts', { signal: AbortSignal.timeout(20_000) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await proxy.setFault({ mode: 'none' });
    expect((await pending).status).toBe(200);
  });

  it('refuses connections like a dead port, and listens again on the same port once cleared', async () => {
    await proxy.setFault({ mode: 'refuse' });
    await expect(get()).rejects.toThrow();
    expect((await (await control('GET', '/fault')).json()).mode).toBe('refuse');
    await proxy.setFault({ mode: 'none' });
    expect((await get()).status).toBe(200);
  });

  it('says what is wrong with a bad command', async () => {
    const response = await control('PUT', '/fault', { mode: 'slow' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/Unknown fault mode "slow"/);
    expect((await control('PUT', '/fault', undefined)).status).toBe(400);
    expect(proxy.fault.mode).toBe('none');
  });
});
