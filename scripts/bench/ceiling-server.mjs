#!/usr/bin/env node
// The benchmark's ceiling: a bare Node HTTP server writing the very bytes Broadsheet serves for
// each measured page, already compressed, from memory. Nothing is looked up or computed per
// request beyond choosing gzip or not, so no server in Node can answer these pages faster.
//   node scripts/bench/ceiling-server.mjs --port 3402 --pages pages.json
// pages.json: { "<path>": { "contentType": "...", "identityFile": "...", "gzipFile": "..." } }
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, pages: { type: 'string' } } });
if (!values.port || !values.pages) throw new Error('Usage: ceiling-server.mjs --port <port> --pages <file>');

const pages = new Map(
  Object.entries(JSON.parse(readFileSync(values.pages, 'utf8'))).map(([path, page]) => {
    const identity = readFileSync(page.identityFile);
    const gzip = readFileSync(page.gzipFile);
    const headers = (body, encoding) => ({
      'content-type': page.contentType,
      'content-length': String(body.length),
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    return [path, { identity, gzip, identityHeaders: headers(identity), gzipHeaders: headers(gzip, 'gzip') }];
  }),
);

createServer((req, res) => {
  const page = pages.get(req.url ?? '/');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, page.gzipHeaders).end(page.gzip);
  } else {
    res.writeHead(200, page.identityHeaders).end(page.identity);
  }
}).listen(Number(values.port), '127.0.0.1', () => {
  console.log(`[ceiling] serving ${pages.size} pages on http://127.0.0.1:${values.port}`);
});
