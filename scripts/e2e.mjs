#!/usr/bin/env node
// The end-to-end run, in lanes (see LANES): each a freshly seeded WordPress, a production build
// pointed at it (`next build`, then `server.mjs`) and its share of the Playwright suite in
// Chromium; every spec runs under the postname permalink structure, URL-dependent ones under the
// date structure too. And a smoke test of the embedded WordPress exactly as `npm run demo` runs
// it (Playground). Everything started here is stopped here, pass or fail.
//   node scripts/e2e.mjs [--structure postname|date]… [--smoke] [--wordpress native|playground]
//                        [--sequential] [-- <test files or patterns>]
// Naming test files runs only the lanes that hold them.
//
// Which WordPress: native PHP (`php -S`, Debian's php-cli with php-sqlite3, and php-gd to seed)
// when installed, Playground otherwise; `--wordpress` or E2E_WORDPRESS chooses. Both run the same
// WordPress build, SQLite integration, plugins and seed (wordpress/dev/native-php.mjs).
//
// The lanes and the smoke run side by side, each on its own ports. The app is compiled once,
// while WordPress is being seeded (`compileOnce`); each lane's build is then the rest of a
// build, prerendering from its own WordPress, and the builds take turns (they share .next/; each
// then moves to its own folder, see `buildAndDeploy`) in the lanes' order; the rest overlaps.
// `--sequential` runs them one after another. At the end a table says how long each phase took;
// E2E_TIMINGS_FILE names a JSON file to write it to as well (scripts/test.mjs reads it).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { importWxrFile } from '../wordpress/dev/import/import-wxr.mjs';
import { canSeedNatively, canServeNatively } from '../wordpress/dev/native-php.mjs';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';
import { freePort, startRedis } from './redis.mjs';
import { startVarnish } from './varnish.mjs';
import { formatTimings, timer } from './timings.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(projectRoot);

// E2E_PORT_OFFSET moves every port below, so two checkouts can run the suite side by side.
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
if (!Number.isInteger(PORT_OFFSET) || PORT_OFFSET < 0 || PORT_OFFSET > 50_000)
  throw new Error('E2E_PORT_OFFSET must be a whole number from 0 to 50000, e.g. E2E_PORT_OFFSET=100');

// Which Playwright project each spec belongs to (playwright.config.ts reads the same list).
const projectLists = JSON.parse(readFileSync(join(projectRoot, 'e2e/projects.json'), 'utf8'));
const specFile = (name) => `e2e/${name}.spec.ts`;
const specsOf = (names) => names.map(specFile);
const specNames = readdirSync(join(projectRoot, 'e2e'))
  .filter((file) => file.endsWith('.spec.ts'))
  .map((file) => basename(file, '.spec.ts'))
  .sort();
const READER_SPECS = specsOf(
  specNames.filter((name) => !projectLists.editors.includes(name) && !projectLists.ownServer.includes(name)),
);
const EDITOR_SPECS = specsOf(projectLists.editors);
// The editors run one at a time and mostly wait (for a webhook, a re-render, WordPress to come
// back), so they get a WordPress and an app of their own and run beside the readers instead of
// after them; the slowest reader spec goes before them there, so both lanes take about as long.
const READERS_BESIDE_EDITORS = specsOf(['quality']);
/** The WXR file e2e/import.spec.ts imports, and the address of the site its media came from. */
const IMPORT_FIXTURE = 'wordpress/dev/import/fixtures/harbour-notes.xml';
const IMPORT_FIXTURE_MEDIA_ORIGIN = 'http://127.0.0.1:9411/';

/**
 * The lanes: each a freshly seeded WordPress, a build and an app, its own ports and the specs it
 * runs per project (readers, then editors, then instances). Every spec runs under the postname
 * structure, in one of its two lanes. The date lane, on a site configured otherwise than the
 * demo, runs every reader spec again, and the editor's flows: each reads what it expects from the
 * site's settings (e2e/site-settings.ts), so both configurations pass the same specs.
 * The postname lanes share their cache through Redis (the whole suite runs through it; the first
 * lane then starts a second instance for the multi-instance checks), and their apps reach
 * WordPress through the fault proxy (forwarding unchanged unless the fault suite says otherwise):
 * the site's URL is the proxy's port, WordPress itself listens on `proxiedWordPressPort`.
 */
