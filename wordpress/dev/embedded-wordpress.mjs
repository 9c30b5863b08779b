// The embedded development WordPress: a real WordPress 6.5 running offline on PHP compiled to
// WebAssembly (WordPress Playground) with SQLite, from npm packages alone.
//
// Each instance lives in .wordpress/<name>/ (git-ignored): the unpacked WordPress in site/, its
// database inside it, and state.json with what the seed produced. Content persists across
// restarts; deleting the folder (or --reset) starts over from the seed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProcessGroup } from './process-group.mjs';
import { canSeedNatively, seedWithNativePhp, startNativePhpServer } from './native-php.mjs';
import { extractZip } from './zip.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const devFolder = join(projectRoot, 'wordpress/dev');
const companionPluginFolder = join(projectRoot, 'wordpress/plugin');
const playgroundCli = join(projectRoot, 'node_modules/@wp-playground/cli/wp-playground.js');
const wordpressBuilds = join(projectRoot, 'node_modules/@wp-playground/wordpress-builds');
const WORDPRESS_VERSION = '6.5';
/** PHP workers of the server: one deadlocks on a request back to itself, more than two do not help on two cores. */
const PHP_WORKERS = 2;
/** Native PHP workers (`php -S`): the end-to-end suite, the benchmark and the soak. */
const NATIVE_PHP_WORKERS = 4;

export const DEFAULT_PERMALINK_STRUCTURE = '/%postname%/';

/** Where an instance keeps its files. */
export function instanceFolder(name) {
  return join(projectRoot, '.wordpress', name);
}

