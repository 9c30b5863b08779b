import { describe, expect, it } from 'vitest';
import {
  PurgeQueue,
  cloudflarePurger,
  fastlyPurger,
  purgersFromEnvironment,
  varnishPurger,
} from './purge.mjs';

/** A fetch that records each request and answers with the given responses in turn. */
function recorder(...answers) {
  const requests = [];
  const fetch = async (url, init) => {
    requests.push({
      url,
      method: init.method,
      headers: init.headers,
      body: init.body === undefined ? undefined : JSON.parse(init.body),
    });
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    return answer ?? new Response('ok');
  };
  return { fetch, requests };
}

describe('the purge requests each cache is sent', () => {
  it('Varnish: PURGE to every address, tags in xkey-softpurge (or xkey-purge)', async () => {
    const { fetch, requests } = recorder();
    const urls = ['http://varnish-a:6081', 'http://varnish-b:6081'];
    await varnishPurger({ urls, soft: true, fetch }).purge(['s:wp:content:93', 's:overflow']);
    await varnishPurger({ urls: urls.slice(0, 1), soft: false, fetch }).purge(['s:wp:list:home']);
    expect(requests).toEqual([
      {
        url: 'http://varnish-a:6081',
        method: 'PURGE',
        headers: { 'xkey-softpurge': 's:wp:content:93 s:overflow' },
      },
      {
        url: 'http://varnish-b:6081',
        method: 'PURGE',
        headers: { 'xkey-softpurge': 's:wp:content:93 s:overflow' },
      },
      { url: 'http://varnish-a:6081', method: 'PURGE', headers: { 'xkey-purge': 's:wp:list:home' } },
    ]);
  });

  it('Varnish: tags that would not fit one request header line go in several requests', async () => {
    const { fetch, requests } = recorder();
    const tags = Array.from({ length: 1_000 }, (_, index) => `wp:content:${index}`);
    await varnishPurger({ urls: ['http://varnish:6081'], soft: false, fetch }).purge(tags);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((request) => request.headers['xkey-purge'].length <= 7_000)).toBe(true);
    expect(requests.flatMap((request) => request.headers['xkey-purge'].split(' '))).toEqual(tags);
  });

  it('Fastly: the batch surrogate-key purge, soft unless told otherwise, 256 keys per request', async () => {
    const { fetch, requests } = recorder(new Response('{"wp:site":"1-2"}'));
    const keys = Array.from({ length: 300 }, (_, index) => `k${index}`);
    await fastlyPurger({
      serviceId: 'SU1Z0isxPaozGVKXdv0eY',
      token: 'secret-token',
      soft: true,
      fetch,
    }).purge(keys);
    expect(requests).toEqual([
      {
        url: 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge',
        method: 'POST',
        headers: {
          'fastly-key': 'secret-token',
          accept: 'application/json',
          'content-type': 'application/json',
          'fastly-soft-purge': '1',
        },
        body: { surrogate_keys: keys.slice(0, 256) },
      },
      expect.objectContaining({ body: { surrogate_keys: keys.slice(256) } }),
    ]);
    await fastlyPurger({ serviceId: 'S', token: 't', soft: false, fetch }).purge(['a']);
    expect(requests[2]?.headers['fastly-soft-purge']).toBeUndefined();
  });

  it('Cloudflare: purge_cache with tags, a bearer token, and the answer’s success checked', async () => {
    const ok = () => new Response('{"success":true,"errors":[],"messages":[],"result":{"id":"z"}}');
    const { fetch, requests } = recorder(ok(), ok());
    const tags = Array.from({ length: 40 }, (_, index) => `t${index}`);
    await cloudflarePurger({ zoneId: '023e105f4ecef8ad9ca31a8372d0c353', token: 'cf-token', fetch }).purge(
      tags,
    );
    expect(requests).toEqual([
      {
        url: 'https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache',
        method: 'POST',
        headers: { authorization: 'Bearer cf-token', 'content-type': 'application/json' },
        body: { tags: tags.slice(0, 30) },
      },
      expect.objectContaining({ body: { tags: tags.slice(30) } }),
    ]);
    const refused = recorder(new Response('{"success":false,"errors":[{"code":1134}]}'));
    await expect(
      cloudflarePurger({ zoneId: 'z', token: 't', fetch: refused.fetch }).purge(['a']),
    ).rejects.toThrow(/did not confirm/);
    const forbidden = recorder(new Response('{"success":false}', { status: 403 }));
    await expect(
      cloudflarePurger({ zoneId: 'z', token: 't', fetch: forbidden.fetch }).purge(['a']),
    ).rejects.toThrow(/403/);
  });
});

