#!/usr/bin/env node
// npm test: lint, typecheck, the unit tests and the end-to-end run (scripts/e2e.mjs), then a table
// of how long each phase took, the end-to-end phases included, so the next slow one is visible.
//   node scripts/test.mjs [--sequential] [-- <options for scripts/e2e.mjs>]
//
// On two cores the phases overlap where they do not get in each other's way: ESLint and tsc side
// by side, then the unit tests beside the end-to-end run (which starts by seeding WordPress).
// tsc finishes before any build starts, as it reads the types `next build` writes into .next/.
// The output of the phases running beside the end-to-end run is shown when each one ends.
// `--sequential` runs everything one after another, with its output as it comes.
//
// TEST_ALSO_ON_NODE names a second Node.js binary (CI passes the active LTS, see .ci/run): the
// unit tests run on it too, and so do the end-to-end smoke's build, server and WordPress.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTimings, timer } from './timings.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(projectRoot);
const { values, positionals: e2eArgs } = parseArgs({
  options: { sequential: { type: 'boolean', default: false } },
  allowPositionals: true,
});

const bin = (path) => join(projectRoot, 'node_modules', path);
const PHASES = {
  eslint: [bin('eslint/bin/eslint.js'), '.'],
  prettier: [bin('prettier/bin/prettier.cjs'), '--check', '.'],
  typecheck: [bin('typescript/bin/tsc'), '--noEmit'],
  unit: [bin('vitest/vitest.mjs'), 'run'],
};

const started = Date.now();
const { timed, timings } = timer(started);
const workFolder = mkdtempSync(join(tmpdir(), 'broadsheet-test-'));
const e2eTimingsFile = join(workFolder, 'e2e-timings.json');
const failures = [];

/**
 * Runs one phase. Live output when `live`; otherwise it is collected and printed, each line
 * after the phase's name, when the phase ends.
 */
function run(name, args, { live, env = process.env, node = process.execPath }) {
  return timed(name, () => {
    return new Promise((resolvePhase, reject) => {
      const child = spawn(node, args, {
        stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
        env: live ? env : { ...env, NO_COLOR: '1' },
      });
      let output = '';
      child.stdout?.on('data', (chunk) => (output += chunk));
      child.stderr?.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (!live) {
          const text = output.trimEnd();
          if (text) console.log(text.replace(/^/gm, `[${name}] `));
        }
        if (code === 0) resolvePhase();
        else reject(new Error(`${name} failed (${signal ?? `exit ${code}`})`));
      });
    });
  }).catch((error) => {
    failures.push(name);
    console.error(`\n[test] ${error.message}`);
  });
}

const secondNode = process.env.TEST_ALSO_ON_NODE || null;
const secondNodeVersion = secondNode
  ? execFileSync(secondNode, ['--version'], { encoding: 'utf8' }).trim()
  : null;
const secondUnit = () =>
  secondNode
    ? run(`unit (Node ${secondNodeVersion})`, PHASES.unit, { live: false, node: secondNode })
    : Promise.resolve();

const e2e = () =>
  run(
    'end-to-end',
    [join(projectRoot, 'scripts/e2e.mjs'), ...(values.sequential ? ['--sequential'] : []), ...e2eArgs],
    {
      live: true,
      env: {
        ...process.env,
        E2E_TIMINGS_FILE: e2eTimingsFile,
        // tsc is a phase of its own here, so the end-to-end builds skip Next's own type check.
        BROADSHEET_SKIP_BUILD_CHECKS: '1',
        ...(secondNode ? { E2E_SMOKE_NODE: secondNode } : {}),
      },
    },
  );

if (values.sequential) {
  for (const [name, args] of Object.entries(PHASES)) await run(name, args, { live: true });
  await secondUnit();
  await e2e();
} else {
  await Promise.all(
    ['eslint', 'prettier', 'typecheck'].map((name) => run(name, PHASES[name], { live: false })),
  );
  await Promise.all([run('unit', PHASES.unit, { live: false }).then(secondUnit), e2e()]);
}

let e2eReport = null;
try {
  e2eReport = JSON.parse(readFileSync(e2eTimingsFile, 'utf8'));
} catch {
  // The end-to-end run stopped before writing it; its own output says why.
}
rmSync(workFolder, { recursive: true, force: true });

// The end-to-end phases, as parts of its own row, on the same clock.
const e2eRow = timings.find((entry) => entry.phase === 'end-to-end');
const rows = timings.flatMap((entry) =>
  entry === e2eRow && e2eReport
    ? [
        entry,
        ...e2eReport.timings.map((inner) => ({
          ...inner,
          phase: `  ${inner.phase}`,
          startedAt: inner.startedAt + entry.startedAt,
        })),
      ]
    : [entry],
);
console.log(
  `\n[test] Node ${process.version}${secondNode ? ` (and ${secondNodeVersion}, see above)` : ''}; ` +
    `WordPress: ${e2eReport?.wordpress ?? 'not started'}`,
);
console.log(formatTimings(rows, '[test] '));
const total = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length > 0) {
  console.log(`[test] FAILED (${failures.join(', ')}) in ${total} s`);
  process.exit(1);
}
console.log(`[test] passed in ${total} s`);
