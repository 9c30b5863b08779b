import { defineConfig } from '@playwright/test';
import projectLists from './e2e/projects.json';

/**
 * The end-to-end suite runs against a production build and a freshly seeded WordPress (native
 * PHP or Playground), both started by scripts/e2e.mjs, which passes their addresses in the
 * environment.
 */
const chromiumPath = process.env.E2E_CHROMIUM_PATH || undefined;
const chromiumArgs = (process.env.E2E_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);

/**
 * Specs that write to WordPress or break it (`editors`), and specs that need servers of their own,
 * started by scripts/e2e.mjs for their project (`ownServer`); every other spec only reads.
 * scripts/e2e.mjs reads the same lists to share the specs out between its lanes.
 */
const { editors: EDITOR_SPECS, ownServer: OWN_SERVER_SPECS } = projectLists;
const specs = (names: string[]) => new RegExp(`(^|/)(${names.join('|')})\\.spec\\.ts$`);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // Readers' tests only read, so on native PHP (`php -S` with four workers, answering in tens of
  // milliseconds) two run at once. On Playground (PHP in WebAssembly, about a second a request)
  // one at a time: parallel cold renders push its answers past the request deadline.
  workers: process.env.E2E_WORDPRESS_SERVER === 'native' ? 2 : 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'readers', testIgnore: [specs(EDITOR_SPECS), specs(OWN_SERVER_SPECS)] },
    // Editors change content (the injection matrix adds hostile content), and the outage and
    // fault tests break WordPress, so they go last, one at a time whatever the WordPress; files
    // run in name order, and each restores what it changed.
    { name: 'editors', testMatch: specs(EDITOR_SPECS), dependencies: ['readers'], workers: 1 },
    // Two instances sharing Redis; scripts/e2e.mjs starts the second one and Redis for it.
    { name: 'instances', testMatch: specs(['instances']), workers: 1 },
    // The demo's own WordPress (Playground), whichever WordPress the rest of the suite runs on.
    { name: 'smoke', testMatch: specs(['playground-smoke']), workers: 1 },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    // A failing test keeps its trace: actions, network, console and DOM snapshots (which the trace
    // viewer renders as the page). Not its screencast: recording frames for every test, kept or
    // not, was a third of the browsers' CPU time in the readers' heaviest specs.
    trace: { mode: 'retain-on-failure', screenshots: false },
  },
});
