#!/usr/bin/env node
// npm run lighthouse: Lighthouse's mobile audit (its default config: a mid-range phone, simulated
// slow 4G and a 4× slower CPU) of the home page, an article with a hero image and a category
// archive, several runs each in a fresh headless Chromium; prints each page's median scores and
// metrics (LCP, TBT, CLS, FCP, SI), the opportunities most runs report, and how many React
// Server Components payloads the page prefetched on load. Figures are reported, never
// asserted: this is not part of `npm test`, and timings on a busy machine are noisy, so compare
// runs taken at the same time.
//
//   node scripts/lighthouse.mjs [--runs 3] [--url http://127.0.0.1:3000 [--path /a/ --path /b/]]
//                               [--skip-build] [--wordpress native|playground] [--json file] [--floor]
//
// Without --url it starts its own seeded WordPress (instance "lighthouse"), builds the app
// against it and serves the build with the production server, as `npm run bench` does, and
// stops everything it started at the end. With --url it audits a running site (its WordPress
// must be reachable at the WORDPRESS_URL of the environment, to choose the pages), or the given
// paths of any site (a plain Next.js app, to compare with).
//
// --floor also audits, in the same run, the framework's floor: a plain Next.js app of the same
// version (scripts/lighthouse/floor-app.mjs) showing the audited article's title, text and
// hero image, built and served by `next start`, once with the text alone and once with the hero.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { findNativePhp } from '../wordpress/dev/native-php.mjs';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { floorContentOf, writeFloorApp } from './lighthouse/floor-app.mjs';
import { CATEGORIES, METRICS, formatMetric, summarise } from './lighthouse/summary.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';
import { freePort } from './redis.mjs';
import { readWordPress } from './wordpress-rest.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    url: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    wordpress: { type: 'string' },
    json: { type: 'string' },
    path: { type: 'string', multiple: true },
    floor: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');
const wordpressServer = values.wordpress ?? (findNativePhp() ? 'native' : 'playground');
if (!['native', 'playground'].includes(wordpressServer)) {
  throw new Error(`--wordpress must be native or playground, not "${values.wordpress}"`);
}

/** Its own instance, on ports moved by E2E_PORT_OFFSET like the test run's. */
const WORDPRESS = { name: 'lighthouse', port: 9470 + Number(process.env.E2E_PORT_OFFSET ?? 0) };
const log = (line) => console.log(`[lighthouse] ${line}`);

const stoppers = [];
async function stopAll() {
  while (stoppers.length) await stoppers.pop()();
}
onShutdown(stopAll);

/** The audited pages: the front page, the newest article with a featured image, the biggest category. */
async function choosePages(wordpressUrl) {
  const read = (route, params) => readWordPress(wordpressUrl, route, params);
  const posts = await read('/wp/v2/posts', {
    per_page: '50',
    _fields: 'link,featured_media,content.protected',
  });
  const article = posts.find((post) => post.featured_media > 0 && !post.content?.protected);
  const categories = await read('/wp/v2/categories', { per_page: '100', _fields: 'link,count' });
  const archive = [...categories].sort((a, b) => b.count - a.count)[0];
  if (!article || !archive) throw new Error('WordPress has no article with a featured image or no category');
  const pathOf = (link) => new URL(link).pathname;
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: pathOf(article.link) },
    { name: 'archive', path: pathOf(archive.link) },
  ];
}

/** One Lighthouse run in a fresh browser (an empty cache, as a first visit). */
async function audit(url, chromePath) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

async function startSite() {
  const wordpress = await startEmbeddedWordPress({
    ...WORDPRESS,
    server: wordpressServer,
    log: (line) => log(`wordpress: ${line}`),
  });
  stoppers.push(wordpress.stop);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...process.env, ...wordpress.env, SITE_URL: origin, NODE_ENV: 'production' };
  // The default single-server setup, whatever the calling shell has set.
  delete env.REDIS_URL;
  delete env.PAGE_CACHE;
  if (!values['skip-build'] || !existsSync('.next/BUILD_ID')) {
    log('building (next build)…');
    rmSync('.next', { recursive: true, force: true });
    await runToCompletion(process.execPath, [join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      env,
      label: 'next build',
    });
  }
  const server = startServer(
    process.execPath,
    ['server.mjs', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env,
      prefix: '[server] ',
    },
  );
  stoppers.push(server.stop);
  await waitForUrl(`${origin}/`, { child: server.child, timeoutMs: 120_000 });
  return { origin, wordpressUrl: wordpress.url };
}