describe('configuration', () => {
  it('builds the purgers the environment names, and none by default', () => {
    expect(purgersFromEnvironment({})).toEqual([]);
    const names = purgersFromEnvironment({
      VARNISH_PURGE_URLS: 'http://a:6081, http://b:6081',
      FASTLY_SERVICE_ID: 'S',
      FASTLY_API_TOKEN: 'T',
      CLOUDFLARE_ZONE_ID: 'Z',
      CLOUDFLARE_API_TOKEN: 'T',
    }).map((purger) => purger.name);
    expect(names).toEqual(['Varnish', 'Fastly', 'Cloudflare']);
  });

  it('says clearly what is wrong', () => {
    expect(() => purgersFromEnvironment({ VARNISH_PURGE_URLS: 'varnish:6081' })).toThrow(
      /VARNISH_PURGE_URLS/,
    );
    expect(() =>
      purgersFromEnvironment({ VARNISH_PURGE_URLS: 'http://v', VARNISH_PURGE_MODE: 'ban' }),
    ).toThrow(/VARNISH_PURGE_MODE/);
    expect(() => purgersFromEnvironment({ FASTLY_SERVICE_ID: 'S' })).toThrow(/FASTLY_API_TOKEN/);
    expect(() => purgersFromEnvironment({ CLOUDFLARE_API_TOKEN: 'T' })).toThrow(/CLOUDFLARE_ZONE_ID/);
    expect(() =>
      purgersFromEnvironment({ FASTLY_SERVICE_ID: 'S', FASTLY_API_TOKEN: 'T', FASTLY_SOFT_PURGE: 'yes' }),
    ).toThrow(/FASTLY_SOFT_PURGE/);
  });
});

describe('purging after a revalidation', () => {
  it('sends the prefixed tags and the overflow tag', async () => {
    const { fetch, requests } = recorder();
    const queue = new PurgeQueue({
      purgers: [varnishPurger({ urls: ['http://v'], soft: false, fetch })],
      prefix: 'news:',
    });
    await queue.purge(['wp:content:93']);
    expect(requests[0]?.headers).toEqual({ 'xkey-purge': 'news:wp:content:93 news:overflow' });
  });

  it('retries with growing delays and logs a failure episode once, and its end once', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: new Error('connect ECONNREFUSED'),
    });
    const { fetch, requests } = recorder(refused, refused, refused, new Response('ok'));
    const lines = [];
    const delays = [];
    const queue = new PurgeQueue({
      purgers: [varnishPurger({ urls: ['http://v'], soft: true, fetch })],
      prefix: '',
      log: (line) => lines.push(line),
      sleep: async (ms) => void delays.push(ms),
    });
    await queue.purge(['wp:content:1']);
    expect(requests).toHaveLength(4);
    expect(delays).toEqual([500, 1_000, 2_000]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[purge\] Varnish: purge failed \(fetch failed: connect ECONNREFUSED\); retrying/,
      ),
      '[purge] Varnish: purging works again',
    ]);
  });

  it('gives up after its attempts, and stays quiet while the cache keeps failing', async () => {
    const { fetch, requests } = recorder(new Response('no', { status: 503 }));
    const lines = [];
    const queue = new PurgeQueue({
      purgers: [varnishPurger({ urls: ['http://v'], soft: true, fetch })],
      prefix: '',
      attempts: 3,
      log: (line) => lines.push(line),
      sleep: async () => {},
    });
    await queue.purge(['a']);
    await queue.purge(['b']);
    expect(requests).toHaveLength(6);
    expect(lines).toEqual([expect.stringContaining('Varnish at http://v answered 503')]);
  });
});
