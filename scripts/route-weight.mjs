#!/usr/bin/env node
// The JavaScript each route ships, gzip-compressed, from the production build in .next/ (run
// `next build` first). For every page route: the chunks its HTML loads beyond Next's and React's
// runtime (rootMainFiles, the same on every page), and then the chunks that load only later
// (islands' lazy halves, the query library). Prints figures; never fails on them.
//   node scripts/route-weight.mjs [--budget-kb 15]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({ options: { 'budget-kb': { type: 'string', default: '15' } } });
const budgetBytes = Number(values['budget-kb']) * 1024;
const distDir = join(process.cwd(), '.next');

/** Lazy chunks named by text only they contain (minified code keeps strings, not file names). */
const LAZY_CHUNK_MARKERS = [
  ['comment form: mutation (comment-submission)', 'awaiting moderation'],
  ['load more: infinite query (load-more-feed)', 'stories loaded.'],
  ['instant search: suggestions query (search-suggestions)', 'Search suggestions answered'],
  ['TanStack Query (query-core + react-query)', 'No QueryClient set'],
];

const gzipSizes = new Map();
function gzipSize(file) {
  if (!gzipSizes.has(file))
    gzipSizes.set(file, gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length);
  return gzipSizes.get(file);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (files) => files.reduce((total, file) => total + gzipSize(file), 0);

function findFiles(directory, name) {
  const found = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, name));
    else if (entry === name) found.push(path);
  }
  return found;
}

let buildManifest;
try {
  buildManifest = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
} catch {
  console.error('No production build found in .next/: run `next build` first.');
  process.exit(1);
}
const runtime = buildManifest.rootMainFiles;
const runtimeSet = new Set(runtime);

/** Each route's client reference manifest lists the JS of every segment its HTML loads. */
const routes = [];
const initialChunks = new Set(runtime);
for (const file of findFiles(join(distDir, 'server', 'app'), 'page_client-reference-manifest.js')) {
  const sandbox = { self: {}, globalThis: {} };
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const manifests = sandbox.globalThis.__RSC_MANIFEST ?? sandbox.self.__RSC_MANIFEST ?? {};
  for (const [route, manifest] of Object.entries(manifests)) {
    const chunks = [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())].filter(
      (chunk) => !runtimeSet.has(chunk),
    );
    for (const chunk of chunks) initialChunks.add(chunk);
    routes.push({
      route: route.replace(/\/page$/, '') || '/',
      chunks,
      file: relative(distDir, file).split(sep).join('/'),
    });
  }
}
routes.sort((a, b) => a.route.localeCompare(b.route));

console.log(`Next's and React's runtime (every page): ${kb(sum(runtime))} gzip in ${runtime.length} files\n`);
console.log('Route'.padEnd(34) + 'JS beyond the runtime (gzip)');
for (const { route, chunks } of routes) {
  const bytes = sum(chunks);
  console.log(`${route.padEnd(34)}${kb(bytes).padStart(9)}  (${chunks.length} files)`);
}

const staticChunks = readdirSync(join(distDir, 'static', 'chunks'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `static/chunks/${name}`);
const lazy = staticChunks.filter(
  (chunk) => !initialChunks.has(chunk) && !buildManifest.polyfillFiles.includes(chunk),
);
console.log('\nLoaded later, only when an island comes alive (gzip):');
for (const chunk of lazy) {
  const text = readFileSync(join(distDir, chunk), 'utf8');
  const labels = LAZY_CHUNK_MARKERS.filter(([, marker]) => text.includes(marker)).map(([label]) => label);
  if (labels.length === 0) continue;
  console.log(`  ${kb(gzipSize(chunk)).padStart(9)}  ${chunk}  ${labels.join('; ')}`);
}

const article = routes.find(({ route }) => route === '/[...path]');
if (article) {
  const bytes = sum(article.chunks);
  console.log(
    `\nArticle page (/[...path]): ${kb(bytes)} beyond the runtime; budget ${kb(budgetBytes)}: ${bytes <= budgetBytes ? 'within' : 'OVER'}`,
  );
}
