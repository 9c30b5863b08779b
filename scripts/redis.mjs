// A throwaway Redis for the end-to-end run and the benchmark: Debian's redis-server on a free
// port, nothing persisted. Installs the package when running as root on Debian, as the browser
// helper does for Chromium; elsewhere it says what to install.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Socket, createServer } from 'node:net';
import { createClient } from 'redis';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

export function findRedisServer() {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('[redis] Installing Debian’s redis-server for the multi-instance tests…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CANDIDATES[0])) return CANDIDATES[0];
  }
  throw new Error('No redis-server found. Install it: `sudo apt-get install redis-server` on Debian/Ubuntu.');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server on `port` and resolves once it accepts connections.
 * Keyspace notifications are on: the cache handler package follows expiries through them.
 */
export async function startRedis({ binary = findRedisServer(), port }) {
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--notify-keyspace-events',
      'Exe',
    ],
    { stdio: 'ignore', detached: true },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await accepts(port)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    child,
    // Whatever Redis answers on the port (a test may have restarted it), then this child.
    stop: async () => {
      await shutdownRedisAt(`redis://127.0.0.1:${port}`);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    },
  };
}

/** Asks the Redis at `url` to shut down without saving; nothing happens if none answers. */
export async function shutdownRedisAt(url) {
  const client = createClient({ url, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    // The connection closes as SHUTDOWN succeeds, so its rejection is the expected outcome.
    await client.sendCommand(['SHUTDOWN', 'NOSAVE']).catch(() => undefined);
  } catch {
    // Nothing listening.
  }
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
  });
}
