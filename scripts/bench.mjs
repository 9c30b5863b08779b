#!/usr/bin/env node
// npm run bench: how fast Broadsheet serves cached pages, against plain `next start` of the same
// build (the baseline) and a bare Node server writing the same bytes pre-compressed (the
// ceiling), all measured in one run on one machine; plus what readers cost WordPress. Prints a
// table and the goals' verdicts, and writes everything as JSON to bench-results/. Figures are
// reported, never asserted: this is not part of `npm test`.
//
//   node scripts/bench.mjs [--duration 10] [--soak 60] [--cold-articles 5] [--quick]
//                          [--load-generator wrk|autocannon] [--wordpress native|playground] [--reset]
//
// Everything runs against its own embedded WordPress (instance "benchmark"), reached through a
// counting proxy so WordPress requests are counted, not assumed — served by native PHP when
// `php-cli` and `php-sqlite3` are installed, by Playground otherwise (wordpress/dev/native-php.mjs
// says why; the report names which). Everything started here is stopped here, pass or fail.
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { findNativePhp } from '../wordpress/dev/native-php.mjs';
import { startCountingProxy } from './bench/counting-proxy.mjs';
import { measureRequestsPerEdit, measureUnderEdits } from './bench/editing.mjs';
import { GOALS, evaluateEditingGoals, evaluateGoals, formatMegabytes, ratio } from './bench/goals.mjs';
import { describeResponse, getRaw, readResidentBytes, sendSignedWebhook } from './bench/http.mjs';
import { chooseLoadGenerator } from './bench/load.mjs';
import { connectToInspector } from './live-memory.mjs';
import { formatMs, formatRate, formatShare, formatTable, formatTimes } from './bench/table.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';
import { freePort } from './redis.mjs';
import { startVarnish } from './varnish.mjs';
import { readWordPress } from './wordpress-rest.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    soak: { type: 'string' },
    'cold-articles': { type: 'string' },
    quick: { type: 'boolean', default: false },
    'load-generator': { type: 'string' },
    reset: { type: 'boolean', default: false },
    wordpress: { type: 'string' },
  },
});
const wordpressServer = values.wordpress ?? (findNativePhp() ? 'native' : 'playground');
if (!['native', 'playground'].includes(wordpressServer)) {
  throw new Error(`--wordpress must be native or playground, not "${values.wordpress}"`);
}