function readState(folder) {
  const file = join(folder, 'state.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Unpacks WordPress and the static files the minified build leaves out, without overwriting. */
function unpackWordPress(siteFolder) {
  extractZip(join(wordpressBuilds, `src/wordpress/wp-${WORDPRESS_VERSION}.zip`), siteFolder);
  const assets = join(wordpressBuilds, `public/wp-${WORDPRESS_VERSION}`);
  for (const part of ['wp-admin', 'wp-includes', 'wp-content/themes/twentytwentyfour']) {
    cpSync(join(assets, part), join(siteFolder, part), { recursive: true, force: false });
  }
  mkdirSync(join(siteFolder, 'wp-content/mu-plugins'), { recursive: true });
  mkdirSync(join(siteFolder, 'wp-content/plugins'), { recursive: true });
}

/**
 * The flags every Playground command of an instance shares. `sitePort` is the port in the
 * site's own URL: WordPress's, or that of a proxy in front of it (see startEmbeddedWordPress).
 */
function playgroundArgs(siteFolder, sitePort, companion = {}) {
  const args = [
    `--mount-before-install=${siteFolder}:/wordpress`,
    `--mount=${join(devFolder, 'mu-plugins')}:/wordpress/wp-content/mu-plugins`,
    '--wordpress-install-mode=install-from-existing-files-if-needed',
    `--site-url=http://127.0.0.1:${sitePort}`,
    '--php=8.3',
    // Without it WordPress reports "production" and refuses Application Passwords over http.
    '--define=WP_ENVIRONMENT_TYPE',
    'local',
    // wp-admin otherwise waits seconds per call on wordpress.org, unreachable offline.
    '--define-bool=WP_HTTP_BLOCK_EXTERNAL',
    'true',
    // Cron on page loads once stalled a request for half a minute.
    '--define-bool=DISABLE_WP_CRON',
    'true',
    '--define-bool=WP_DEBUG',
    'true',
    '--define-bool=WP_DEBUG_LOG',
    'true',
    '--define-bool=WP_DEBUG_DISPLAY',
    'false',
  ];
  if (existsSync(join(companionPluginFolder, 'broadsheet.php'))) {
    args.push(`--mount=${companionPluginFolder}:/wordpress/wp-content/plugins/broadsheet`);
  }
  // The companion plugin's configuration, as an operator would put it in wp-config.php.
  if (companion.frontendUrl) args.push('--define=BROADSHEET_FRONTEND_URL', companion.frontendUrl);
  if (companion.secret) args.push('--define=BROADSHEET_SECRET', companion.secret);
  return args;
}

/** The constants playgroundArgs defines, for native PHP (see native-php.mjs). */
function nativeConstants(companion = {}) {
  const constants = {
    WP_ENVIRONMENT_TYPE: 'local',
    WP_HTTP_BLOCK_EXTERNAL: true,
    DISABLE_WP_CRON: true,
    WP_DEBUG: true,
    WP_DEBUG_LOG: true,
    WP_DEBUG_DISPLAY: false,
  };
  if (companion.frontendUrl) constants.BROADSHEET_FRONTEND_URL = companion.frontendUrl;
  if (companion.secret) constants.BROADSHEET_SECRET = companion.secret;
  return constants;
}

function run(args, { logFile, node = process.execPath } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [playgroundCli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    // 'close', not 'exit': only then has all of its output been read (the result line is last).
    child.on('close', (code) => {
      if (logFile) writeFileSync(logFile, output);
      resolvePromise({ code, output });
    });
  });
}

/**
 * The files and settings a native PHP server (or seed) of an instance works with. A Site
 * Address of its own (`siteAddress`) is wp-config.php's WP_HOME, as an owner would set it.
 */
function nativeSiteOptions(folder, port, sitePort, companion, siteAddress) {
  return {
    projectRoot,
    instanceFolder: folder,
    siteFolder: join(folder, 'site'),
    siteUrl: `http://127.0.0.1:${sitePort}`,
    port,
    workers: NATIVE_PHP_WORKERS,
    constants: { ...nativeConstants(companion), ...(siteAddress ? { WP_HOME: siteAddress } : {}) },
    muPluginsFolder: join(devFolder, 'mu-plugins'),
    companionPluginFolder: existsSync(join(companionPluginFolder, 'broadsheet.php'))
      ? companionPluginFolder
      : null,
  };
}

/** Seeds with Playground's `php` command, or with native PHP when `native` (see native-php.mjs). */
async function seed(folder, { port, sitePort, permalinkStructure, configuration, native, node, log }) {
  const siteFolder = join(folder, 'site');
  log(
    `Seeding the demo content (permalinks ${permalinkStructure}) on ${native ? 'native PHP' : 'Playground'}` +
      `${native ? '' : '; this takes a minute or two'}…`,
  );
  const started = Date.now();
  const logFile = join(folder, 'seed.log');
  let code;
  let output;
  if (native) {
    // The wp-config.php Playground writes into a site it installs.
    writeFileSync(
      join(siteFolder, 'wp-config.php'),
      readFileSync(join(siteFolder, 'wp-config-sample.php'), 'utf8').replace(
        /^<\?php/,
        "<?php define( 'CONCATENATE_SCRIPTS', false );",
      ),
    );
    ({ code, output } = await seedWithNativePhp({
      ...nativeSiteOptions(folder, port, sitePort, {}, configuration?.siteAddress),
      seedScript: join(devFolder, 'seed/seed.php'),
      seedConstants: {
        BROADSHEET_PERMALINK_STRUCTURE: permalinkStructure,
        ...(configuration ? { BROADSHEET_SEED_CONFIGURATION: configuration.name } : {}),
      },
      logFile,
    }));
  } else {
    ({ code, output } = await run(
      [
        'php',
        ...playgroundArgs(siteFolder, sitePort),
        `--mount=${join(devFolder, 'seed')}:/broadsheet-seed`,
        '--define=BROADSHEET_PERMALINK_STRUCTURE',
        permalinkStructure,
        ...(configuration ? ['--define=BROADSHEET_SEED_CONFIGURATION', configuration.name] : []),
        '--',
        '/broadsheet-seed/seed.php',
      ],
      { logFile, node },
    ));
  }
  const resultLine = output.split('\n').find((line) => line.startsWith('BROADSHEET_SEED_RESULT '));
  if (code !== 0 || !resultLine) {
    throw new Error(
      `Seeding the embedded WordPress failed (exit ${code}). Its output is in ${logFile}:\n${output.slice(-2000)}`,
    );
  }
  const result = JSON.parse(resultLine.slice('BROADSHEET_SEED_RESULT '.length));
  log(
    `Seeded ${result.posts} posts, ${result.pages} pages, ${result.authors} authors, ` +
      `${result.categories} categories, ${result.tags} tags, ${result.comments} comments ` +
      `in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
  return result;
}

/** Writes the preview credentials where the launchers (and an operator) can read them. */
function writeCredentialsEnv(folder, state) {
  const lines = [
    '# Written by the embedded WordPress on first start. Git-ignored; delete .wordpress/ to reset.',
    `WORDPRESS_URL=http://127.0.0.1:${state.sitePort ?? state.port}`,
    `WORDPRESS_PREVIEW_USER=${state.user}`,
    `WORDPRESS_APPLICATION_PASSWORD=${state.applicationPassword}`,
    `BROADSHEET_SECRET=${state.secret}`,
    '',
  ];
  writeFileSync(join(folder, 'wordpress.env'), lines.join('\n'), { mode: 0o600 });
}

async function waitUntilAnswering(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`The embedded WordPress exited (code ${child.exitCode}) before answering:\n${log}`);
    }
    try {
      const response = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(30_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 500));
  }
  throw new Error(
    `The embedded WordPress did not answer at ${url} within ${timeoutMs / 1000} s; see ${logFile}.`,
  );
}

