#!/usr/bin/env node
// The end-to-end run: for each permalink structure, a freshly seeded embedded WordPress, a
// production build pointed at it (`next build && next start`), and the Playwright suite in
// Chromium. Everything started here is stopped here, pass or fail.
//   node scripts/e2e.mjs [--structure postname|date] [-- <playwright args>]
// E2E_PORT_OFFSET=<n> moves every port this run listens on by n, so two runs on one machine
// (two checkouts, say) do not collide.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';
import { freePort, startRedis } from './redis.mjs';

const PORT_OFFSET = parsePortOffset(process.env.E2E_PORT_OFFSET);

function parsePortOffset(value) {
  if (value === undefined || value === '') return 0;
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0 || offset > 1000) {
    throw new Error(`E2E_PORT_OFFSET must be a whole number from 0 to 1000, e.g. 60; got "${value}"`);
  }
  return offset;
}

// The whole suite runs on the first structure. The second reruns what depends on URLs —
// routing, archives, links in feeds and sitemaps, editors' flows — and skips what does not
// (accessibility and HTML checks, head parity, the outage), to keep the run short.
const STRUCTURES = {
  // The first structure also runs with Redis: the whole suite through the shared cache, then a
  // second instance for the multi-instance checks.
  postname: {
    permalinkStructure: '/%postname%/',
    wordpressPort: 9411 + PORT_OFFSET,
    readers: [],
    editors: [],
    instances: ['e2e/instances.spec.ts'],
  },
  date: {
    permalinkStructure: '/%year%/%monthnum%/%day%/%postname%/',
    wordpressPort: 9412 + PORT_OFFSET,
    readers: ['reader', 'archives', 'bad-input', 'feeds-sitemaps', 'protected'].map(
      (name) => `e2e/${name}.spec.ts`,
    ),
    editors: ['editor'].map((name) => `e2e/${name}.spec.ts`),
    instances: null,
  },
};
const APP_PORT = 3100 + PORT_OFFSET;
const SECOND_APP_PORT = 3101 + PORT_OFFSET;
const nextBin = join('node_modules', 'next', 'dist', 'bin', 'next');
const playwrightBin = join('node_modules', '@playwright', 'test', 'cli.js');

const { values, positionals } = parseArgs({
  options: { structure: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const selected = values.structure ?? Object.keys(STRUCTURES);
for (const name of selected) {
  if (!(name in STRUCTURES))
    throw new Error(`Unknown structure "${name}"; use ${Object.keys(STRUCTURES).join(' or ')}`);
}

const stoppers = [];
async function stopAll() {
  while (stoppers.length) await stoppers.pop()();
}
onShutdown(stopAll);

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
let failed = false;
try {
  const chromiumPath = await findChromium();
  console.log(`[e2e] Browser: ${chromiumPath ?? 'Playwright’s own Chromium'}`);

  // Seeding is the slow part; both sites are prepared at once.
  const sites = await Promise.all(
    selected.map((name) =>
      startEmbeddedWordPress({
        name: `e2e-${name}`,
        port: STRUCTURES[name].wordpressPort,
        permalinkStructure: STRUCTURES[name].permalinkStructure,
        reset: true,
        frontendUrl: `http://127.0.0.1:${APP_PORT}`,
        log: (line) => console.log(`[wordpress e2e-${name}] ${line}`),
      }).then((site) => {
        stoppers.push(site.stop);
        return [name, site];
      }),
    ),
  );

  for (const [name, site] of sites) {
    const env = {
      ...process.env,
      ...site.env,
      SITE_URL: `http://127.0.0.1:${APP_PORT}`,
      NODE_ENV: 'production',
    };
    console.log(
      `\n[e2e] ${name} permalinks (${STRUCTURES[name].permalinkStructure}): building… (${seconds()})`,
    );
    rmSync('.next', { recursive: true, force: true });
    await runToCompletion(process.execPath, [nextBin, 'build'], { env, label: 'next build' });
    let redis = null;
    if (STRUCTURES[name].instances !== null) {
      redis = await startRedis({ port: await freePort() });
      stoppers.push(redis.stop);
      env.REDIS_URL = redis.url;
      console.log(`[e2e] ${name}: sharing the cache through Redis at ${redis.url}`);
    }
    const app = startServer(process.execPath, ['server.mjs', '--port', String(APP_PORT)], { env });
    stoppers.push(app.stop);
    await waitForUrl(`http://127.0.0.1:${APP_PORT}/`, { child: app.child, timeoutMs: 60_000 });
    console.log(`[e2e] ${name}: running Playwright (${seconds()})`);
    try {
      const testEnv = {
        ...process.env,
        E2E_BASE_URL: `http://127.0.0.1:${APP_PORT}`,
        E2E_WORDPRESS_URL: site.url,
        E2E_PERMALINK_STRUCTURE: STRUCTURES[name].permalinkStructure,
        E2E_WORDPRESS_USER: site.env.WORDPRESS_PREVIEW_USER,
        E2E_WORDPRESS_APPLICATION_PASSWORD: site.env.WORDPRESS_APPLICATION_PASSWORD,
        E2E_BROADSHEET_SECRET: site.env.BROADSHEET_SECRET,
        E2E_WORDPRESS_PGID: String(site.pid),
        E2E_CHROMIUM_PATH: chromiumPath ?? '',
        E2E_CHROMIUM_ARGS: CHROMIUM_ARGS.join(' '),
      };
      // Readers first, then editors (who change content and stop WordPress), as two runs so a
      // file selection applies to both (Playwright runs a dependency project unfiltered).
      for (const project of ['readers', 'editors', 'instances']) {
        if (STRUCTURES[name][project] === null) continue;
        if (project === 'instances') {
          const second = startServer(process.execPath, ['server.mjs', '--port', String(SECOND_APP_PORT)], {
            env,
          });
          stoppers.push(second.stop);
          await waitForUrl(`http://127.0.0.1:${SECOND_APP_PORT}/`, {
            child: second.child,
            timeoutMs: 60_000,
          });
          testEnv.E2E_INSTANCE_B_URL = `http://127.0.0.1:${SECOND_APP_PORT}`;
          testEnv.E2E_REDIS_PORT = new URL(redis.url).port;
        }
        const specs = positionals.length > 0 ? positionals : STRUCTURES[name][project];
        await runToCompletion(
          process.execPath,
          // A file selection may hold no test of one project; that is not a failure.
          [playwrightBin, 'test', `--project=${project}`, '--no-deps', '--pass-with-no-tests', ...specs],
          {
            env: testEnv,
            label: `Playwright ${project} (${name} permalinks)`,
          },
        );
      }
    } catch (error) {
      failed = true;
      console.error(`[e2e] ${error.message}`);
    }
    await app.stop();
    stoppers.splice(stoppers.indexOf(app.stop), 1);
  }
} catch (error) {
  failed = true;
  console.error(`\n[e2e] ${error instanceof Error ? error.message : error}`);
} finally {
  await stopAll();
}
console.log(`[e2e] ${failed ? 'FAILED' : 'passed'} in ${seconds()}`);
process.exit(failed ? 1 : 0);