function positiveNumber(name, value, fallback) {
  const number = Number(value ?? fallback);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number`);
  return number;
}

const settings = {
  /** Seconds per load run of the comparison table. */
  seconds: positiveNumber('duration', values.duration, values.quick ? 3 : 10),
  /** Seconds at c=50 between the two memory readings. */
  soakSeconds: positiveNumber('soak', values.soak, values.quick ? 15 : 60),
  /** Seconds of load per page before anything is measured. */
  warmupSeconds: values.quick ? 2 : 5,
  /** Idle seconds before memory is read, so the reading follows the load, not one collection. */
  memorySettleSeconds: values.quick ? 5 : 10,
  coldArticles: Math.round(positiveNumber('cold-articles', values['cold-articles'], values.quick ? 3 : 5)),
  staleBurstRequests: 100,
  connections: [10, 50],
  encodings: /** @type {const} */ (['gzip', 'identity']),
};

// Its own instance, so the counting proxy can own the site's port from the first seed on.
const WORDPRESS = { name: 'benchmark', port: 9441, sitePort: 9440 };
const nextBin = join('node_modules', 'next', 'dist', 'bin', 'next');
const resultsFolder = 'bench-results';
const GZIP = { 'accept-encoding': 'gzip' };

const stoppers = [];
async function stopAll() {
  while (stoppers.length) await stoppers.pop()();
}
onShutdown(stopAll);

const log = (line) => console.log(`[bench] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Requests a URL until the cache header says `expected` (a page's first request renders it,
 * the next ones are hits), so load runs never include a render.
 */
async function warmUntil(url, cacheHeader, expected, headers = GZIP) {
  let last = null;
  for (let attempt = 0; attempt < 8; attempt++) {
    last = await getRaw(url, headers);
    if (last.status === 200 && last.headers[cacheHeader] === expected) return last;
    await sleep(250);
  }
  throw new Error(
    `${url} did not become a cache hit (last answer ${last?.status}, ${cacheHeader}: ${last?.headers[cacheHeader]})`,
  );
}

/** The pages measured everywhere, and the articles rendered cold, read from WordPress itself. */
async function choosePages(wordpressUrl) {
  const read = (route, params) => readWordPress(wordpressUrl, route, params);
  const posts = (
    await read('/wp/v2/posts', {
      per_page: '100',
      _fields: 'id,slug,link,status,author,categories,tags,date_gmt,sticky,content.protected',
    })
  ).filter((post) => !post.content?.protected);
  const categories = await read('/wp/v2/categories', { per_page: '100', _fields: 'id,slug,link,count' });
  const [article, ...others] = posts;
  const archive = [...categories].sort((a, b) => b.count - a.count)[0];
  if (!article || !archive || others.length < settings.coldArticles) {
    throw new Error('The benchmark WordPress has too few posts or categories; rerun with --reset');
  }
  const pathOf = (link) => new URL(link).pathname;
  return {
    measured: [
      { name: 'article', path: pathOf(article.link) },
      { name: 'home', path: '/' },
      { name: 'archive', path: pathOf(archive.link) },
    ],
    article: {
      path: pathOf(article.link),
      slug: article.slug,
      // What the companion plugin sends when this post is updated.
      webhookObject: {
        id: article.id,
        post_type: 'post',
        slug: article.slug,
        status: article.status,
        path: pathOf(article.link),
        author: article.author,
        categories: article.categories,
        tags: article.tags,
        date_gmt: article.date_gmt,
        sticky: article.sticky === true,
        // The benchmark's edit changes the text only, so the post stays where it is listed.
        lists_unchanged: true,
      },
    },
    // Spread over the list, so they are not all the newest posts.
    coldArticles: Array.from({ length: settings.coldArticles }, (_, index) => {
      const post = others[Math.floor((index * others.length) / settings.coldArticles)];
      return { path: pathOf(post.link), slug: post.slug };
    }),
  };
}

/**
 * Load runs for every measured page, concurrency and encoding, the servers taking turns on
 * each, so a change in the machine's other load shifts all of them alike rather than one.
 */
async function measureMatrix(load, servers, pages) {
  const runs = [];
  for (const page of pages) {
    for (const connections of settings.connections) {
      for (const encoding of settings.encodings) {
        for (const server of servers) {
          const url = `${server.origin}${page.path}`;
          const headers = encoding === 'gzip' ? GZIP : {};
          const run = { server: server.name, page: page.name, path: page.path, connections, encoding };
          try {
            run.preflight = describeResponse(await getRaw(url, headers));
            run.loadAverage = loadavg()[0] ?? 0;
            run.result = await load.run({ url, connections, seconds: settings.seconds, headers });
            log(
              `${server.name} ${page.name} c=${connections} ${encoding}: ${formatRate(run.result.requestsPerSecond)} req/s, p99 ${formatMs(run.result.latencyMs.p99)} ms`,
            );
          } catch (error) {
            run.error = error instanceof Error ? error.message : String(error);
            log(`${server.name} ${page.name} c=${connections} ${encoding}: failed: ${run.error}`);
          }
          runs.push(run);
        }
      }
    }
  }
  return runs;
}

/**
 * WordPress requests per cold render and per cache hit, one article at a time: counters reset,
 * one request, background work allowed to finish, counters read.
 */
async function measureColdRenders(origin, proxy, articles) {
  const renders = [];
  for (const article of articles) {
    const url = `${origin}${article.path}`;
    proxy.reset();
    const cold = await getRaw(url, GZIP);
    await proxy.waitUntilQuiet({ quietMs: 500 });
    const coldCounts = proxy.counts();
    proxy.reset();
    const hit = await getRaw(url, GZIP);
    await proxy.waitUntilQuiet({ quietMs: 500 });
    const hitCounts = proxy.counts();
    renders.push({
      path: article.path,
      status: cold.status,
      renderMs: cold.ms,
      upstreamRequests: coldCounts.total,
      upstream: coldCounts.byRequest,
      hit: describeResponse(hit),
      hitMs: hit.ms,
      hitUpstreamRequests: hitCounts.total,
    });
    log(
      `cold ${article.path}: ${cold.status} in ${formatMs(cold.ms)} ms, ${coldCounts.total} WordPress request(s); ` +
        `again: ${hit.headers['x-broadsheet-cache'] ?? '?'} in ${formatMs(hit.ms)} ms, ${hitCounts.total}`,
    );
  }
  return renders;
}

/**
 * Marks the article stale as an edit in WordPress would (the companion plugin's signed
 * webhook), fires concurrent requests at it, then reads it until it is served fresh, and counts
 * what reaches WordPress until the refresh has finished.
 */
async function measureStaleBurst(origin, proxy, article, secret) {
  const url = `${origin}${article.path}`;
  await warmUntil(url, 'x-broadsheet-cache', 'HIT');
  await proxy.waitUntilQuiet({ quietMs: 500 });
  proxy.reset();
  const webhook = await sendSignedWebhook(origin, secret, {
    type: 'post',
    action: 'updated',
    object: article.webhookObject,
  });
  if (webhook.status !== 200) throw new Error(`The revalidation webhook was refused (${webhook.status})`);
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: settings.staleBurstRequests }, () => getRaw(url, GZIP, agent)),
  );
  const burstMs = performance.now() - started;
  // Readers keep coming: a page rendered moments before the edit is rendered again once it is
  // old enough (serving/page-cache.mjs, MIN_RENDER_INTERVAL_MS); read it until it is fresh.
  let freshAfterMs = null;
  for (let attempt = 0; attempt < 100 && freshAfterMs === null; attempt++) {
    const answer = await getRaw(url, GZIP);
    if (['HIT', 'MISS'].includes(String(answer.headers['x-broadsheet-cache'])))
      freshAfterMs = performance.now() - started;
    else await sleep(100);
  }
  const quiet = await proxy.waitUntilQuiet({ quietMs: 2000, timeoutMs: 60_000 });
  const counts = proxy.counts();
  /** @type {Record<string, number>} */
  const answered = {};
  for (const answer of answers) {
    const key = `${answer.status} ${answer.headers['x-nextjs-cache'] ?? answer.headers['x-broadsheet-cache'] ?? ''}`;
    answered[key] = (answered[key] ?? 0) + 1;
  }
  const after = await getRaw(url, GZIP);
  const result = {
    requests: settings.staleBurstRequests,
    revalidatedTags: webhook.revalidated.length,
    answered,
    burstMs,
    freshAfterMs,
    slowestMs: Math.max(...answers.map((answer) => answer.ms)),
    refreshes: counts.byRequest[`/wp/v2/posts?slug=${article.slug}`] ?? 0,
    upstreamTotal: counts.total,
    upstream: counts.byRequest,
    upstreamUrls: counts.urls,
    settled: quiet,
    afterwards: describeResponse(after),
  };
  log(
    `stale burst: ${result.requests} requests answered ${JSON.stringify(answered)} in ${formatMs(burstMs)} ms; ` +
      `WordPress saw ${result.refreshes} request(s) for the post, ${result.upstreamTotal} in all ${JSON.stringify(result.upstream)}`,
  );
  return result;
}

