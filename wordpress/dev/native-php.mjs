// Serving (and seeding) an embedded WordPress instance with Debian's native PHP instead of
// Playground's WebAssembly build: for the end-to-end suite, the benchmark and the soak.
// Development (`npm run demo`, `npm run wp:start`) always uses Playground.
//
// Why: Playground boots WordPress in about a second per request with two workers, some thirty
// times slower than WordPress on native PHP with opcache. The suite would spend most of its time
// waiting on it, and under fifty concurrent readers the benchmark would measure Playground's
// queue instead of Broadsheet. Native PHP runs the same WordPress build with the same SQLite
// integration (the copy inside the Playground package), the same dev mu-plugins and companion
// plugin, the same constants and the same seed: a real WordPress either way. (Debian's PHP is
// 8.2, Playground's 8.3; the seed and the REST API behave the same on both.)
//
// Needs `php-cli` and `php-sqlite3` (Debian packages) to serve, and `php-gd` to seed (the seed
// paints its images with GD, and WordPress makes their smaller sizes with it); without them
// callers fall back to Playground and say so. The instance's site folder stays what Playground
// would make of it: a server works on a copy with the files added here (Playground must never
// see them), so the copy is what changes while it runs.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { stopProcessGroup } from './process-group.mjs';
import { extractZip } from './zip.mjs';

const sqliteIntegrationZip = 'node_modules/@wp-playground/cli/sqlite-database-integration.zip';

/** PHP's settings for both the server and the seed. */
const PHP_SETTINGS = ['opcache.enable_cli=1', 'memory_limit=256M', 'display_errors=0'];

