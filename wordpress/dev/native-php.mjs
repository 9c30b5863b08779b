// Serving an embedded WordPress instance with Debian's native PHP instead of Playground's
// WebAssembly build — for the benchmark and the soak only (development and the test suite always
// use Playground).
//
// Why: those two measure the frontend. Playground boots WordPress in about a second per request
// with two workers, some twenty times slower than WordPress on native PHP with opcache; under
// fifty concurrent readers it is Playground's queue that would be measured, not Broadsheet. The
// same files and SQLite database are served, by the same WordPress, plugins and mu-plugins.
//
// Needs `php-cli` and `php-sqlite3` (Debian packages); without them callers fall back to
// Playground and say so. The instance's site folder is copied first (Playground must never see
// the files added here), so the copy is what changes while it runs.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopProcessGroup } from '../../scripts/processes.mjs';
import { extractZip } from './zip.mjs';

const sqliteIntegrationZip = 'node_modules/@wp-playground/cli/sqlite-database-integration.zip';

/** The php binary when it can run WordPress on SQLite, or null. */
export function findNativePhp() {
  try {
    const modules = execFileSync('php', ['-m'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /^pdo_sqlite$/m.test(modules) ? 'php' : null;
  } catch {
    return null;
  }
}

/** A PHP string literal. */
function phpString(value) {
  return `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function unpackSqliteIntegration(projectRoot, target) {
  extractZip(join(projectRoot, sqliteIntegrationZip), target);
  // The zip holds one top-level folder, named after the plugin's version.
  const [pluginFolder] = readdirSync(target);
  if (!pluginFolder) throw new Error(`${sqliteIntegrationZip} is empty`);
  return join(target, pluginFolder);
}

/**
 * Prepares the copy and starts `php -S` on it.
 * @param {{ projectRoot: string, instanceFolder: string, siteFolder: string, siteUrl: string,
 *   port: number, workers: number, constants: Record<string, string | boolean>,
 *   muPluginsFolder: string, companionPluginFolder: string | null }} options
 * @returns {{ pid: number, logFile: string, stop: () => Promise<void> }}
 */
export function startNativePhpServer(options) {
  const root = join(options.instanceFolder, 'native');
  rmSync(root, { recursive: true, force: true });
  const documentRoot = join(root, 'site');
  cpSync(options.siteFolder, documentRoot, { recursive: true });

  // What Playground mounts or installs in memory, as files.
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
  writeFileSync(
    prepend,
    `<?php\n${Object.entries(constants)
      .map(
        ([name, value]) =>
          `define(${phpString(name)}, ${typeof value === 'boolean' ? String(value) : phpString(value)});`,
      )
      .join('\n')}\n`,
  );
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

  const logFile = join(options.instanceFolder, 'native-server.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(
    'php',
    [
      '-d',
      'opcache.enable_cli=1',
      '-d',
      'opcache.validate_timestamps=0',
      '-d',
      'memory_limit=256M',
      '-d',
      'display_errors=0',
      '-S',
      `127.0.0.1:${options.port}`,
      '-t',
      documentRoot,
      router,
    ],
    {
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(options.workers) },
    },
  );
  return { pid: child.pid, child, logFile, stop: () => stopProcessGroup(child.pid) };
}

/** Whether the folder holds what startNativePhpServer needs from the project. */
export function canServeNatively(projectRoot) {
  return findNativePhp() !== null && existsSync(join(projectRoot, sqliteIntegrationZip));
}
