// Finds a Chromium for the end-to-end tests: Playwright's own when it is installed, otherwise
// Debian's, installing it when running as root on Debian. Headless runs take Debian's
// chromium-headless-shell when it is there: the same Blink as /usr/bin/chromium without the full
// browser around it, which is what Playwright itself launches for headless tests and costs about
// half the CPU time per page (measured on the readers' quality, islands and Lighthouse specs).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const SYSTEM_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The path of a usable Chromium, or null for Playwright's own. Throws with what to install.
 * `headlessShell` lets a caller that never shows a window take Debian's headless shell; the
 * Lighthouse and fidelity scripts keep the full browser, whose figures the README reports.
 */
export async function findChromium({ headlessShell = false } = {}) {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (await playwrightChromium()) return null;
  if (headlessShell && existsSync(SYSTEM_HEADLESS_SHELL)) return SYSTEM_HEADLESS_SHELL;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('[e2e] Installing Debian’s chromium package for the end-to-end tests…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-headless-shell'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (headlessShell && existsSync(SYSTEM_HEADLESS_SHELL)) return SYSTEM_HEADLESS_SHELL;
    if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `sudo apt-get install chromium` on Debian/Ubuntu, ' +
      'or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH.',
  );
}
