// Runs one load test with wrk when it is installed, autocannon otherwise. wrk is preferred: it
// is written in C and takes little CPU from the server on a small machine, while autocannon
// runs in Node and tops out near 15k requests per second by itself.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromAutocannonResult, parseWrkOutput } from './load-output.mjs';

const execFileAsync = promisify(execFile);

function findWrk() {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    const candidate = join(folder, 'wrk');
    if (folder && existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * The load generator to use: `preference` ('wrk' or 'autocannon') when given, else wrk when
 * found on PATH, else autocannon.
 * @param {string | undefined} preference
 * @returns {Promise<{ name: 'wrk' | 'autocannon', version: string, run: (options: LoadOptions) => Promise<import('./load-output.mjs').LoadResult> }>}
 */
export async function chooseLoadGenerator(preference) {
  if (preference && preference !== 'wrk' && preference !== 'autocannon') {
    throw new Error(`Unknown load generator "${preference}"; use wrk or autocannon`);
  }
  const wrk = preference === 'autocannon' ? null : findWrk();
  if (wrk) {
    // `wrk -v` prints its version and exits non-zero.
    const banner = await execFileAsync(wrk, ['-v']).catch((error) => error);
    const version = /wrk\s+(\S+)/.exec(`${banner.stdout ?? ''}${banner.stderr ?? ''}`)?.[1] ?? 'unknown';
    return { name: 'wrk', version, run: (options) => runWrk(wrk, options) };
  }
  if (preference === 'wrk') throw new Error('wrk was asked for but is not on PATH');
  const { default: autocannon } = await import('autocannon');
  const { createRequire } = await import('node:module');
  const version = createRequire(import.meta.url)('autocannon/package.json').version;
  return { name: 'autocannon', version, run: (options) => runAutocannon(autocannon, options) };
}

/**
 * @typedef {object} LoadOptions
 * @property {string} url
 * @property {number} connections
 * @property {number} seconds
 * @property {Record<string, string>} headers
 */

/** @param {string} wrk @param {LoadOptions} options */
async function runWrk(wrk, { url, connections, seconds, headers }) {
  const args = [
    `-t${Math.min(2, connections)}`,
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    // A slow server's answers are measured, not dropped as errors after wrk's default 2 s.
    '--timeout',
    '10s',
  ];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const { stdout } = await execFileAsync(wrk, args, { maxBuffer: 1024 * 1024 });
  return parseWrkOutput(stdout);
}

/** @param {LoadOptions} options */
async function runAutocannon(autocannon, { url, connections, seconds, headers }) {
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 10 });
  return fromAutocannonResult(result);
}
