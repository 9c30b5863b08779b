#!/usr/bin/env node
// The soak: 50 concurrent readers on a mix of cached and never-seen pages for 60 s while editors
// change posts in WordPress (so the companion plugin fires real webhooks), through the production
// server. Reports requests, errors (the goal is none), p50/p99 latency and the server's memory at
// the start and the end (the goal is no growth beyond noise): resident memory, and the live heap
// after a full garbage collection, which is what tells a leak (scripts/live-memory.mjs). Not part
// of `npm test`.
//
// WordPress is the embedded instance's site served by native PHP when `php-cli` and
// `php-sqlite3` are installed (wordpress/dev/native-php.mjs explains why), by Playground
// otherwise — the report says which. `--wordpress playground` forces Playground.
//   node scripts/soak.mjs [--readers 50] [--seconds 60] [--warm-seconds 30] [--edit-every 5] [--skip-build]
//                         [--wordpress native|playground]
import { readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { findNativePhp } from '../wordpress/dev/native-php.mjs';
import { connectToInspector } from './live-memory.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';
import { freePort } from './redis.mjs';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'warm-seconds': { type: 'string', default: '30' },
    'edit-every': { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
    wordpress: { type: 'string' },
  },
});
const wordpressServer = values.wordpress ?? (findNativePhp() ? 'native' : 'playground');
if (!['native', 'playground'].includes(wordpressServer)) {
  throw new Error(`--wordpress must be native or playground, not "${values.wordpress}"`);
}
const READERS = Number(values.readers);
const SECONDS = Number(values.seconds);
const WARM_SECONDS = Number(values['warm-seconds']);
const EDIT_EVERY_MS = Number(values['edit-every']) * 1000;
const APP_PORT = 3450;
/** Growth of the live heap over the soak's second half that still counts as noise. */
const MEMORY_NOISE = 0.1;
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

/** READERS readers, each opening a random one of `paths` after another, for `seconds`. */
async function readConcurrently(paths, seconds, onAnswer) {
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < deadline) {
        const path = paths[Math.floor(Math.random() * paths.length)] ?? '/';
        onAnswer(path, await read(path));
      }
    }),
  );
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
    server: wordpressServer,
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
  } else {
    // What earlier runs cached on request (pages and WordPress answers) goes; what the build
    // prerendered stays: the same starting point as after a build.
    for (const folder of ['.next/server/route-cache', '.next/cache/fetch-cache']) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const appLog = join(tmpdir(), `broadsheet-soak-${process.pid}.log`);
  // The inspector lets the soak read the server's live heap after a full collection.
  const inspectorPort = await freePort();
  const app = startServer(
    process.execPath,
    [`--inspect=127.0.0.1:${inspectorPort}`, 'server.mjs', '--port', String(APP_PORT)],
    { env, logFile: appLog },
  );
  stoppers.push(app.stop);
  await waitForUrl(`${appUrl}/`, { child: app.child });
  const inspector = await connectToInspector(inspectorPort);
  stoppers.push(async () => inspector.close());

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

  // The same workload — readers and editors — on the warmed pages only, before anything is
  // measured: the server's heap and allocator grow to their working size once, and that is the
  // memory the soak starts from. Otherwise the start would be an idle process and the "growth"
  // mere sizing; a leak still shows as growth from there (and in the samples every 10 s).
  console.log(
    `[soak] warm-up: ${READERS} readers on the ${warm.length} warmed URLs, editors on, for ${WARM_SECONDS} s…`,
  );
  await readConcurrently(warm, WARM_SECONDS, () => {});
  const memoryAtStart = residentMegabytes(app.child.pid);
  const liveAtStart = await inspector.measure();
  const editsBeforeSoak = edits;

  console.log(`[soak] ${READERS} readers on ${urls.length} URLs (${warm.length} warmed) for ${SECONDS} s…`);
  const latencies = [];
  const errors = new Map();
  // The curve, not just two points: caches filling level off, a leak keeps climbing.
  const memorySamples = [];
  const sampler = setInterval(() => memorySamples.push(residentMegabytes(app.child.pid)), 10_000);
  // Halfway, once every page has been rendered and cached at least once: the live heap then and
  // at the end differ only by what is kept per request — a leak.
  let liveAtMiddle = null;
  const middle = setTimeout(
    () => {
      void inspector.measure().then((measured) => (liveAtMiddle = measured));
    },
    (SECONDS * 1000) / 2,
  );
  await readConcurrently(urls, SECONDS, (path, { status, ms }) => {
    latencies.push(ms);
    if (status !== 200) errors.set(`${status} ${path}`, (errors.get(`${status} ${path}`) ?? 0) + 1);
  });
  clearInterval(editor);
  clearInterval(sampler);
  clearTimeout(middle);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const memoryAtEnd = residentMegabytes(app.child.pid);
  const liveAtEnd = await inspector.measure();

  latencies.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
  const report = {
    wordpress: wordpressServer === 'native' ? 'native PHP' : 'Playground (PHP in WebAssembly)',
    readers: READERS,
    seconds: SECONDS,
    urls: urls.length,
    edits: edits - editsBeforeSoak,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / SECONDS),
    errors: errorCount,
    errorSamples: Object.fromEntries([...errors.entries()].slice(0, 10)),
    p50Ms: Number(percentile(latencies, 0.5).toFixed(1)),
    p99Ms: Number(percentile(latencies, 0.99).toFixed(1)),
    residentMemoryMb: { start: memoryAtStart, everyTenSeconds: memorySamples, end: memoryAtEnd },
    liveHeapAfterFullGcMb: {
      start: liveAtStart.heapUsedMb,
      middle: liveAtMiddle?.heapUsedMb ?? null,
      end: liveAtEnd.heapUsedMb,
    },
    externalAfterFullGcMb: { start: liveAtStart.externalMb, end: liveAtEnd.externalMb },
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(`[soak] the app's log: ${appLog}`);
  const percent = (from, to) => `${(((to - from) / from) * 100).toFixed(1)} %`;
  // The leak check compares the middle and the end: from the start to the middle the heap also
  // takes in the pages first rendered during the soak (their caches), which is not a leak.
  const leakBase = liveAtMiddle ?? liveAtStart;
  const liveGrowth = (liveAtEnd.heapUsedMb - leakBase.heapUsedMb) / leakBase.heapUsedMb;
  console.log(
    `[soak] errors: ${errorCount === 0 ? 'none (goal met)' : `${errorCount} (goal: none)`}; ` +
      `live heap after a full GC ${liveAtStart.heapUsedMb} MB at the start, ${liveAtMiddle?.heapUsedMb ?? '?'} MB ` +
      `halfway (every page cached by then), ${liveAtEnd.heapUsedMb} MB at the end: ` +
      `${percent(leakBase.heapUsedMb, liveAtEnd.heapUsedMb)} over the second half, ` +
      `${liveGrowth <= MEMORY_NOISE ? 'within' : 'beyond'} the ${MEMORY_NOISE * 100} % noise allowance; ` +
      `resident ${memoryAtStart} → ${memoryAtEnd} MB (${percent(memoryAtStart, memoryAtEnd)})`,
  );
  failed = errorCount > 0 || liveGrowth > MEMORY_NOISE;
} catch (error) {
  failed = true;
  console.error(`[soak] ${error instanceof Error ? error.message : error}`);
} finally {
  agent.destroy();
  await stopAll();
}
process.exit(failed ? 1 : 0);
