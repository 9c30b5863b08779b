// A throwaway Varnish for the end-to-end run: Debian's varnishd with the reference configuration
// (deploy/varnish/broadsheet.vcl) in front of the given Broadsheet instances, in a working folder
// of its own under the system's temporary folder, nothing kept. Installs varnish and
// varnish-modules (the xkey module) when running as root on Debian, as scripts/redis.mjs does for
// Redis; elsewhere it says what to install.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis.mjs';

const VARNISHD = '/usr/sbin/varnishd';
const XKEY_MODULE = '/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so';
const REFERENCE_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'deploy', 'varnish');

function hasXkey() {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', 'varnish-modules'], {
      encoding: 'utf8',
    }).includes('installed');
  } catch {
    return existsSync(XKEY_MODULE);
  }
}

export function findVarnishd() {
  if (existsSync(VARNISHD) && hasXkey()) return VARNISHD;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('[varnish] Installing Debian’s varnish and varnish-modules for the multi-instance tests…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'varnish', 'varnish-modules'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(VARNISHD)) return VARNISHD;
  }
  throw new Error(
    'No varnishd with the xkey module found. Install them: `sudo apt-get install varnish varnish-modules`.',
  );
}

/** The backends file the reference configuration includes, one backend per instance. */
export function backendsVcl(ports) {
  const backends = ports.map(
    (port, index) => `backend instance_${index + 1} {
  .host = "127.0.0.1";
  .port = "${port}";
  .connect_timeout = 1s;
  .first_byte_timeout = 15s;
  .probe = broadsheet_health;
}
`,
  );
  const added = ports.map((_, index) => `  broadsheet.add_backend(instance_${index + 1});`).join('\n');
  return `${backends.join('\n')}\nsub vcl_init {\n${added}\n}\n`;
}

/**
 * Starts varnishd on `port` in front of Broadsheet instances on `backendPorts`, and resolves once
 * it accepts connections. `stop` ends it (if it still runs) and removes its folder.
 * @param {{ port: number, backendPorts: number[] }} options
 */
export async function startVarnish({ port, backendPorts, binary = findVarnishd() }) {
  const folder = mkdtempSync(join(tmpdir(), 'broadsheet-varnish-'));
  writeFileSync(join(folder, 'broadsheet-backends.vcl'), backendsVcl(backendPorts));
  const adminPort = await freePort();
  const child = spawn(
    binary,
    [
      '-F',
      '-j',
      'none',
      '-n',
      join(folder, 'work'),
      '-a',
      `127.0.0.1:${port}`,
      '-T',
      `127.0.0.1:${adminPort}`,
      '-f',
      join(REFERENCE_FOLDER, 'broadsheet.vcl'),
      '-p',
      `vcl_path=${folder}:${REFERENCE_FOLDER}`,
      '-s',
      'malloc,64m',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`varnishd exited with code ${child.exitCode}: ${errors.trim()}`);
    if (Date.now() > deadline) throw new Error(`varnishd did not answer on ${url} within 20 s`);
    try {
      await fetch(url, {
        method: 'PURGE',
        headers: { 'xkey-purge': 'none' },
        signal: AbortSignal.timeout(1_000),
      });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    pid: child.pid,
    workFolder: join(folder, 'work'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          // The manager and its cache process are one process group.
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
