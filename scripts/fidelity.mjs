#!/usr/bin/env node
// The fidelity matrix: for every post of WordPress's block test data, the post content as
// WordPress's own block theme renders it and as Broadsheet renders it, compared element by
// element in Chromium (scripts/fidelity/compare.mjs says what and within what tolerance).
// Prints the agreement per block type (each test post is one block type) and every disagreement.
//   npm run wp:import -- wordpress/dev/import/fixtures/block-test-data.xml
//   node scripts/fidelity.mjs --wordpress http://127.0.0.1:9400 --app http://127.0.0.1:3000 [--only cover,group]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import {
  BLOCK_TEST_DATA,
  BROADSHEET_CONTENT_ROOT,
  compareRenderings,
  publishedPosts,
  readContentElements,
  WORDPRESS_CONTENT_ROOT,
} from './fidelity/compare.mjs';

/** One post's comparison: WordPress's page and Broadsheet's, one navigation each. */
export async function comparePost(page, { wordpressUrl, appUrl, slug }) {
  const response = await fetch(
    `${wordpressUrl}/wp-json/wp/v2/posts?slug=${encodeURIComponent(slug)}&_fields=link`,
  );
  const [post] = response.ok ? await response.json() : [];
  if (!post) return { slug, error: 'not imported' };
  const link = new URL(post.link);
  const read = async (url, rootSelector) => (await readContentElements(page, url, rootSelector)).elements;
  const wordpress = await read(`${wordpressUrl}${link.pathname}`, WORDPRESS_CONTENT_ROOT);
  const broadsheet = await read(`${appUrl}${link.pathname}`, BROADSHEET_CONTENT_ROOT);
  if (!wordpress || !broadsheet) return { slug, error: 'no post content on one of the pages' };
  return { slug, ...compareRenderings(wordpress, broadsheet) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      wordpress: { type: 'string', default: 'http://127.0.0.1:9400' },
      app: { type: 'string', default: 'http://127.0.0.1:3000' },
      only: { type: 'string' },
      data: { type: 'string', default: BLOCK_TEST_DATA },
    },
  });
  const only = values.only?.split(',');
  const slugs = publishedPosts(readFileSync(values.data, 'utf8'))
    .map((post) => post.slug)
    .filter((slug) => !only || only.includes(slug));
  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rows = [];
  try {
    for (const slug of slugs)
      rows.push(await comparePost(page, { wordpressUrl: values.wordpress, appUrl: values.app, slug }));
  } finally {
    await browser.close();
  }
  let total = 0;
  let agreeing = 0;
  console.log('Block type (post)            elements  agreeing');
  for (const row of rows) {
    if (row.error) {
      console.log(`${row.slug.padEnd(28)} ${row.error}`);
      continue;
    }
    total += row.compared;
    agreeing += row.agreeing;
    const share = row.compared === 0 ? '—' : `${Math.round((100 * row.agreeing) / row.compared)} %`;
    console.log(`${row.slug.padEnd(28)} ${String(row.compared).padStart(8)}  ${share.padStart(8)}`);
  }
  console.log(
    `${'All'.padEnd(28)} ${String(total).padStart(8)}  ${total ? Math.round((100 * agreeing) / total) : 0} %`,
  );
  for (const row of rows) {
    for (const failure of row.failures ?? [])
      console.log(`  ${row.slug}: ${failure.key} “${failure.text}”: ${failure.reason}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