/**
 * Starts the ceiling (scripts/bench/ceiling-server.mjs) with the exact bytes Broadsheet sends
 * for each page, identity and gzip, read from Broadsheet's server now.
 */
async function startCeilingServer(broadsheetOrigin, pages, port, logFd) {
  const folder = mkdtempSync(join(tmpdir(), 'broadsheet-ceiling-'));
  const manifest = {};
  for (const [index, page] of pages.entries()) {
    const identity = await getRaw(`${broadsheetOrigin}${page.path}`);
    const gzip = await getRaw(`${broadsheetOrigin}${page.path}`, GZIP);
    if (gzip.headers['content-encoding'] !== 'gzip') throw new Error(`${page.path} was not sent gzipped`);
    manifest[page.path] = {
      contentType: String(identity.headers['content-type'] ?? 'text/html'),
      identityFile: join(folder, `${index}.html`),
      gzipFile: join(folder, `${index}.html.gz`),
    };
    writeFileSync(manifest[page.path].identityFile, identity.body);
    writeFileSync(manifest[page.path].gzipFile, gzip.body);
  }
  writeFileSync(join(folder, 'pages.json'), JSON.stringify(manifest));
  const server = startServer(
    process.execPath,
    ['scripts/bench/ceiling-server.mjs', '--port', String(port), '--pages', join(folder, 'pages.json')],
    { stdio: ['ignore', logFd, logFd] },
  );
  const stop = async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(`${origin}/`, { child: server.child });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

/** A short load on each page first, so no server is measured while its code is still cold. */
async function warmUpUnderLoad(load, origin, pages) {
  for (const page of pages) {
    await load.run({
      url: `${origin}${page.path}`,
      connections: 50,
      seconds: settings.warmupSeconds,
      headers: GZIP,
    });
  }
}

/**
 * The server's resident memory after `settings.memorySettleSeconds` idle: the median of five
 * readings a second apart, so a reading taken in the middle of a collection does not decide.
 */
async function settledResidentBytes(pid) {
  await sleep(settings.memorySettleSeconds * 1000);
  const readings = [];
  for (let reading = 0; reading < 5; reading++) {
    const bytes = readResidentBytes(pid);
    if (bytes !== null) readings.push(bytes);
    await sleep(1000);
  }
  readings.sort((a, b) => a - b);
  return readings.length ? (readings[Math.floor(readings.length / 2)] ?? null) : null;
}

/** Resident memory sampled every second while `work` runs. */
async function sampleMemoryDuring(pid, work) {
  const samples = [];
  const timer = setInterval(() => {
    const bytes = readResidentBytes(pid);
    if (bytes !== null) samples.push(bytes);
  }, 1000);
  try {
    const result = await work();
    return { result, samples };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Issue 18's figures, on Broadsheet's own server: the article through Varnish against the
 * ceiling (the same bytes, one run after the other), then the home page and an article the edits
 * do not touch under an edit a second to the measured article, then WordPress requests per edit.
 * A failure here is reported and leaves the rest of the benchmark standing.
 */
async function measureEditing(
  load,
  broadsheetOrigin,
  ceilingOrigin,
  proxy,
  pages,
  wordpressEnv,
  broadsheetPort,
) {
  const secret = wordpressEnv.BROADSHEET_SECRET;
  const edited = pages.article.webhookObject;
  try {
    const varnish = await startVarnish({ port: await freePort(), backendPorts: [broadsheetPort] });
    stoppers.push(varnish.stop);
    const articleUrl = (origin) => `${origin}${pages.article.path}`;
    await warmUntil(articleUrl(varnish.url), 'x-varnish-cache', 'HIT');
    const run = (origin) =>
      load.run({ url: articleUrl(origin), connections: 50, seconds: settings.seconds, headers: GZIP });
    await run(varnish.url);
    const ceilingRun = await run(ceilingOrigin);
    const varnishRun = await run(varnish.url);
    report.editing.varnish = {
      varnish: varnishRun.requestsPerSecond,
      varnishP99Ms: varnishRun.latencyMs.p99,
      ceiling: ceilingRun.requestsPerSecond,
      ceilingP99Ms: ceilingRun.latencyMs.p99,
    };
    log(
      `article through Varnish, gzip, c=50: ${formatRate(varnishRun.requestsPerSecond)} req/s; ceiling ${formatRate(ceilingRun.requestsPerSecond)}`,
    );
    await varnish.stop();
    stoppers.splice(stoppers.indexOf(varnish.stop), 1);

    const unedited = pages.coldArticles[0];
    const editingPages = [
      { name: 'home', path: '/' },
      { name: 'unedited article', path: unedited.path },
    ];
    for (const page of editingPages)
      await warmUntil(`${broadsheetOrigin}${page.path}`, 'x-broadsheet-cache', 'HIT');
    report.editing.underEdits = await measureUnderEdits({
      load,
      origin: broadsheetOrigin,
      proxy,
      secret,
      edited,
      pages: editingPages,
      seconds: settings.seconds,
      log,
    });
    const readPages = [
      { name: 'edited article', path: pages.article.path },
      ...pages.measured.filter((page) => page.name !== 'article'),
      { name: 'unedited article', path: unedited.path },
    ];
    // The lists among them that show the edited post: the goal's allowance.
    let listsShowingPost = 0;
    for (const page of pages.measured.filter((page) => page.name !== 'article')) {
      const answer = await getRaw(`${broadsheetOrigin}${page.path}`);
      if (answer.body.toString('utf8').includes(`href="${pages.article.path}"`)) listsShowingPost += 1;
    }
    const settleDelayMs = Number(wordpressEnv.WORDPRESS_TIMEOUT_MS ?? 8000) + 2000;
    // The runs under edits left their last edit's settling revalidation pending (it comes the
    // settle delay after the edit, lib/revalidation/request.ts): it would land in this count.
    log(`waiting ${Math.round(settleDelayMs / 1000)} s for the last edit's settling revalidation…`);
    await sleep(settleDelayMs + 1000);
    await proxy.waitUntilQuiet({ quietMs: 1000, timeoutMs: 60_000 });
    const perEdit = await measureRequestsPerEdit({
      origin: broadsheetOrigin,
      proxy,
      secret,
      edited,
      pages: readPages,
      settleDelayMs,
    });
    report.editing.perEdit = { ...perEdit, listsShowingPost };
    log(
      `one edit: ${perEdit.firstRound} WordPress request(s) at once, ${perEdit.settleRound} after the settle delay ` +
        `(${JSON.stringify(perEdit.requested)}); lists showing the post: ${listsShowingPost}`,
    );
  } catch (error) {
    report.editing.error = error instanceof Error ? error.message : String(error);
    log(`tag-precise invalidation: failed: ${report.editing.error}`);
  }
}

function printReport(report) {
  const find = (server, page, connections, encoding) =>
    report.throughput.find(
      (run) =>
        run.server === server &&
        run.page === page &&
        run.connections === connections &&
        run.encoding === encoding,
    )?.result;
  const rows = [];
  for (const page of report.pages.measured) {
    for (const connections of settings.connections) {
      for (const encoding of settings.encodings) {
        const ours = find('broadsheet', page.name, connections, encoding);
        const baseline = find('next-start', page.name, connections, encoding);
        const ceiling = find('ceiling', page.name, connections, encoding);
        rows.push([
          page.name,
          String(connections),
          encoding === 'gzip' ? 'gzip' : 'none',
          formatRate(ours?.requestsPerSecond),
          formatMs(ours?.latencyMs.p99),
          formatRate(baseline?.requestsPerSecond),
          formatMs(baseline?.latencyMs.p99),
          formatRate(ceiling?.requestsPerSecond),
          formatMs(ceiling?.latencyMs.p99),
          formatTimes(ratio(ours?.requestsPerSecond, baseline?.requestsPerSecond)),
          formatShare(ratio(ours?.requestsPerSecond, ceiling?.requestsPerSecond)),
        ]);
      }
    }
  }
  const right = (title) => ({ title, align: /** @type {const} */ ('right') });
  console.log(`\nWordPress: ${report.wordpress}.`);
  console.log(
    `\nCached pages (${report.loadGenerator.name} ${report.loadGenerator.version}, ${settings.seconds} s per run; ` +
      `${report.machine.cpus} CPUs, load average ${report.machine.loadAverageBefore.toFixed(1)} before, ` +
      `${report.machine.loadAverageAfter.toFixed(1)} after: figures on a shared machine are noisy)\n`,
  );
  console.log(
    formatTable(
      [
        { title: 'page' },
        right('c'),
        { title: 'enc' },
        right('Broadsheet req/s'),
        right('p99 ms'),
        right('next start req/s'),
        right('p99 ms'),
        right('ceiling req/s'),
        right('p99 ms'),
        right('× next start'),
        right('of ceiling'),
      ],
      rows,
    ),
  );
  console.log('\nCold renders (Broadsheet, articles never requested before)\n');
  console.log(
    formatTable(
      [
        { title: 'article' },
        right('render ms'),
        right('WordPress requests'),
        right('then hit ms'),
        right('WordPress requests'),
        { title: 'what was requested' },
      ],
      report.coldRenders.map((render) => [
        render.path,
        formatMs(render.renderMs),
        String(render.upstreamRequests),
        formatMs(render.hitMs),
        String(render.hitUpstreamRequests),
        Object.entries(render.upstream)
          .map(([request, count]) => (count > 1 ? `${request} ×${count}` : request))
          .join(', '),
      ]),
    ),
  );
  const burst = report.staleBurst;
  if (burst) {
    console.log(
      `\nStale page: ${burst.requests} concurrent requests after a webhook (${burst.revalidatedTags} tags) were ` +
        `answered ${Object.entries(burst.answered)
          .map(([kind, count]) => `${count}× ${kind}`)
          .join(', ')} within ${formatMs(burst.burstMs)} ms, served fresh again after ` +
        `${burst.freshAfterMs === null ? 'more than 10 s' : `${formatMs(burst.freshAfterMs)} ms`}; WordPress saw ${burst.refreshes} request(s) ` +
        `for the post and ${burst.upstreamTotal} in all (${Object.entries(burst.upstream)
          .map(([request, count]) => `${request} ×${count}`)
          .join(', ')}).`,
    );
  }
  const memory = report.memory;
  console.log(
    `Memory (resident, Broadsheet's server, after ${settings.memorySettleSeconds} s idle): ${formatMegabytes(memory.atStartBytes)} at start, ` +
      `${formatMegabytes(memory.afterWarmupBytes)} after warm-up, ${formatMegabytes(memory.afterSoakBytes)} after ` +
      `${memory.soakSeconds} s at c=50 (peak ${formatMegabytes(memory.peakBytes)}, ${formatRate(memory.soakRequestsPerSecond)} req/s).`,
  );
  if (memory.liveAfterWarmup && memory.liveAfterSoak) {
    console.log(
      `Live heap after a full collection: ${memory.liveAfterWarmup.heapUsedMb} MB after warm-up, ` +
        `${memory.liveAfterSoak.heapUsedMb} MB after the soak (external ${memory.liveAfterWarmup.externalMb} → ` +
        `${memory.liveAfterSoak.externalMb} MB).`,
    );
  }
  const editing = report.editing;
  if (editing.underEdits.length > 0) {
    console.log('\nUnder an edit a second to the measured article (Broadsheet, gzip, c=50)\n');
    console.log(
      formatTable(
        [
          { title: 'page' },
          right('no edits req/s'),
          right('editing req/s'),
          right('share'),
          right('edits'),
          right('WordPress requests'),
        ],
        editing.underEdits.map((row) => [
          row.page,
          formatRate(row.noEditsRequestsPerSecond),
          formatRate(row.underEditsRequestsPerSecond),
          formatShare(row.share),
          String(row.edits),
          String(row.wordpressRequests),
        ]),
      ),
    );
  }
  if (editing.error) console.log(`\nTag-precise invalidation figures incomplete: ${editing.error}`);
  console.log('\nGoals\n');
  for (const verdict of report.goals) {
    const mark = verdict.pass === null ? 'n/a ' : verdict.pass ? 'PASS' : 'FAIL';
    console.log(`${mark}  ${verdict.goal}: ${verdict.measured}`);
  }
}

const started = Date.now();
const report = {
  startedAt: new Date(started).toISOString(),
  settings,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageBefore: loadavg()[0] ?? 0,
    loadAverageAfter: 0,
  },
  loadGenerator: null,
  wordpress: wordpressServer === 'native' ? 'native PHP' : 'Playground (PHP in WebAssembly)',
  buildSeconds: null,
  pages: null,
  throughput: [],
  coldRenders: [],
  staleBurst: null,
  /** Issue 18: throughput under an edit a second, WordPress requests per edit, Varnish in front. */
  editing: { underEdits: [], perEdit: null, varnish: null, error: null },
  memory: {
    atStartBytes: null,
    afterWarmupBytes: null,
    afterSoakBytes: null,
    peakBytes: null,
    soakSeconds: settings.soakSeconds,
    soakRequestsPerSecond: null,
    /** The live heap after a full collection, when RSS alone cannot tell a leak from sizing. */
    liveAfterWarmup: null,
    liveAfterSoak: null,
    samples: [],
  },
  goals: [],
};
let failed = false;
try {
  mkdirSync(resultsFolder, { recursive: true });
  const load = await chooseLoadGenerator(values['load-generator']);
  report.loadGenerator = { name: load.name, version: load.version };
  log(`load generator: ${load.name} ${load.version}`);

  const wordpress = await startEmbeddedWordPress({
    ...WORDPRESS,
    server: wordpressServer,
    reset: values.reset,
    log: (line) => log(`wordpress: ${line}`),
  });
  stoppers.push(wordpress.stop);
  if (!wordpress.state.sitePort || wordpress.state.sitePort === wordpress.state.port) {
    throw new Error(
      `The "${WORDPRESS.name}" WordPress was seeded without a separate site port; rerun with --reset`,
    );
  }
  const proxy = await startCountingProxy({
    port: wordpress.state.sitePort,
    targetPort: wordpress.state.port,
  });
  stoppers.push(() => proxy.close());
  const pages = await choosePages(wordpress.url);
  report.pages = pages;

  const ports = { broadsheet: await freePort(), baseline: await freePort(), ceiling: await freePort() };
  const origin = (port) => `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...wordpress.env,
    SITE_URL: origin(ports.broadsheet),
    NODE_ENV: 'production',
  };
  // One instance with its own file-system cache and the fast layer on: what is measured is the
  // default single-server setup, whatever the calling shell has set.
  delete env.REDIS_URL;
  delete env.PAGE_CACHE;
  const serverLog = (name) => openSync(join(resultsFolder, `${name}.log`), 'w');

  log('building (next build)…');
  const buildStarted = Date.now();
  rmSync('.next', { recursive: true, force: true });
  await runToCompletion(process.execPath, [nextBin, 'build'], { env, label: 'next build' });
  report.buildSeconds = (Date.now() - buildStarted) / 1000;

  // Broadsheet's own server: counts, memory and the fast path's speed.
  const broadsheetLog = serverLog('broadsheet');
  // Its inspector lets the benchmark read the live heap after a full collection (live-memory.mjs).
  const inspectorPort = await freePort();
  const broadsheet = startServer(
    process.execPath,
    [
      `--inspect=127.0.0.1:${inspectorPort}`,
      'server.mjs',
      '--port',
      String(ports.broadsheet),
      '--hostname',
      '127.0.0.1',
    ],
    { env, stdio: ['ignore', broadsheetLog, broadsheetLog] },
  );
  stoppers.push(broadsheet.stop);
  const broadsheetOrigin = origin(ports.broadsheet);
  await waitForUrl(`${broadsheetOrigin}/`, { child: broadsheet.child, timeoutMs: 120_000 });
  const inspector = await connectToInspector(inspectorPort);
  stoppers.push(async () => inspector.close());
  const pid = broadsheet.child.pid ?? 0;
  report.memory.atStartBytes = readResidentBytes(pid);
  for (const page of pages.measured) {
    await warmUntil(`${broadsheetOrigin}${page.path}`, 'x-broadsheet-cache', 'HIT');
  }
  report.coldRenders = await measureColdRenders(broadsheetOrigin, proxy, pages.coldArticles);
  log(`warming up (${settings.warmupSeconds} s of load per page)…`);
  await warmUpUnderLoad(load, broadsheetOrigin, pages.measured);
  report.memory.afterWarmupBytes = await settledResidentBytes(pid);
  report.memory.liveAfterWarmup = await inspector.measure();
  log(`memory soak: ${settings.soakSeconds} s at c=50 on the article…`);
  const soak = await sampleMemoryDuring(pid, () =>
    load.run({
      url: `${broadsheetOrigin}${pages.article.path}`,
      connections: 50,
      seconds: settings.soakSeconds,
      headers: GZIP,
    }),
  );
  report.memory.afterSoakBytes = await settledResidentBytes(pid);
  report.memory.liveAfterSoak = await inspector.measure();
  report.memory.samples = soak.samples;
  report.memory.peakBytes = soak.samples.length ? Math.max(...soak.samples) : null;
  report.memory.soakRequestsPerSecond = soak.result.requestsPerSecond;

  const ceiling = await startCeilingServer(
    broadsheetOrigin,
    pages.measured,
    ports.ceiling,
    serverLog('ceiling'),
  );
  stoppers.push(ceiling.stop);
  const ceilingOrigin = ceiling.origin;

  // The baseline: plain `next start` of the same build, reading the same ISR cache.
  const baselineLog = serverLog('next-start');
  const baseline = startServer(
    process.execPath,
    [nextBin, 'start', '--port', String(ports.baseline), '--hostname', '127.0.0.1'],
    { env, stdio: ['ignore', baselineLog, baselineLog] },
  );
  stoppers.push(baseline.stop);
  const baselineOrigin = origin(ports.baseline);
  await waitForUrl(`${baselineOrigin}/`, { child: baseline.child, timeoutMs: 120_000 });
  for (const page of pages.measured) {
    await warmUntil(`${baselineOrigin}${page.path}`, 'x-nextjs-cache', 'HIT');
  }
  await warmUpUnderLoad(load, baselineOrigin, pages.measured);
  await warmUpUnderLoad(load, ceilingOrigin, pages.measured);

  report.throughput = await measureMatrix(
    load,
    [
      { name: 'broadsheet', origin: broadsheetOrigin },
      { name: 'next-start', origin: baselineOrigin },
      { name: 'ceiling', origin: ceilingOrigin },
    ],
    pages.measured,
  );
  await measureEditing(load, broadsheetOrigin, ceilingOrigin, proxy, pages, wordpress.env, ports.broadsheet);
  for (const server of [baseline, ceiling]) {
    await server.stop();
    stoppers.splice(stoppers.indexOf(server.stop), 1);
  }

  // Last on Broadsheet's server: the webhook empties its fast layer and marks pages stale.
  report.staleBurst = await measureStaleBurst(
    broadsheetOrigin,
    proxy,
    pages.article,
    wordpress.env.BROADSHEET_SECRET,
  );
} catch (error) {
  failed = true;
  console.error(`\n[bench] ${error instanceof Error ? (error.stack ?? error.message) : error}`);
} finally {
  await stopAll();
}

report.machine.loadAverageAfter = loadavg()[0] ?? 0;
const articleRun = (server) =>
  report.throughput.find(
    (run) =>
      run.server === server && run.page === 'article' && run.connections === 50 && run.encoding === 'gzip',
  )?.result ?? null;
report.goals = evaluateGoals({
  article: {
    broadsheet: articleRun('broadsheet'),
    baseline: articleRun('next-start'),
    ceiling: articleRun('ceiling'),
  },
  coldRenders: report.coldRenders,
  staleBurst: report.staleBurst,
  memory: report.memory,
});
report.goals.push(...evaluateEditingGoals(report.editing));
report.goalTargets = GOALS;
if (report.pages) printReport(report);
const file = join(resultsFolder, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `\n[bench] ${failed ? 'FAILED' : 'done'} in ${((Date.now() - started) / 1000).toFixed(0)} s; figures in ${file}`,
);
process.exit(failed ? 1 : 0);
