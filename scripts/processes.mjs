// Small helpers the launchers share: run a command, start a server in its own process group,
// wait for a URL, and stop everything on Ctrl-C without leaving orphans behind.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function runToCompletion(command, args, { env = process.env, label = command } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Whether any process of a process group is still alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends a whole process group: SIGTERM, then SIGKILL after a grace period, and waits until no
 * member is left (a parent may exit before the server process it forked).
 */
export async function stopProcessGroup(pgid, graceMs = 5000) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // Gone in between.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a long-running server in its own process group so stopping it ends its children too.
 * With `logFile`, its output goes to the terminal and is also appended to that file (for tests
 * that check what the server logged).
 */
export function startServer(command, args, { env = process.env, stdio = 'inherit', logFile = null } = {}) {
  const child = spawn(command, args, {
    stdio: logFile ? ['ignore', 'pipe', 'pipe'] : stdio,
    env,
    detached: true,
  });
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      log.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      log.write(chunk);
    });
    child.on('exit', () => log.end());
  }
  return { child, stop: () => stopProcessGroup(child.pid) };
}

/** Polls a URL until it answers (any status below 500), or throws after the timeout. */
export async function waitForUrl(url, { timeoutMs = 60_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`The server for ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      if (response.status < 500) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Calls `cleanup` once on Ctrl-C or termination, then exits. Returns a function that does the
 * same for other reasons to stop (a server that died), with the given exit code.
 */
export function onShutdown(cleanup) {
  let stopping = null;
  const shutdown = (code) => {
    stopping ??= cleanup().finally(() => process.exit(code));
    return stopping;
  };
  process.on('SIGINT', () => shutdown(130));
  process.on('SIGTERM', () => shutdown(143));
  return shutdown;
}
