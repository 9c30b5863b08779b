#!/usr/bin/env node
// npm run demo: the embedded WordPress (seeded on first start), a production build of the
// frontend, and `next start` on http://localhost:3000. Ctrl-C stops everything.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedWordPress } from '../wordpress/dev/embedded-wordpress.mjs';
import { onShutdown, runToCompletion, startServer, waitForUrl } from './processes.mjs';

const port = Number(process.env.PORT ?? 3000);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
const nextBin = join('node_modules', 'next', 'dist', 'bin', 'next');
const started = Date.now();
const stoppers = [];
const shutdown = onShutdown(async () => {
  while (stoppers.length) await stoppers.pop()();
});

/** A fingerprint of everything the build depends on, so restarts skip an unchanged build. */
function sourceFingerprint(env) {
  const hash = createHash('sha256');
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const path of [
    'app',
    'components',
    'lib',
    'public',
    'next.config.ts',
    'package-lock.json',
    'instrumentation.ts',
  ]) {
    if (existsSync(path)) visit(path);
  }
  hash.update(`${env.WORDPRESS_URL}|${env.SITE_URL}`);
  return hash.digest('hex');
}

try {
  let env = { ...process.env, SITE_URL: siteUrl };
  if (process.env.WORDPRESS_URL) {
    console.log(`[demo] Using the WordPress at ${process.env.WORDPRESS_URL}`);
  } else {
    const wordpress = await startEmbeddedWordPress({
      name: 'dev',
      port: 9400,
      frontendUrl: `http://127.0.0.1:${port}`,
    });
    stoppers.push(wordpress.stop);
    env = { ...env, ...wordpress.env };
  }

  const stampFile = join('.next', 'broadsheet-build-stamp');
  const fingerprint = sourceFingerprint(env);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint) {
    console.log('[demo] The production build is up to date.');
  } else {
    console.log('[demo] Building the frontend (next build)…');
    await runToCompletion(process.execPath, [nextBin, 'build'], { env, label: 'next build' });
    writeFileSync(stampFile, fingerprint);
  }

  const server = startServer(process.execPath, ['server.mjs', '--port', String(port)], { env });
  stoppers.push(server.stop);
  await waitForUrl(`http://127.0.0.1:${port}/`, { child: server.child, timeoutMs: 60_000 });
  console.log(
    `\n[demo] Broadsheet is serving ${siteUrl} (ready in ${((Date.now() - started) / 1000).toFixed(0)} s). Ctrl-C stops it.\n`,
  );
  server.child.on('exit', (code) => shutdown(code ?? 1));
} catch (error) {
  console.error(`\n[demo] ${error instanceof Error ? error.message : error}\n`);
  await shutdown(1);
}
