import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  BLOCK_TEST_DATA,
  BROADSHEET_CONTENT_ROOT,
  compareRenderings,
  publishedPosts,
  readContentElements,
  WORDPRESS_CONTENT_ROOT,
} from '../scripts/fidelity/compare.mjs';
import { FRESH_WITHIN } from './freshness';
import { pathOf, wordpressUrl, wordpressWrite } from './wordpress';

/**
 * The fidelity matrix's thresholds, end to end: posts of WordPress's block test data, each named
 * for the block it shows, rendered by WordPress's own block theme and by Broadsheet, and what
 * the editor set on every element (colours, background, typography, spacing, alignment) compared
 * in Chromium (scripts/fidelity/compare.mjs). `node scripts/fidelity.mjs` prints the whole
 * matrix over the imported test data; this spec holds the block types that reach the goal to it,
 * lean enough for the suite.
 * The posts are created here, dated long ago so no list's first page changes, and deleted after.
 */
/**
 * Block types that reach the goal, one of each kind of source: inline styles and preset classes,
 * WordPress's block CSS and the theme's block styles, layouts, style variations, a block
 * WordPress renders only on a post's own page (previous-post), and the order of a block theme's
 * per-block CSS before the common rules (pullquote's alignment classes). The matrix's report
 * lists the others and why they fall short.
 */
const SAMPLE = [
  'paragraph',
  'heading',
  'quote',
  'image',
  'buttons',
  'columns',
  'separator',
  'previous-post',
  'pullquote',
];
/** The share of a block type's styled elements that must agree. */
const AGREEMENT = 0.95;

interface CreatedPost {
  id: number;
  link: string;
}

const posts = publishedPosts(readFileSync(BLOCK_TEST_DATA, 'utf8')).filter((post) =>
  SAMPLE.includes(post.slug),
);
const created = new Map<string, CreatedPost>();

async function contentElements(page: Page, url: string, rootSelector: string) {
  const { status, elements } = await readContentElements(page, url, rootSelector);
  expect(status, url).toBe(200);
  expect(elements, `post content on ${url}`).not.toBeNull();
  return elements ?? [];
}

test.describe('what the editor set is what the reader sees', () => {
  // One set of posts for every test: they are made once, in this worker.
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    expect(posts.map((post) => post.slug).sort()).toEqual([...SAMPLE].sort());
    for (const [index, post] of posts.entries()) {
      const item = await wordpressWrite<CreatedPost>('POST', '/wp/v2/posts', {
        slug: `fidelity-${post.slug}`,
        title: post.title,
        content: post.content,
        status: 'publish',
        date: `2009-01-${String(index + 1).padStart(2, '0')}T12:00:00`,
      });
      created.set(post.slug, item);
    }
  });

  test.afterAll(async () => {
    for (const item of created.values())
      await wordpressWrite('DELETE', `/wp/v2/posts/${item.id}`, {}, { force: 'true' });
  });

  for (const slug of SAMPLE) {
    test(`${slug}: Broadsheet shows what WordPress's block theme shows`, async ({ page }) => {
      const item = created.get(slug);
      if (!item) throw new Error(`${slug} was not created`);
      const path = pathOf(item.link);
      const wordpress = await contentElements(
        page,
        `${wordpressUrl}${new URL(item.link).pathname}`,
        WORDPRESS_CONTENT_ROOT,
      );
      const broadsheet = await contentElements(page, path, BROADSHEET_CONTENT_ROOT);
      const result = compareRenderings(wordpress, broadsheet);
      expect(result.compared, 'styled elements compared').toBeGreaterThan(0);
      expect(
        result.agreeing / result.compared,
        JSON.stringify(result.failures, null, 1),
      ).toBeGreaterThanOrEqual(AGREEMENT);
    });
  }

  test("a post's block CSS is a stylesheet of its own, kept for good, renamed when the content changes", async ({
    request,
  }) => {
    const item = created.get('quote');
    const source = posts.find((post) => post.slug === 'quote');
    if (!item || !source) throw new Error('quote was not created');
    const path = pathOf(item.link);
    const stylesheetsOf = async () => {
      const html = await (await request.get(path)).text();
      const hrefs = [...html.matchAll(/<link rel="stylesheet" href="(\/_broadsheet\/content-css\/[^"]+)"/g)];
      return { html, hrefs: hrefs.map((match) => match[1] ?? '') };
    };
    const first = await stylesheetsOf();
    expect(first.hrefs).toHaveLength(1);
    const href = first.hrefs[0] ?? '';
    expect(href).toMatch(new RegExp(`^/_broadsheet/content-css/post/${item.id}/[0-9a-f]{16}\\.css$`));
    const stylesheet = await request.get(href);
    expect(stylesheet.status()).toBe(200);
    expect(stylesheet.headers()['content-type']).toBe('text/css; charset=utf-8');
    expect(stylesheet.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await stylesheet.text()).toContain('.entry-content .wp-block-quote');
    // In the page once, as a link: neither its HTML nor its server components payload holds the rules.
    expect(first.html).not.toContain('.entry-content .wp-block-quote');
    expect(first.html).not.toContain('<style data-scope');

    // A block the post did not have: a new address, with its rules (read past the cache, which
    // may still have the post as it was).
    await wordpressWrite('POST', `/wp/v2/posts/${item.id}`, {
      content: `${source.content}<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Said once more.</p></blockquote></figure><!-- /wp:pullquote -->`,
    });
    await expect.poll(async () => (await stylesheetsOf()).hrefs[0], FRESH_WITHIN).not.toBe(href);
    const renamed = (await stylesheetsOf()).hrefs[0] ?? '';
    expect(await (await request.get(renamed)).text()).toContain('.entry-content .wp-block-pullquote');
    // The old address answers with its own rules, kept for good, while this instance's cache still
    // has the post as it was; with the current ones, never stored, once it has the edit.
    const old = await request.get(href);
    expect(old.status()).toBe(200);
    const oldCss = await old.text();
    if (old.headers()['cache-control'] === 'no-store') {
      expect(oldCss).toContain('.entry-content .wp-block-pullquote');
    } else {
      expect(old.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(href).toContain(`/${createHash('sha256').update(oldCss).digest('hex').slice(0, 16)}.css`);
    }

    for (const bad of [
      `/_broadsheet/content-css/post/${item.id}/not-a-digest.css`,
      `/_broadsheet/content-css/post/999999999/0123456789abcdef.css`,
      `/_broadsheet/content-css/no-such-type/${item.id}/0123456789abcdef.css`,
    ]) {
      const response = await request.get(bad);
      expect(response.status(), bad).toBe(404);
      expect(response.headers()['cache-control'], bad).toBe('no-store');
    }
  });
});
