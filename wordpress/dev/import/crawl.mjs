#!/usr/bin/env node
// Opens every post, page, category, tag, author and date archive a WordPress holds on the
// frontend and reports the statuses: after an import, nothing may answer with a server error.
//   node wordpress/dev/import/crawl.mjs --wordpress http://127.0.0.1:9421 --app http://127.0.0.1:3210
// Exits 1 when any page answers 5xx (or not at all). Two requests at a time, as a reader would
// not hammer the embedded WordPress behind a cold cache.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    wordpress: { type: 'string' },
    app: { type: 'string' },
    concurrency: { type: 'string', default: '2' },
  },
});
if (!values.wordpress || !values.app) {
  console.error(
    'Usage: node wordpress/dev/import/crawl.mjs --wordpress <WordPress URL> --app <frontend URL>',
  );
  process.exit(2);
}
const wordpress = values.wordpress.replace(/\/+$/, '');
const app = values.app.replace(/\/+$/, '');

/** Every item of a REST collection, page by page. */
async function collect(route, params = {}) {
  const items = [];
  for (let page = 1; ; page++) {
    const url = new URL(`${wordpress}/`);
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries({ per_page: 100, ...params, page })) {
      url.searchParams.set(key, String(value));
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`WordPress ${route} answered ${response.status}`);
    items.push(...(await response.json()));
    if (page >= Number(response.headers.get('X-WP-TotalPages') ?? 1)) return items;
  }
}

const pathOf = (link) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

const started = Date.now();
const [posts, pages, categories, tags, authors] = await Promise.all([
  collect('/wp/v2/posts', { _fields: 'link,date' }),
  collect('/wp/v2/pages', { _fields: 'link' }),
  collect('/wp/v2/categories', { _fields: 'link' }),
  collect('/wp/v2/tags', { _fields: 'link' }),
  collect('/wp/v2/users', { _fields: 'link', has_published_posts: 'true' }),
]);
const dateArchives = new Set();
for (const { date } of posts) {
  const [year, month, day] = date.slice(0, 10).split('-');
  dateArchives.add(`/${year}/`).add(`/${year}/${month}/`).add(`/${year}/${month}/${day}/`);
}
const targets = [
  ...posts.map((post) => ['post', pathOf(post.link)]),
  ...pages.map((page) => ['page', pathOf(page.link)]),
  ...categories.map((term) => ['category', pathOf(term.link)]),
  ...tags.map((term) => ['tag', pathOf(term.link)]),
  ...authors.map((user) => ['author', pathOf(user.link)]),
  ...[...dateArchives].map((path) => ['date archive', path]),
];

const results = [];
const queue = [...targets];
async function worker() {
  for (let target = queue.shift(); target; target = queue.shift()) {
    const [kind, path] = target;
    const requestStarted = Date.now();
    let status;
    try {
      const response = await fetch(`${app}${path}`, { signal: AbortSignal.timeout(60_000) });
      await response.arrayBuffer();
      status = response.status;
    } catch (error) {
      status = `no answer (${error instanceof Error ? error.message : error})`;
    }
    results.push({ kind, path, status, ms: Date.now() - requestStarted });
  }
}
await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));

const byKind = new Map();
for (const { kind, status } of results) {
  const counts = byKind.get(kind) ?? new Map();
  counts.set(status, (counts.get(status) ?? 0) + 1);
  byKind.set(kind, counts);
}
console.log(`Crawled ${results.length} URLs of ${app} in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
for (const [kind, counts] of byKind) {
  const statuses = [...counts].map(([status, count]) => `${count} × ${status}`).join(', ');
  console.log(`  ${kind.padEnd(12)} ${statuses}`);
}
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);
console.log(`Slowest: ${slowest.map(({ path, ms }) => `${path} ${(ms / 1000).toFixed(1)} s`).join('; ')}`);
const broken = results.filter(({ status }) => typeof status !== 'number' || status >= 500);
const notFound = results.filter(({ status }) => status === 404);
for (const { kind, path, status } of [...broken, ...notFound]) console.log(`  ${status} ${kind} ${path}`);
process.exit(broken.length > 0 ? 1 : 0);
