#!/usr/bin/env node
// npm run wp:import -- <export.xml> [--instance dev] [--empty]
// Loads a WordPress export (Tools → Export) into an embedded development WordPress.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedWordPress, instanceFolder } from '../wordpress/dev/embedded-wordpress.mjs';
import { importWxr } from '../wordpress/dev/import/import-wxr.mjs';
import { createProgress } from '../wordpress/dev/import/progress.mjs';
import { formatSummary } from '../wordpress/dev/import/summary.mjs';
import { parseWxr, WxrError } from '../wordpress/dev/import/wxr.mjs';

const HELP = `Usage: npm run wp:import -- <export.xml> [options]

Imports a WordPress export (the WXR file Tools → Export writes) into an embedded development
WordPress, through WordPress's own APIs: authors, categories and tags (with their hierarchy),
posts and pages with their original dates, slugs, passwords and sticky flags, comments (threaded,
with their status), attachments, featured images and menus.

The whole file is read and checked first; a malformed or truncated file stops with the line to
look at and changes nothing. Running it again updates what changed and creates no duplicates.
Attachment files are downloaded when their URL answers; otherwise the media record points at a
placeholder image, and the summary counts them.

Options:
  --instance <name>  the embedded WordPress to import into (default: dev, the demo's). It is
                     used if already running, otherwise started for the import and stopped after;
                     a new instance is seeded with the demo content first.
  --port <number>    the port for an instance that does not exist yet (default 9400)
  --empty            start from an empty site: remove all posts, pages, media, comments, terms
                     and users (but the administrator) before importing. Without it, the export
                     is merged into what the site holds.
  -h, --help         show this help
`;

function fail(message) {
  console.error(`[wp:import] ${message}`);
  process.exit(1);
}

let values;
let positionals;
try {
  ({ values, positionals } = parseArgs({
    options: {
      instance: { type: 'string', default: 'dev' },
      port: { type: 'string' },
      empty: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  }));
} catch (error) {
  fail(`${error.message}\n\n${HELP}`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (positionals.length !== 1) fail(`name one export file.\n\n${HELP}`);
const [file] = positionals;
if (!existsSync(file)) fail(`${file} does not exist.`);

let document;
try {
  document = parseWxr(readFileSync(file, 'utf8'));
} catch (error) {
  if (error instanceof WxrError) fail(`${file}, ${error.message}\nNothing was imported.`);
  throw error;
}
const itemCount = document.items.length;
console.log(
  `[wp:import] ${file}: “${document.title}” from ${document.sourceUrl || 'an unnamed site'} — ` +
    `${document.authors.length} authors, ${document.terms.length} terms, ${itemCount} items, ` +
    `${document.items.reduce((sum, item) => sum + item.comments.length, 0)} comments.`,
);

/** The instance's site and credentials; starts it when it is not answering already. */
async function reachInstance(name) {
  const stateFile = join(instanceFolder(name), 'state.json');
  if (existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    const site = { url: state.url, user: state.user, applicationPassword: state.applicationPassword };
    try {
      const response = await fetch(`${state.url}/?rest_route=/`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return { site, stop: async () => {} };
    } catch {
      // Not running; started below.
    }
  }
  const wordpress = await startEmbeddedWordPress({
    name,
    port: values.port ? Number(values.port) : undefined,
    log: (line) => console.log(`[wordpress ${name}] ${line}`),
  });
  return {
    site: {
      url: wordpress.url,
      user: wordpress.env.WORDPRESS_PREVIEW_USER,
      applicationPassword: wordpress.env.WORDPRESS_APPLICATION_PASSWORD,
    },
    stop: wordpress.stop,
  };
}

const instance = await reachInstance(values.instance);
let exitCode = 0;
try {
  const result = await importWxr(document, {
    site: instance.site,
    empty: values.empty,
    progress: createProgress(),
  });
  console.log(`\n${formatSummary(result.tally, { ...result, target: instance.site.url })}\n`);
  if (result.tally.totals().failed > 0) exitCode = 1;
} catch (error) {
  console.error(`\n[wp:import] The import stopped: ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
} finally {
  await instance.stop();
}
process.exit(exitCode);