const LANES = {
  postname: {
    structure: 'postname',
    permalinkStructure: '/%postname%/',
    wordpressPort: 9411 + PORT_OFFSET,
    proxiedWordPressPort: 9413 + PORT_OFFSET,
    appPort: 3100 + PORT_OFFSET,
    secondAppPort: 3101 + PORT_OFFSET,
    sharedCache: true,
    projects: {
      readers: READER_SPECS.filter((spec) => !READERS_BESIDE_EDITORS.includes(spec)),
      instances: specsOf(['instances']),
    },
    // Merged into the demo content before the build, for e2e/import.spec.ts.
    importFixture: IMPORT_FIXTURE,
  },
  'postname-editors': {
    structure: 'postname',
    permalinkStructure: '/%postname%/',
    wordpressPort: 9415 + PORT_OFFSET,
    proxiedWordPressPort: 9416 + PORT_OFFSET,
    appPort: 3104 + PORT_OFFSET,
    secondAppPort: null,
    sharedCache: true,
    projects: { readers: READERS_BESIDE_EDITORS, editors: EDITOR_SPECS },
  },
  date: {
    structure: 'date',
    permalinkStructure: '/%year%/%monthnum%/%day%/%postname%/',
    wordpressPort: 9412 + PORT_OFFSET,
    proxiedWordPressPort: null,
    appPort: 3102 + PORT_OFFSET,
    secondAppPort: null,
    sharedCache: false,
    // The site as an owner configured it rather than on WordPress's defaults
    // (wordpress/dev/seed/configured-site.php): a static front page and a posts page, six posts a
    // page, search engines discouraged, UTC+5:30, its own date format and site icon, and its Site
    // Address in a sub-folder of another origin than the one the app reaches WordPress at.
    configuration: { name: 'configured', siteAddress: 'http://news.example.test/en' },
    projects: { readers: READER_SPECS, editors: specsOf(['editor']) },
    importFixture: IMPORT_FIXTURE,
    // Accessibility in the light scheme only: see CHECKED_SCHEMES in e2e/quality.spec.ts.
    testEnv: { E2E_AXE_COLOR_SCHEMES: 'light' },
  },
};
const PROJECT_ORDER = ['readers', 'editors', 'instances'];
/** The embedded WordPress as `npm run demo` runs it: Playground, whatever --wordpress says. */
const SMOKE = {
  name: 'playground',
  permalinkStructure: '/%postname%/',
  wordpressPort: 9414 + PORT_OFFSET,
  appPort: 3103 + PORT_OFFSET,
  spec: 'e2e/playground-smoke.spec.ts',
};
/**
 * The Node.js that runs the smoke's WordPress, build, server and browser: this one, or another
 * named by E2E_SMOKE_NODE (CI proves the newest LTS line this way, see .ci/run).
 */
const smokeNode = (() => {
  const path = process.env.E2E_SMOKE_NODE || process.execPath;
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  return { path, version };
})();
const nextBin = join('node_modules', 'next', 'dist', 'bin', 'next');
const playwrightBin = join('node_modules', '@playwright', 'test', 'cli.js');