/**
 * Starts (seeding first when needed) an embedded WordPress instance.
 * @param {{ name?: string, port?: number, sitePort?: number, permalinkStructure?: string,
 *   reset?: boolean, frontendUrl?: string, server?: 'playground' | 'native', node?: string,
 *   configuration?: { name: string, siteAddress?: string }, log?: (line: string) => void }} options
 *   configuration, on first start, seeds a configuration of the site other than WordPress's
 *   defaults (seed/configured-site.php for "configured"), with its Site Address at
 *   `siteAddress` (WP_HOME; native PHP only) while WordPress still answers at its own URL.
 *   sitePort, when set on first start, makes the site's URL use that port while WordPress
 *   listens on `port`: for a proxy in front of it (fault injection, request counting), so the
 *   links WordPress writes point at the proxy the frontend talks to.
 *   frontendUrl tells the companion plugin where to send webhooks and previews; the secret it
 *   shares with the frontend is made on first start and kept in state.json.
 *   server 'native' serves a copy of the seeded site with Debian's PHP (the end-to-end suite,
 *   the benchmark and the soak; see native-php.mjs), and seeds a new instance with it too when
 *   PHP has GD (otherwise Playground seeds it). node is the Node.js binary Playground runs on
 *   (this one by default).
 * @returns {Promise<{ url: string, state: object, env: Record<string, string>, stop: () => Promise<void> }>}
 */
