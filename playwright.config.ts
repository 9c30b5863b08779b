import { defineConfig } from '@playwright/test';

/**
 * The end-to-end suite runs against a production build and a freshly seeded WordPress (native
 * PHP or Playground), both started by scripts/e2e.mjs, which passes their addresses in the
 * environment.
 */
const chromiumPath = process.env.E2E_CHROMIUM_PATH || undefined;
const chromiumArgs = (process.env.E2E_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);

/** Specs that write to WordPress or break it; every other spec only reads. */
const EDITOR_SPECS = [
  'comment-editor',
  'editor',
  'faults',
  'injection',
  'kinds-editor',
  'outage',
  'preview-security',
  'write-routes',
];
/** Specs that need servers of their own, started by scripts/e2e.mjs for their project. */
const OWN_SERVER_SPECS = ['instances', 'playground-smoke'];
const specs = (names: string[]) => new RegExp(`(^|/)(${names.join('|')})\\.spec\\.ts$`);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  // One at a time: the embedded WordPress (PHP in WebAssembly, two workers) is the bottleneck, and
  // parallel cold renders push its answers past the request deadline.
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  projects: [
    { name: 'readers', testIgnore: [specs(EDITOR_SPECS), specs(OWN_SERVER_SPECS)] },
    // Editors change content (the injection matrix adds hostile content), and the outage and
    // fault tests break WordPress, so they go last; files run in name order, and each restores
    // what it changed.
    { name: 'editors', testMatch: specs(EDITOR_SPECS), dependencies: ['readers'] },
    // Two instances sharing Redis; scripts/e2e.mjs starts the second one and Redis for it.
    { name: 'instances', testMatch: specs(['instances']) },
    // The demo's own WordPress (Playground), whichever WordPress the rest of the suite runs on.
    { name: 'smoke', testMatch: specs(['playground-smoke']) },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
