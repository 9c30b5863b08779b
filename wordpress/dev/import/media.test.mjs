import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAll, downloadMedia } from './media.mjs';

const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/lamp.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.end(PNG_BYTES);
    } else if (request.url === '/silent.png') {
      // Never answers: the download must give up on its own.
    } else {
      response.writeHead(404).end('gone');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('downloadMedia', () => {
  it('returns the bytes of a file that answers', async () => {
    const result = await downloadMedia(`${origin}/lamp.png`);
    expect(result.ok && result.data.equals(PNG_BYTES)).toBe(true);
  });

  it('turns a missing file into a reason', async () => {
    expect(await downloadMedia(`${origin}/missing.jpg`)).toEqual({
      ok: false,
      reason: 'the source answered HTTP 404',
    });
  });

  it('turns a host that refuses connections into a reason, at once', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    const started = Date.now();
    expect(await downloadMedia(`http://127.0.0.1:${port}/a.jpg`)).toEqual({
      ok: false,
      reason: 'the source is unreachable (ECONNREFUSED)',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a host that never answers after its timeout', async () => {
    const started = Date.now();
    expect(await downloadMedia(`${origin}/silent.png`, { timeoutMs: 300 })).toEqual({
      ok: false,
      reason: 'the source did not answer within 0.3 s',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses what it should not fetch', async () => {
    expect(await downloadMedia('file:///etc/passwd')).toEqual({
      ok: false,
      reason: 'file: URLs are not fetched',
    });
    expect(await downloadMedia('not a url')).toEqual({ ok: false, reason: '"not a url" is not a URL' });
    expect(await downloadMedia(`${origin}/lamp.png`, { maxBytes: 4 })).toEqual({
      ok: false,
      reason: 'the file is over the size limit (4 bytes)',
    });
  });
});

describe('downloadAll', () => {
  it('fetches each distinct URL once and reports each', async () => {
    let reported = 0;
    const urls = [`${origin}/lamp.png`, `${origin}/missing.jpg`, `${origin}/lamp.png`];
    const results = await downloadAll(urls, { concurrency: 2, onEach: () => (reported += 1) });
    expect(reported).toBe(2);
    expect(results.get(`${origin}/lamp.png`)?.ok).toBe(true);
    expect(results.get(`${origin}/missing.jpg`)?.ok).toBe(false);
  });
});