/** The floor app, built and served by `next start`; stopped with everything else. */
async function startFloorApp(wordpressUrl, articlePath) {
  const dir = join(process.cwd(), '.lighthouse-floor');
  const content = await floorContentOf(
    (route, params) => readWordPress(wordpressUrl, route, params),
    `${wordpressUrl}${articlePath}`,
  );
  writeFloorApp(dir, content);
  stoppers.push(async () => rmSync(dir, { recursive: true, force: true }));
  const next = join('node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  log('building the floor app (a plain Next.js page)…');
  await runToCompletion(process.execPath, [next, 'build', dir], { env, label: 'next build (floor)' });
  const port = await freePort();
  const server = startServer(
    process.execPath,
    [next, 'start', dir, '--port', String(port), '--hostname', '127.0.0.1'],
    {
      env,
      prefix: '[floor] ',
    },
  );
  stoppers.push(server.stop);
  const origin = `http://127.0.0.1:${port}`;
  await waitForUrl(`${origin}/`, { child: server.child, timeoutMs: 120_000 });
  return {
    origin,
    pages: [
      { name: 'floor: plain Next.js page, text', path: '/' },
      ...(content.hero ? [{ name: 'floor: plain Next.js page, text and the hero', path: '/hero/' }] : []),
    ],
  };
}

function printSummary(page, summary) {
  const scores = CATEGORIES.map((category) => `${category} ${summary.scores[category] ?? '–'}`).join(', ');
  const [low, high] = summary.performanceRange;
  log(
    `${page.name} (${page.path}), median of ${summary.runs}: ${scores} (performance ${low}–${high} over the runs)`,
  );
  log(
    `  ${METRICS.map(({ label }) => `${label} ${formatMetric(label, summary.metrics[label])}`).join(', ')}`,
  );
  log(
    `  JavaScript ${summary.scriptKilobytes} KB transferred, ${summary.rscPrefetches} RSC payloads prefetched on load; CPU benchmark index ${Math.round(summary.benchmarkIndex ?? 0)}`,
  );
  if (summary.erroredAudits.length > 0)
    log(`  audits this Chromium failed: ${summary.erroredAudits.join(', ')}`);
  for (const item of summary.opportunities) {
    log(
      `  - ${item.title} (${item.id})${item.savingsMs > 0 ? `: about ${Math.round(item.savingsMs)} ms` : ''}`,
    );
  }
}

function failWith(message) {
  throw new Error(message);
}

let failed = false;
try {
  const chromePath = (await findChromium()) ?? (await import('@playwright/test')).chromium.executablePath();
  const site = values.url
    ? { origin: values.url.replace(/\/$/, ''), wordpressUrl: process.env.WORDPRESS_URL }
    : await startSite();
  const pages = values.path
    ? values.path.map((path) => ({ name: path, path }))
    : await choosePages(
        site.wordpressUrl ??
          failWith('With --url, give --path or set WORDPRESS_URL so the pages can be chosen'),
      );
  // Each page rendered and cached before it is measured: readers get cached pages.
  for (const page of pages) {
    for (let request = 0; request < 2; request++)
      await (await fetch(`${site.origin}${page.path}`)).arrayBuffer();
  }
  const audited = pages.map((page) => ({ ...page, origin: site.origin }));
  if (values.floor) {
    const article = pages.find((page) => page.name === 'article');
    if (!article || !site.wordpressUrl)
      failWith('--floor needs the chosen pages (no --path) and WORDPRESS_URL');
    const floor = await startFloorApp(site.wordpressUrl, article.path);
    for (const page of floor.pages) {
      for (let request = 0; request < 2; request++)
        await (await fetch(`${floor.origin}${page.path}`)).arrayBuffer();
      audited.push({ ...page, origin: floor.origin });
    }
  }
  log(`Chromium: ${chromePath}; ${runs} run(s) per page, Lighthouse's default mobile settings`);
  const results = [];
  for (const { origin, ...page } of audited) {
    const reports = [];
    for (let run = 0; run < runs; run++) reports.push(await audit(`${origin}${page.path}`, chromePath));
    const summary = summarise(reports);
    printSummary(page, summary);
    results.push({ ...page, summary });
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
} catch (error) {
  failed = true;
  console.error(`[lighthouse] ${error instanceof Error ? (error.stack ?? error.message) : error}`);
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
