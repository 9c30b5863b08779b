// Small helpers the launchers share: run a command, start a server in its own process group,
// wait for a URL, and stop everything on Ctrl-C without leaving orphans behind.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stopProcessGroup } from '../wordpress/dev/process-group.mjs';

/**
 * Copies a stream to `target` line by line, each line starting with `prefix` (so the output of
 * commands running side by side can be told apart), and to `log` when given.
 */
function forwardLines(stream, target, prefix, log) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    log?.write(chunk);
    if (!prefix) {
      target.write(chunk);
      return;
    }
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    if (lines.length > 0) target.write(lines.map((line) => `${prefix}${line}\n`).join(''));
  });
  stream.on('end', () => {
    if (pending) target.write(`${prefix ?? ''}${pending}\n`);
  });
}

/** Commands runToCompletion is waiting for, ended on shutdown (see onShutdown). */
const runningCommands = new Set();

/**
 * Runs a command to completion, its output on the terminal (each line after `prefix`, when
 * given); rejects on a non-zero exit.
 */
export function runToCompletion(command, args, { env = process.env, label = command, cwd, prefix } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env, cwd });
    runningCommands.add(child);
    child.on('exit', () => runningCommands.delete(child));
    if (prefix) {
      forwardLines(child.stdout, process.stdout, prefix);
      forwardLines(child.stderr, process.stderr, prefix);
    }
    child.on('error', reject);
    // 'close' comes after the last of its output has been forwarded.
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Starts a long-running server in its own process group so stopping it ends its children too.
 * With `logFile`, its output goes to the terminal and is also appended to that file (for tests
 * that check what the server logged); with `prefix`, each line on the terminal starts with it.
 */
export function startServer(
  command,
  args,
  { env = process.env, stdio = 'inherit', logFile = null, cwd, prefix } = {},
) {
  const piped = Boolean(logFile || prefix);
  const child = spawn(command, args, {
    stdio: piped ? ['ignore', 'pipe', 'pipe'] : stdio,
    env,
    cwd,
    detached: true,
  });
  if (piped) {
    const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    forwardLines(child.stdout, process.stdout, prefix, log);
    forwardLines(child.stderr, process.stderr, prefix, log);
    child.on('close', () => log?.end());
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
    // A command still running (a build, a Playwright run) would otherwise outlive this process
    // when it is stopped by a signal sent to it alone.
    for (const child of runningCommands) child.kill('SIGTERM');
    stopping ??= cleanup().finally(() => process.exit(code));
    return stopping;
  };
  process.on('SIGINT', () => shutdown(130));
  process.on('SIGTERM', () => shutdown(143));
  return shutdown;
}
