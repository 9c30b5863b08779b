#!/usr/bin/env node
// The soak: 50 concurrent readers on a mix of cached and never-seen pages for 60 s while editors
// change posts in WordPress (so the companion plugin fires real webhooks), through the production
// server. Reports requests, errors (the goal is none), p50/p99 latency and the server's memory at
// the start and the end (the goal is no growth beyond noise). Not part of `npm test`.
//   node scripts/soak.mjs [--readers 50] [--seconds 60] [--edit-every 5] [--skip-build]
import { readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'edit-every': { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const READERS = Number(values.readers);
const SECONDS = Number(values.seconds);
const EDIT_EVERY_MS = Number(values['edit-every']) * 1000;
const APP_PORT = 3450;
const WORDPRESS_PORT = 9450;
const appUrl = `http://127.0.0.1:${APP_PORT}`;

const stoppers = [];
const stopAll = async () => {
  while (stoppers.length) await stoppers.pop()();
};
onShutdown(stopAll);

/** Resident memory of a process (and its threads), in MB, from the kernel's own accounting. */
function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

function percentile(sorted, fraction) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

const agent = new Agent({ keepAlive: true, maxSockets: READERS });

/** One GET as a browser would send it; resolves with status and milliseconds, never rejects. */
function read(path) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${appUrl}${path}`,
      { agent, headers: { 'accept-encoding': 'gzip, br', accept: 'text/html' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

async function wordpressJson(site, route, params = {}) {
  const url = new URL(`${site.url}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const response = await fetch(url);
  return response.json();
}

let failed = false;
try {
  const site = await startEmbeddedWordPress({
    name: 'soak',
    port: WORDPRESS_PORT,
    frontendUrl: appUrl,
    log: (line) => console.log(`[wordpress] ${line}`),
  });
  stoppers.push(site.stop);
  const env = { ...process.env, ...site.env, SITE_URL: appUrl, NODE_ENV: 'production' };
  if (!values['skip-build']) {
    rmSync('.next', { recursive: true, force: true });
    await runToCompletion(process.execPath, [join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      env,
      label: 'next build',
    });
  }
  const app = startServer(process.execPath, ['server.mjs', '--port', String(APP_PORT)], {
    env,
    stdio: 'ignore',
  });
  stoppers.push(app.stop);
  await waitForUrl(`${appUrl}/`, { child: app.child });

  // Every public URL of the site, from WordPress; half are read now (cached), half are first
  // seen during the soak (rendered then, under load).
  const posts = [];
  for (let page = 1; ; page++) {
    const batch = await wordpressJson(site, '/wp/v2/posts', {
      per_page: 100,
      page,
      _fields: 'id,link,title',
    });
    if (!Array.isArray(batch) || batch.length === 0) break;
    posts.push(...batch);
    if (batch.length < 100) break;
  }
  const terms = [
    ...(await wordpressJson(site, '/wp/v2/categories', { per_page: 100, _fields: 'link' })),
    ...(await wordpressJson(site, '/wp/v2/tags', { per_page: 100, _fields: 'link' })),
    ...(await wordpressJson(site, '/wp/v2/users', { per_page: 100, _fields: 'link' })),
  ];
  const pathOf = (link) => new URL(link).pathname;
  const urls = [
    '/',
    '/page/2/',
    '/feed/',
    '/sitemap.xml',
    ...posts.map((post) => pathOf(post.link)),
    ...terms.map((term) => pathOf(term.link)),
  ];
  const warm = urls.filter((_, index) => index % 2 === 0);
  for (const path of warm) await read(path);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const memoryAtStart = residentMegabytes(app.child.pid);

  // Editors: a title change every few seconds, through WordPress and its companion plugin.
  const credentials = Buffer.from(
    `${site.env.WORDPRESS_PREVIEW_USER}:${site.env.WORDPRESS_APPLICATION_PASSWORD}`,
  ).toString('base64');
  let edits = 0;
  const editor = setInterval(async () => {
    const post = posts[Math.floor(Math.random() * posts.length)];
    if (!post) return;
    const url = new URL(`${site.url}/`);
    url.searchParams.set('rest_route', `/wp/v2/posts/${post.id}`);
    const response = await fetch(url, {
      method: 'POST',
      headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `Soaked ${Date.now()}` }),
    }).catch(() => null);
    if (response?.ok) edits += 1;
  }, EDIT_EVERY_MS);

  console.log(`[soak] ${READERS} readers on ${urls.length} URLs (${warm.length} warmed) for ${SECONDS} s…`);
  const latencies = [];
  const errors = new Map();
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < deadline) {
        const path = urls[Math.floor(Math.random() * urls.length)] ?? '/';
        const { status, ms } = await read(path);
        latencies.push(ms);
        if (status !== 200) errors.set(`${status} ${path}`, (errors.get(`${status} ${path}`) ?? 0) + 1);
      }
    }),
  );
  clearInterval(editor);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const memoryAtEnd = residentMegabytes(app.child.pid);

  latencies.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
  const report = {
    readers: READERS,
    seconds: SECONDS,
    urls: urls.length,
    edits,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / SECONDS),
    errors: errorCount,
    errorSamples: Object.fromEntries([...errors.entries()].slice(0, 10)),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p99Ms: Number(percentile(latencies, 0.99).toFixed(1)),
    memoryMb: { start: memoryAtStart, end: memoryAtEnd },
  };
  console.log(JSON.stringify(report, null, 2));
  const growth = (memoryAtEnd - memoryAtStart) / memoryAtStart;
  console.log(
    `[soak] errors: ${errorCount === 0 ? 'none (goal met)' : `${errorCount} (goal: none)`}; ` +
      `memory ${memoryAtStart} → ${memoryAtEnd} MB (${(growth * 100).toFixed(1)} %)`,
  );
  failed = errorCount > 0;
} catch (error) {
  failed = true;
  console.error(`[soak] ${error instanceof Error ? error.message : error}`);
} finally {
  agent.destroy();
  await stopAll();
}
process.exit(failed ? 1 : 0);