function phpModules() {
  try {
    return execFileSync('php', ['-m'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/** The php binary when it can run WordPress on SQLite, or null. */
export function findNativePhp() {
  return /^pdo_sqlite$/m.test(phpModules()) ? 'php' : null;
}

/** Whether native PHP can also seed (the seed's images need GD), not only serve. */
export function canSeedNatively() {
  const modules = phpModules();
  return /^pdo_sqlite$/m.test(modules) && /^gd$/m.test(modules);
}

/** A PHP string literal. */
function phpString(value) {
  return `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** `define(…)` lines for a map of constants. */
function phpDefines(constants) {
  return Object.entries(constants)
    .map(
      ([name, value]) =>
        `define(${phpString(name)}, ${typeof value === 'boolean' ? String(value) : phpString(value)});`,
    )
    .join('\n');
}

function unpackSqliteIntegration(projectRoot, target) {
  extractZip(join(projectRoot, sqliteIntegrationZip), target);
  // The zip holds one top-level folder, named after the plugin's version.
  const [pluginFolder] = readdirSync(target);
  if (!pluginFolder) throw new Error(`${sqliteIntegrationZip} is empty`);
  return join(target, pluginFolder);
}

/**
 * Copies the site into `<instance>/native/site` with what Playground mounts or installs in
 * memory added as files, and writes the constants and the router next to it.
 */
function prepareNativeSite(options) {
  const root = join(options.instanceFolder, 'native');
  rmSync(root, { recursive: true, force: true });
  const documentRoot = join(root, 'site');
  cpSync(options.siteFolder, documentRoot, { recursive: true });

  const sqlite = unpackSqliteIntegration(options.projectRoot, join(root, 'sqlite-database-integration'));
  const dropIn = readFileSync(join(sqlite, 'db.copy'), 'utf8')
    .replace("'{SQLITE_IMPLEMENTATION_FOLDER_PATH}'", phpString(sqlite))
    .replace("'{SQLITE_PLUGIN}'", phpString(join(sqlite, 'load.php')));
  writeFileSync(join(documentRoot, 'wp-content/db.php'), dropIn);
  cpSync(options.muPluginsFolder, join(documentRoot, 'wp-content/mu-plugins'), { recursive: true });
  if (options.companionPluginFolder) {
    cpSync(options.companionPluginFolder, join(documentRoot, 'wp-content/plugins/broadsheet'), {
      recursive: true,
    });
  }

  const constants = {
    WP_HOME: options.siteUrl,
    WP_SITEURL: options.siteUrl,
    WP_SQLITE_AST_DRIVER: true,
    ...options.constants,
  };
  const prepend = join(root, 'constants.php');
  writeFileSync(prepend, `<?php\n${phpDefines(constants)}\n`);
  // php -S serves existing files itself when the router returns false; everything else is
  // WordPress's front controller, as a web server's rewrite rules would make it. The database
  // file is never served. (auto_prepend_file does not apply to a router script.)
  const router = join(root, 'router.php');
  writeFileSync(
    router,
    `<?php
require_once ${phpString(prepend)};
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_contains($path, '/wp-content/database/') || str_contains($path, '..')) {
  http_response_code(403);
  return true;
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && is_file($file)) {
  if (!str_ends_with($file, '.php')) return false;
  chdir(dirname($file));
  $_SERVER['SCRIPT_NAME'] = $path;
  $_SERVER['SCRIPT_FILENAME'] = $file;
  require $file;
  return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`,
  );
  return { root, documentRoot, prepend, router };
}

function spawnPhpServer(options, site) {
  const logFile = join(options.instanceFolder, 'native-server.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(
    'php',
    [
      ...PHP_SETTINGS.flatMap((setting) => ['-d', setting]),
      '-d',
      'opcache.validate_timestamps=0',
      '-S',
      `127.0.0.1:${options.port}`,
      '-t',
      site.documentRoot,
      site.router,
    ],
    {
      // Its own process group, so stopping (or freezing) it reaches every worker.
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(options.workers) },
    },
  );
  return { pid: child.pid, child, logFile, stop: () => stopProcessGroup(child.pid) };
}

/**
 * Prepares the copy and starts `php -S` on it.
 * @param {{ projectRoot: string, instanceFolder: string, siteFolder: string, siteUrl: string,
 *   port: number, workers: number, constants: Record<string, string | boolean>,
 *   muPluginsFolder: string, companionPluginFolder: string | null }} options
 * @returns {{ pid: number, child: import('node:child_process').ChildProcess, logFile: string,
 *   stop: () => Promise<void> }}
 */
export function startNativePhpServer(options) {
  return spawnPhpServer(options, prepareNativeSite(options));
}

/** Resolves once `php -S` accepts connections on the port. */
async function waitForListening(port, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`php -S exited (code ${child.exitCode}) before listening`);
    const listening = await new Promise((resolveAttempt) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolveAttempt(true);
      });
      socket.once('error', () => resolveAttempt(false));
    });
    if (listening) return;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`php -S did not listen on port ${port} within ${timeoutMs / 1000} s`);
}

function runPhp(args, { cwd, logFile }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('php', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    // 'close', not 'exit': only then has all of its output been read (the result line is last).
    child.on('close', (code) => {
      writeFileSync(logFile, output);
      resolvePromise({ code, output });
    });
  });
}

/**
 * Installs and seeds a freshly unpacked site with native PHP, as Playground's `php` command does:
 * WordPress's own installer with Playground's answers (admin / password), then seed.php with
 * the same constants, mu-plugins and companion plugin. The database and the uploads are then
 * written back into the site folder, which ends up as Playground would have left it.
 * @param {Parameters<typeof startNativePhpServer>[0] & { seedScript: string,
 *   seedConstants: Record<string, string>, logFile: string }} options
 * @returns {Promise<{ code: number | null, output: string }>}
 */
export async function seedWithNativePhp(options) {
  const site = prepareNativeSite(options);
  const server = spawnPhpServer({ ...options, workers: 1 }, site);
  try {
    const installer = `http://127.0.0.1:${options.port}/wp-admin/install.php`;
    await waitForListening(options.port, server.child);
    // The very form Playground submits when it installs from existing files.
    const response = await fetch(`${installer}?step=2`, {
      method: 'POST',
      body: new URLSearchParams({
        language: 'en',
        prefix: 'wp_',
        weblog_title: 'My WordPress Website',
        user_name: 'admin',
        admin_password: 'password',
        admin_password2: 'password',
        Submit: 'Install WordPress',
        pw_weak: '1',
        admin_email: 'admin@localhost.com',
      }),
      // A first request compiles all of WordPress; on a busy machine that takes a while.
      signal: AbortSignal.timeout(300_000),
    });
    const page = await response.text();
    if (!/Success|successful|Finished|Already Installed/.test(page)) {
      throw new Error(`WordPress's installer answered ${response.status}: ${page.slice(0, 500)}`);
    }
  } finally {
    await server.stop();
  }

  // What Playground's `php` command provides: WordPress's root as ABSPATH, a request for the
  // site's own host, and the constants it passes with --define.
  const url = new URL(options.siteUrl);
  const seedPrepend = join(site.root, 'seed-constants.php');
  writeFileSync(
    seedPrepend,
    `<?php
require_once ${phpString(site.prepend)};
${phpDefines({ ABSPATH: `${site.documentRoot}/`, ...options.seedConstants })}
$_SERVER['HTTP_HOST'] = ${phpString(url.host)};
$_SERVER['SERVER_NAME'] = ${phpString(url.hostname)};
$_SERVER['SERVER_PORT'] = ${phpString(url.port)};
$_SERVER['REQUEST_URI'] = '/';
`,
  );
  const result = await runPhp(
    [
      ...PHP_SETTINGS.flatMap((setting) => ['-d', setting]),
      '-d',
      `auto_prepend_file=${seedPrepend}`,
      options.seedScript,
    ],
    { cwd: site.documentRoot, logFile: options.logFile },
  );
  if (result.code === 0) {
    for (const part of ['wp-content/database', 'wp-content/uploads']) {
      const source = join(site.documentRoot, part);
      if (existsSync(source)) cpSync(source, join(options.siteFolder, part), { recursive: true });
    }
  }
  return result;
}

/** Whether the folder holds what startNativePhpServer needs from the project. */
export function canServeNatively(projectRoot) {
  return findNativePhp() !== null && existsSync(join(projectRoot, sqliteIntegrationZip));
}