const { values, positionals } = parseArgs({
  options: {
    structure: { type: 'string', multiple: true },
    smoke: { type: 'boolean', default: false },
    wordpress: { type: 'string' },
    sequential: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const structureNames = [...new Set(Object.values(LANES).map((lane) => lane.structure))];
for (const name of values.structure ?? []) {
  if (!structureNames.includes(name))
    throw new Error(`Unknown structure "${name}"; use ${structureNames.join(' or ')}`);
}
// With neither a structure, the smoke nor test files named, everything runs.
const everything = !values.structure && !values.smoke && positionals.length === 0;
const structures = values.structure ?? (values.smoke ? [] : structureNames);

/**
 * What a lane's project runs: its specs, or those of the test files named on the command line
 * that are among them (Playwright's own reading of a name: a pattern matched against the file's
 * path, `:line` allowed). Empty when none is.
 */
function selectedSpecs(specs) {
  if (positionals.length === 0) return specs;
  return positionals.filter((name) => {
    const pattern = name.replace(/(:\d+){1,2}$/, '');
    let matches;
    try {
      const expression = new RegExp(pattern);
      matches = (spec) => expression.test(spec) || spec.includes(pattern);
    } catch {
      matches = (spec) => spec.includes(pattern);
    }
    return specs.some(matches);
  });
}
/** The lanes to run: those of the chosen structures with something to run. */
const chosenLanes = Object.entries(LANES)
  .filter(([, lane]) => structures.includes(lane.structure))
  .filter(([, lane]) => Object.values(lane.projects).some((specs) => selectedSpecs(specs).length > 0))
  .map(([name]) => name);
const runSmoke = values.smoke || everything;
if (chosenLanes.length === 0 && !runSmoke) {
  throw new Error(
    `No lane of ${structures.join(' or ')} runs ${positionals.join(' ')}: see LANES in scripts/e2e.mjs.`,
  );
}

/**
 * Every port this run listens on must be free: a WordPress or server left over from an
 * interrupted run would otherwise answer in place of this run's, with another site and another
 * secret, and the tests would fail (or pass) for reasons of their own.
 */
async function assertPortsFree(ports) {
  const taken = [];
  for (const port of ports) {
    const free = await new Promise((resolvePort) => {
      const server = createServer();
      server.once('error', () => resolvePort(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
    });
    if (!free) taken.push(port);
  }
  if (taken.length > 0) {
    throw new Error(
      `Port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} already in use: is another run (or what an interrupted ` +
        'one left behind) still listening? Stop it, or set E2E_PORT_OFFSET to run beside it.',
    );
  }
}
await assertPortsFree([
  ...chosenLanes.flatMap((name) => {
    const { wordpressPort, proxiedWordPressPort, appPort, secondAppPort } = LANES[name];
    return [wordpressPort, proxiedWordPressPort, appPort, secondAppPort].filter((port) => port !== null);
  }),
  ...(runSmoke ? [SMOKE.wordpressPort, SMOKE.appPort] : []),
]);

const requestedWordPress = values.wordpress ?? process.env.E2E_WORDPRESS ?? 'auto';
if (!['auto', 'native', 'playground'].includes(requestedWordPress))
  throw new Error(`--wordpress (or E2E_WORDPRESS) must be native or playground, not "${requestedWordPress}"`);
const nativeAvailable = canServeNatively(projectRoot);
if (requestedWordPress === 'native' && !nativeAvailable)
  throw new Error('--wordpress native needs PHP with SQLite: `apt-get install php-cli php-sqlite3 php-gd`.');
const wordpressServer =
  requestedWordPress === 'auto' ? (nativeAvailable ? 'native' : 'playground') : requestedWordPress;
const backendName =
  wordpressServer === 'native'
    ? `native PHP (php -S; seeded with ${canSeedNatively() ? 'native PHP' : 'Playground, as php-gd is missing'})`
    : 'Playground (PHP in WebAssembly)';

const stoppers = [];
async function stopAll() {
  while (stoppers.length) await stoppers.pop()();
}
onShutdown(stopAll);
/** Registers a stopper for Ctrl-C and returns one that runs it once and forgets it. */
function stopLater(stop) {
  stoppers.push(stop);
  return async () => {
    const index = stoppers.indexOf(stop);
    if (index === -1) return;
    stoppers.splice(index, 1);
    await stop();
  };
}

const { timed, timings } = timer();
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

// The apps' output, also on the terminal, kept in files for the tests that read it; and each
// build's own folder (see buildAndDeploy), outside the project so no tool finds it twice.
const workFolder = mkdtempSync(join(tmpdir(), 'broadsheet-e2e-'));
stoppers.push(async () => rmSync(workFolder, { recursive: true, force: true }));

const compilerCache = join('.next', 'cache', 'turbopack');
const compilerCacheStash = join(workFolder, 'turbopack-cache');
const compiledBuild = join(workFolder, 'compiled');
/**
 * How a build is copied: its links as they are. The build links the packages it keeps external
 * (.next/node_modules/postcss-<hash> → ../../node_modules/postcss); relative, they lead back
 * to the project's packages from wherever the build lands.
 */
const COPY_BUILD = { recursive: true, verbatimSymlinks: true };

/** Moves a folder, and says whether it could (not across file systems). */
function moveFolder(from, to) {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if (error?.code === 'EXDEV') return false;
    throw error;
  }
}

/**
 * The builds share .next/ and so take turns, after `first` (see compileOnce) and in the
 * lanes' order rather than as their WordPress is ready: the postname lanes run the most and are
 * the longest, so their builds go first even when a shorter lane's WordPress is seeded sooner. `turns.inTurn(lane, task)` waits for every earlier lane to have built (or given
 * up: `turns.release(lane)`).
 */
function buildTurns(count, first) {
  const releases = [];
  const released = Array.from({ length: count }, (_, lane) => new Promise((done) => (releases[lane] = done)));
  return {
    async inTurn(lane, task) {
      await Promise.all([first, ...released.slice(0, lane)]);
      try {
        return await task();
      } finally {
        releases[lane]();
      }
    },
    release: (lane) => releases[lane](),
  };
}

/**
 * Compiles the app once, while the WordPress sites are being seeded: `next build` in compile
 * mode prerenders nothing, so it needs no WordPress, and no lane's build depends on the lane
 * (the app reads its configuration at run time). Each lane's build is then the other half of a
 * `next build`, `--experimental-build-mode=generate`, which prerenders from the lane's own
 * WordPress, on a copy of this compilation. It runs on `node`: the smoke's (CI's newest LTS), so
 * that Node makes a whole build, compile and prerendering, while every other lane prerenders and
 * serves on this one. A failure here only costs time: each lane then builds in full.
 */
async function compileOnce(node) {
  try {
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    await timed(`compile the app once (Node ${version})`, async () => {
      rmSync('.next', { recursive: true, force: true });
      await runToCompletion(node, [nextBin, 'build', '--experimental-build-mode=compile'], {
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
        label: 'next build (compile mode)',
        prefix: '[compile] ',
      });
      // Turbopack's own cache is no part of the build: kept for a lane that builds in full.
      if (existsSync(compilerCache)) moveFolder(compilerCache, compilerCacheStash);
      if (!moveFolder('.next', compiledBuild)) {
        cpSync('.next', compiledBuild, COPY_BUILD);
        rmSync('.next', { recursive: true, force: true });
      }
    });
  } catch (error) {
    rmSync(compiledBuild, { recursive: true, force: true });
    console.error(`[e2e] ${error instanceof Error ? error.message : error}; each lane builds in full`);
  }
}

/**
 * The build of one lane: the prerendering half on a copy of the one compilation (see
 * compileOnce), or a whole `next build` when there is none. Its output then moves to a folder of
 * its own that looks like the project (every other entry is a link back to it), where server.mjs
 * serves it: the next build can start while this one is being tested, as a deployment ships
 * .next/ with the sources.
 */
async function buildAndDeploy(lane, env, node = process.execPath) {
  rmSync('.next', { recursive: true, force: true });
  const compiled = existsSync(compiledBuild);
  if (compiled) {
    cpSync(compiledBuild, '.next', COPY_BUILD);
  } else if (existsSync(compilerCacheStash)) {
    // Turbopack's own cache of the compilation (never pages or data) carries over from the
    // previous lane's build, which makes the later builds faster.
    mkdirSync('.next/cache', { recursive: true });
    moveFolder(compilerCacheStash, compilerCache);
  }
  await runToCompletion(
    node,
    [nextBin, 'build', ...(compiled ? ['--experimental-build-mode=generate'] : [])],
    {
      // Offline here; its telemetry would only wait on the network.
      env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
      label: `next build (${lane})`,
      prefix: `[build ${lane}] `,
    },
  );
  if (existsSync(compilerCache)) moveFolder(compilerCache, compilerCacheStash);
  const folder = join(workFolder, lane);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(projectRoot)) {
    if (['.next', '.git', '.wordpress'].includes(entry)) continue;
    symlinkSync(join(projectRoot, entry), join(folder, entry));
  }
  if (!moveFolder('.next', join(folder, '.next'))) {
    cpSync('.next', join(folder, '.next'), COPY_BUILD);
    rmSync('.next', { recursive: true, force: true });
  }
  return folder;
}

/** The production server of a lane, answering on `port`. */
async function startApp(lane, deployment, port, env, logFile, node = process.execPath) {
  const app = startServer(node, [join(projectRoot, 'server.mjs'), '--port', String(port)], {
    env,
    cwd: deployment,
    logFile,
    prefix: `[app ${lane}] `,
  });
  const stop = stopLater(app.stop);
  await waitForUrl(`http://127.0.0.1:${port}/`, { child: app.child, timeoutMs: 60_000 });
  return Object.assign(stop, { pid: app.child.pid });
}

/**
 * Playwright runs in the lane's own folder, so what a spec reads from the build (.next/static)
 * is that lane's; everything else there leads back to the project.
 */
function playwright(lane, deployment, project, specs, testEnv, node = process.execPath) {
  return runToCompletion(
    node,
    // A file selection may hold no test of one project; that is not a failure. Each lane keeps
    // its own results folder (Playwright empties it when it starts).
    [
      playwrightBin,
      'test',
      `--project=${project}`,
      '--no-deps',
      '--pass-with-no-tests',
      `--output=${join(projectRoot, 'test-results', lane)}`,
      ...specs,
    ],
    { env: testEnv, cwd: deployment, label: `Playwright ${project} (${lane})`, prefix: `[${lane}] ` },
  );
}

function testEnvironment({ appUrl, site, permalinkStructure, chromiumPath, appLog }) {
  return {
    ...process.env,
    E2E_BASE_URL: appUrl,
    E2E_WORDPRESS_URL: site.url,
    E2E_WORDPRESS_SITE_URL: site.siteUrl,
    E2E_WORDPRESS_HOME: site.home,
    E2E_PERMALINK_STRUCTURE: permalinkStructure,
    E2E_WORDPRESS_USER: site.env.WORDPRESS_PREVIEW_USER,
    E2E_WORDPRESS_APPLICATION_PASSWORD: site.env.WORDPRESS_APPLICATION_PASSWORD,
    E2E_BROADSHEET_SECRET: site.env.BROADSHEET_SECRET,
    E2E_WORDPRESS_PGID: String(site.pid),
    E2E_WORDPRESS_SERVER: site.server,
    E2E_CHROMIUM_PATH: chromiumPath ?? '',
    E2E_CHROMIUM_ARGS: CHROMIUM_ARGS.join(' '),
    E2E_APP_LOG: appLog,
  };
}

async function runLane(name, chromiumPath, turns, turn) {
  const lane = LANES[name];
  const appUrl = `http://127.0.0.1:${lane.appPort}`;
  const log = (line) => console.log(`[wordpress e2e-${name}] ${line}`);
  const seeding = timed(`seed WordPress, ${name} (${wordpressServer})`, () =>
    startEmbeddedWordPress({
      name: `e2e-${name}`,
      port: lane.proxiedWordPressPort ?? lane.wordpressPort,
      sitePort: lane.wordpressPort,
      permalinkStructure: lane.permalinkStructure,
      // Playground cannot move the Site Address (WP_HOME); there the lane keeps the demo's.
      configuration: wordpressServer === 'native' ? lane.configuration : undefined,
      reset: true,
      frontendUrl: appUrl,
      server: wordpressServer,
      log,
    }),
  );
  laneSeeds.push(seeding);
  const site = await seeding;
  const stopWordPress = stopLater(site.stop);
  site.server = wordpressServer;
  // The proxy answers at the site's own URL, so it runs before anything reads the site.
  let faultProxy = null;
  if (lane.proxiedWordPressPort !== null) {
    faultProxy = await startFaultProxy({ port: lane.wordpressPort, upstream: site.url });
    stoppers.push(faultProxy.stop);
    console.log(
      `[e2e] ${name}: WordPress behind the fault proxy ${faultProxy.url} (control ${faultProxy.controlUrl})`,
    );
  }
  let importFixture = null;
  if (lane.importFixture) {
    // The fixture names a file the site it was exported from served; the copy imported (and
    // re-imported by e2e/import.spec.ts) names it where this lane's site serves it.
    importFixture = join(workFolder, `import-${name}.xml`);
    writeFileSync(
      importFixture,
      readFileSync(lane.importFixture, 'utf8').replaceAll(IMPORT_FIXTURE_MEDIA_ORIGIN, `${site.siteUrl}/`),
    );
    const { summary } = await timed(`import the WXR fixture, ${name}`, () =>
      importWxrFile(importFixture, {
        site: {
          url: site.url,
          user: site.env.WORDPRESS_PREVIEW_USER,
          applicationPassword: site.env.WORDPRESS_APPLICATION_PASSWORD,
        },
      }),
    );
    log(summary.replaceAll('\n', `\n[wordpress e2e-${name}] `));
  }

  const env = {
    ...process.env,
    ...site.env,
    SITE_URL: appUrl,
    NODE_ENV: 'production',
    // The editors' specs edit the same pages many times a minute, each edit checked at once: a
    // quarter of the two seconds a page otherwise waits between renders under a stream of edits
    // (serving/page-cache.mjs; its unit tests and the benchmark hold the default).
    PAGE_CACHE_RENDER_INTERVAL_MS: '500',
  };
  const deployment = await turns.inTurn(turn, () => {
    console.log(`\n[e2e] ${name} permalinks (${lane.permalinkStructure}): building… (${seconds()})`);
    return timed(`next build, ${name}`, () => buildAndDeploy(name, env));
  });
  let redis = null;
  let varnish = null;
  if (lane.sharedCache) {
    redis = await startRedis({ port: await freePort() });
    stoppers.push(redis.stop);
    env.REDIS_URL = redis.url;
    console.log(`[e2e] ${name}: sharing the cache through Redis at ${redis.url}`);
  }
  if (lane.secondAppPort !== null) {
    // Varnish in front of both instances (the second starts with the instances project); every
    // revalidation purges it from the start.
    varnish = await startVarnish({
      port: await freePort(),
      backendPorts: [lane.appPort, lane.secondAppPort],
    });
    stoppers.push(varnish.stop);
    env.VARNISH_PURGE_URLS = varnish.url;
    console.log(`[e2e] ${name}: Varnish in front of both instances at ${varnish.url}`);
  }
  const appLog = join(workFolder, `app-${name}.log`);
  const stopApp = await startApp(name, deployment, lane.appPort, env, appLog);
  console.log(`[e2e] ${name}: running Playwright (${seconds()})`);
  const testEnv = {
    ...testEnvironment({
      appUrl,
      site,
      permalinkStructure: lane.permalinkStructure,
      chromiumPath,
      appLog,
    }),
    E2E_FAULT_PROXY_URL: faultProxy?.controlUrl ?? '',
    ...lane.testEnv,
    ...(importFixture ? { E2E_IMPORT_FIXTURE: importFixture, E2E_WORDPRESS_INSTANCE: `e2e-${name}` } : {}),
  };
  // Readers first, then editors (who change content and stop WordPress), then the instances,
  // each a run of its own so a file selection applies to each (Playwright runs a dependency
  // project unfiltered).
  for (const project of PROJECT_ORDER) {
    const specs = selectedSpecs(lane.projects[project] ?? []);
    if (specs.length === 0) continue;
    if (project === 'instances') {
      const second = startServer(
        process.execPath,
        [join(projectRoot, 'server.mjs'), '--port', String(lane.secondAppPort)],
        { env, cwd: deployment, prefix: `[app ${name} B] ` },
      );
      stoppers.push(second.stop);
      await waitForUrl(`http://127.0.0.1:${lane.secondAppPort}/`, {
        child: second.child,
        timeoutMs: 60_000,
      });
      testEnv.E2E_INSTANCE_B_URL = `http://127.0.0.1:${lane.secondAppPort}`;
      testEnv.E2E_REDIS_PORT = new URL(redis.url).port;
      // The spec stops and resumes both instances (SIGSTOP/SIGCONT) and stops Varnish.
      testEnv.E2E_INSTANCE_PIDS = `${stopApp.pid},${second.child.pid}`;
      testEnv.E2E_VARNISH_URL = varnish.url;
      testEnv.E2E_VARNISH_PID = String(varnish.pid);
      testEnv.E2E_VARNISH_WORK_FOLDER = varnish.workFolder;
    }
    await timed(`Playwright ${project}, ${name}`, () =>
      playwright(name, deployment, project, specs, testEnv),
    );
  }
  await stopApp();
  await stopWordPress();
  rmSync(deployment, { recursive: true, force: true });
}

/** The lanes' WordPress sites being seeded (see runPlaygroundSmoke). */
const laneSeeds = [];

async function runPlaygroundSmoke(chromiumPath, turns, lane) {
  const appUrl = `http://127.0.0.1:${SMOKE.appPort}`;
  const node = smokeNode.path;
  // Playground's seed keeps a core busy for minutes, and the smoke is the shortest of the runs:
  // beside native lanes it waits for their sites to be seeded, which their builds and tests wait
  // for, and is done long before their tests are.
  if (wordpressServer === 'native') await Promise.allSettled(laneSeeds);
  const site = await timed(`seed WordPress, smoke (playground, Node ${smokeNode.version})`, () =>
    startEmbeddedWordPress({
      name: `e2e-${SMOKE.name}`,
      port: SMOKE.wordpressPort,
      permalinkStructure: SMOKE.permalinkStructure,
      reset: true,
      frontendUrl: appUrl,
      server: 'playground',
      node,
      log: (line) => console.log(`[wordpress e2e-${SMOKE.name}] ${line}`),
    }),
  );
  const stopWordPress = stopLater(site.stop);
  site.server = 'playground';
  const env = {
    ...process.env,
    ...site.env,
    SITE_URL: appUrl,
    NODE_ENV: 'production',
    // Playground boots WordPress for every request; on a busy machine a re-render's requests
    // can take longer than the default deadline (beside two reader workers, at times far longer),
    // and this test is about Playground working, not about its speed.
    WORDPRESS_TIMEOUT_MS: '45000',
  };
  const deployment = await turns.inTurn(lane, () =>
    timed(`next build, smoke (Node ${smokeNode.version})`, () => buildAndDeploy(SMOKE.name, env, node)),
  );
  const appLog = join(workFolder, `app-${SMOKE.name}.log`);
  const stopApp = await startApp(SMOKE.name, deployment, SMOKE.appPort, env, appLog, node);
  const testEnv = testEnvironment({
    appUrl,
    site,
    permalinkStructure: SMOKE.permalinkStructure,
    chromiumPath,
    appLog,
  });
  await timed(`Playwright smoke (playground, Node ${smokeNode.version})`, () =>
    playwright(SMOKE.name, deployment, 'smoke', [SMOKE.spec], testEnv, node),
  );
  await stopApp();
  await stopWordPress();
  rmSync(deployment, { recursive: true, force: true });
}

let failed = false;
try {
  const chromiumPath = await findChromium({ headlessShell: !process.argv.includes('--headed') });
  console.log(`[e2e] Browser: ${chromiumPath ?? 'Playwright’s own Chromium'}`);
  console.log(`[e2e] WordPress: ${backendName}`);
  if (wordpressServer === 'playground' && requestedWordPress === 'auto') {
    console.log('[e2e] (install php-cli, php-sqlite3 and php-gd for a much faster run on native PHP)');
  }
  const lanes = [
    ...chosenLanes.map((name) => (turns, turn) => runLane(name, chromiumPath, turns, turn)),
    ...(runSmoke ? [(turns, lane) => runPlaygroundSmoke(chromiumPath, turns, lane)] : []),
  ];
  const turns = buildTurns(
    lanes.length,
    lanes.length > 0 ? compileOnce(runSmoke ? smokeNode.path : process.execPath) : Promise.resolve(),
  );
  const guarded = lanes.map(
    (run, lane) => () =>
      run(turns, lane)
        .catch((error) => {
          failed = true;
          console.error(`\n[e2e] ${error instanceof Error ? error.message : error}`);
        })
        // A lane that failed before its build lets the later lanes build.
        .finally(() => turns.release(lane)),
  );
  if (values.sequential) {
    for (const lane of guarded) await lane();
  } else {
    await Promise.all(guarded.map((lane) => lane()));
  }
} catch (error) {
  failed = true;
  console.error(`\n[e2e] ${error instanceof Error ? error.message : error}`);
} finally {
  await stopAll();
}
console.log(`\n[e2e] WordPress: ${backendName}`);
console.log(formatTimings(timings, '[e2e] '));
console.log(`[e2e] ${failed ? 'FAILED' : 'passed'} in ${seconds()}`);
if (process.env.E2E_TIMINGS_FILE) {
  writeFileSync(
    process.env.E2E_TIMINGS_FILE,
    JSON.stringify({ wordpress: backendName, timings, ok: !failed }, null, 2),
  );
}
process.exit(failed ? 1 : 0);
