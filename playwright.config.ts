import { defineConfig } from '@playwright/test';

/**
 * The end-to-end suite runs against a production build and a freshly seeded embedded WordPress,
 * both started by scripts/e2e.mjs, which passes their addresses in the environment.
 */
const chromiumPath = process.env.E2E_CHROMIUM_PATH || undefined;
const chromiumArgs = (process.env.E2E_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);

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
    { name: 'readers', testIgnore: /(editor|injection|outage|faults|instances)\.spec\.ts/ },
    // Editors change content (the injection matrix adds hostile content), and the outage and
    // fault tests break WordPress, so they go last; files run in name order.
    { name: 'editors', testMatch: /(editor|injection|outage|faults)\.spec\.ts/, dependencies: ['readers'] },
    // Two instances sharing Redis; scripts/e2e.mjs starts the second one and Redis for it.
    { name: 'instances', testMatch: /instances\.spec\.ts/ },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});