export async function startEmbeddedWordPress(options = {}) {
  const name = options.name ?? 'dev';
  const log = options.log ?? ((line) => console.log(`[wordpress] ${line}`));
  const folder = instanceFolder(name);
  if (options.reset) rmSync(folder, { recursive: true, force: true });

  let state = readState(folder);

  const port = state?.port ?? options.port ?? 9400;
  const sitePort = state?.sitePort ?? options.sitePort ?? port;
  const siteFolder = join(folder, 'site');
  if (!state) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    log(`Unpacking WordPress ${WORDPRESS_VERSION} into ${siteFolder}`);
    unpackWordPress(siteFolder);
    const permalinkStructure = options.permalinkStructure ?? DEFAULT_PERMALINK_STRUCTURE;
    const seededWith = options.server === 'native' && canSeedNatively() ? 'native' : 'playground';
    if (options.configuration?.siteAddress && seededWith !== 'native') {
      throw new Error(
        'A Site Address of its own needs native PHP (php-cli, php-sqlite3, php-gd) to seed and serve.',
      );
    }
    const result = await seed(folder, {
      port,
      sitePort,
      permalinkStructure,
      configuration: options.configuration,
      native: seededWith === 'native',
      node: options.node,
      log,
    });
    state = {
      url: `http://127.0.0.1:${port}`,
      port,
      sitePort,
      permalinkStructure,
      configuration: options.configuration ?? null,
      user: result.user,
      applicationPassword: result.application_password,
      // Shared with the frontend: signs the companion plugin's webhooks and preview links.
      secret: randomBytes(32).toString('hex'),
      seededAt: new Date().toISOString(),
      seededWith,
      counts: result,
    };
    writeFileSync(join(folder, 'state.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    writeCredentialsEnv(folder, state);
  } else if (options.port && options.port !== state.port) {
    log(
      `Instance "${name}" was seeded for port ${state.port}; using that port (its media URLs depend on it).`,
    );
  }

  if (!state.secret) {
    // Instances seeded before the companion plugin existed get their secret now.
    state.secret = randomBytes(32).toString('hex');
    writeFileSync(join(folder, 'state.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    writeCredentialsEnv(folder, state);
  }
  const companion = { frontendUrl: options.frontendUrl, secret: state.secret };
  const native = options.server === 'native';
  const siteAddress = state.configuration?.siteAddress;
  if (siteAddress && !native) {
    throw new Error(`Instance "${name}" has its Site Address at ${siteAddress}: serve it with native PHP.`);
  }
  let child;
  let logFile;
  let workers = PHP_WORKERS;
  if (native) {
    workers = NATIVE_PHP_WORKERS;
    const server = startNativePhpServer(nativeSiteOptions(folder, port, sitePort, companion, siteAddress));
    child = server.child;
    logFile = server.logFile;
  } else {
    logFile = join(folder, 'server.log');
    const logFd = openSync(logFile, 'w');
    // Its own process group, so stopping it also ends Playground's worker processes.
    child = spawn(
      options.node ?? process.execPath,
      [
        playgroundCli,
        'server',
        ...playgroundArgs(siteFolder, sitePort, companion),
        `--port=${port}`,
        `--workers=${PHP_WORKERS}`,
      ],
      { detached: true, stdio: ['ignore', logFd, logFd] },
    );
  }
  const url = state.url;
  const started = Date.now();
  try {
    // Generous: Playground boots slowly on a busy machine, and the wait ends as soon as it answers.
    await waitUntilAnswering(url, child, logFile, 300_000);
  } catch (error) {
    await stopProcessGroup(child.pid);
    throw error;
  }
  log(
    `WordPress is answering at ${url}${native ? ' on native PHP' : ''} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );

  const siteUrl = `http://127.0.0.1:${sitePort}`;
  return {
    /** Where WordPress answers. */
    url,
    /** The site's own URL, where the frontend should reach it (a proxy's, when sitePort is set). */
    siteUrl,
    /** The Site Address WordPress writes its permalinks under. */
    home: siteAddress ?? siteUrl,
    state,
    env: {
      WORDPRESS_URL: siteUrl,
      WORDPRESS_PREVIEW_USER: state.user,
      WORDPRESS_APPLICATION_PASSWORD: state.applicationPassword,
      BROADSHEET_SECRET: state.secret,
      // As many connections as it has PHP workers: the rest wait in the app, where a request
      // that runs out of time is dropped instead of rendered for nobody.
      WORDPRESS_MAX_CONNECTIONS: String(workers),
    },
    pid: child.pid,
    stop: () => stopProcessGroup(child.pid),
  };
}
