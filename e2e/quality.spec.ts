import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatVnuMessage, validateHtmlFiles, type VnuMessage } from './html-validator';
import { siteSettings } from './site-settings';
import { pathOf, permalinkStructure, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * Quality gates on one page of every type the site serves: no axe-core accessibility violations
 * (WCAG 2.0/2.1 A and AA plus axe's best practices, in the light and the dark colour scheme) and
 * HTML that the Nu Html Checker accepts without errors, as served (the raw response, not the DOM).
 * Paths come from WordPress, so the suite holds under any permalink structure.
 */

interface DatedPost extends WordPressPost {
  date: string;
}
interface WordPressTerm {
  id: number;
  link: string;
  parent: number;
  count: number;
}
interface WordPressPage {
  id: number;
  link: string;
  parent: number;
}
interface WordPressUser {
  slug: string;
  link: string;
  description: string;
}

const ALL_BLOCKS_SLUG = 'a-field-guide-to-every-block';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const COLOR_SCHEMES = ['light', 'dark'] as const;
/**
 * The schemes this run checks: both, unless E2E_AXE_COLOR_SCHEMES names fewer. scripts/e2e.mjs
 * checks the second site configuration in the light scheme only: the dark scheme changes colours
 * alone, and those follow the stylesheet, not the site's settings, so the first configuration's
 * dark run already covers them.
 */
const CHECKED_SCHEMES = COLOR_SCHEMES.filter((scheme) =>
  (process.env.E2E_AXE_COLOR_SCHEMES ?? COLOR_SCHEMES.join(',')).split(',').includes(scheme),
);

/** A lookup made once per worker, however many tests need it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

const newestPosts = once(async () => {
  const { data } = await wordpressGet<DatedPost[]>('/wp/v2/posts', { per_page: 10 });
  if (!data[0]) throw new Error('WordPress has no posts');
  return data;
});

async function allBlocksPath() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { slug: ALL_BLOCKS_SLUG });
  if (!data[0]) throw new Error(`the all-blocks post (${ALL_BLOCKS_SLUG}) is missing`);
  return pathOf(data[0].link);
}

/** The newest post that is plain prose: not the all-blocks showcase, not password-protected. */
async function newestPlainPostPath() {
  const post = (await newestPosts()).find(
    (candidate) => candidate.slug !== ALL_BLOCKS_SLUG && !candidate.content.protected,
  );
  if (!post) throw new Error('no plain post among the newest ten');
  return pathOf(post.link);
}

async function childPagePath() {
  const { data } = await wordpressGet<WordPressPage[]>('/wp/v2/pages', { per_page: 100 });
  const page = data.find((candidate) => candidate.parent !== 0);
  if (!page) throw new Error('no child page seeded');
  return pathOf(page.link);
}

async function nestedCategoryPath() {
  const { data } = await wordpressGet<WordPressTerm[]>('/wp/v2/categories', { per_page: 100 });
  const category = data.filter((term) => term.parent !== 0).sort((a, b) => b.count - a.count)[0];
  if (!category) throw new Error('no nested category seeded');
  return pathOf(category.link);
}

async function tagPath() {
  const { data } = await wordpressGet<WordPressTerm[]>('/wp/v2/tags', { orderby: 'count', order: 'desc' });
  if (!data[0]) throw new Error('no tags seeded');
  return pathOf(data[0].link);
}

async function authorPath() {
  const { data } = await wordpressGet<WordPressUser[]>('/wp/v2/users', { per_page: 100 });
  const author = data.find((user) => user.description && user.slug !== 'admin');
  if (!author) throw new Error('no author seeded');
  return pathOf(author.link);
}

async function monthArchivePath() {
  const [newest] = await newestPosts();
  const [year, month] = (newest?.date ?? '').slice(0, 7).split('-');
  return `/${year}/${month}/`;
}

/** "bakery" when WordPress finds it, otherwise the longest word of the newest post's title. */
async function searchPath() {
  const { total } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { search: 'bakery', per_page: 1 });
  let term = 'bakery';
  if (total === 0) {
    const [newest] = await newestPosts();
    const words = textOf(newest?.title.rendered ?? '').match(/\p{L}+/gu) ?? [];
    term = words.sort((a, b) => b.length - a.length)[0]?.toLowerCase() ?? 'the';
  }
  return `/search/?s=${encodeURIComponent(term)}`;
}

interface PageType {
  name: string;
  status: number;
  path: () => Promise<string>;
}

const PAGE_TYPES: PageType[] = [
  { name: 'home', status: 200, path: async () => '/' },
  // The latest posts' second page: under "/", or under a static front page's posts page.
  {
    name: 'latest posts page 2',
    status: 200,
    path: async () => `${(await siteSettings()).postsListPath}page/2/`,
  },
  { name: 'article (all blocks)', status: 200, path: once(allBlocksPath) },
  { name: 'article (newest plain post)', status: 200, path: once(newestPlainPostPath) },
  { name: 'child page', status: 200, path: once(childPagePath) },
  { name: 'nested category archive', status: 200, path: once(nestedCategoryPath) },
  { name: 'tag archive', status: 200, path: once(tagPath) },
  { name: 'author archive', status: 200, path: once(authorPath) },
  { name: 'month archive', status: 200, path: once(monthArchivePath) },
  { name: 'search results', status: 200, path: once(searchPath) },
  { name: '404 page', status: 404, path: async () => '/no-such-page-here/' },
];

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function oneLine(text: string, max: number) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What to fix, where: rule, impact, and the first few offending elements with axe's reason. */
function describeViolations(violations: AxeViolation[]): string {
  const nodesShown = 4;
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, nodesShown).map((node) => {
        const reason = (node.failureSummary ?? '').split('\n').slice(1).join(' ');
        return (
          `    ${node.target.join(' ')}\n` +
          `      ${oneLine(node.html, 300)}\n` +
          (reason ? `      → ${oneLine(reason, 300)}\n` : '')
        );
      });
      const more = violation.nodes.length - nodesShown;
      return (
        `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n` +
        nodes.join('') +
        (more > 0 ? `    … and ${more} more\n` : '')
      );
    })
    .join('');
}

async function checkAccessibility(page: Page, type: PageType, scheme: (typeof COLOR_SCHEMES)[number]) {
  const path = await type.path();
  await page.emulateMedia({ colorScheme: scheme });
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBe(type.status);
  expect(
    await page.evaluate((query) => window.matchMedia(query).matches, `(prefers-color-scheme: ${scheme})`),
    `the page sees prefers-color-scheme: ${scheme}`,
  ).toBe(true);
  // Every rule runs; only the nodes that passed or did not apply are not listed one by one (axe's
  // unique selectors for each were most of its time on long pages).
  const { violations, incomplete } = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .options({ resultTypes: ['violations', 'incomplete'] })
    .analyze();
  if (incomplete.length > 0) {
    // Not failures: what axe could not decide (contrast over images, say) and a person should look at.
    console.log(
      `axe needs review on ${path} (${scheme}): ` +
        incomplete.map((result) => `${result.id} ×${result.nodes.length}`).join(', '),
    );
  }
  expect(
    violations.length,
    `${violations.length} accessibility violation(s) on ${path} (${scheme} scheme):\n` +
      describeViolations(violations),
  ).toBe(0);
}

test.describe(`accessibility (axe-core; permalinks ${permalinkStructure})`, () => {
  // axe's colour-contrast pass walks every node of an archive page: about 30 s beside the other
  // lanes on two cores, so the default minute is too close.
  test.describe.configure({ timeout: 120_000 });
  for (const type of PAGE_TYPES) {
    for (const scheme of CHECKED_SCHEMES) {
      test(`${type.name}, ${scheme} scheme`, async ({ page }) => {
        await checkAccessibility(page, type, scheme);
      });
    }
  }
});

test.describe(`valid HTML (Nu Html Checker; permalinks ${permalinkStructure})`, () => {
  test('every page type is served as valid HTML', async ({ request }) => {
    test.setTimeout(180_000);
    const directory = await mkdtemp(join(tmpdir(), 'broadsheet-vnu-'));
    let keepFiles = false;
    try {
      const files: { type: PageType; path: string; file: string }[] = [];
      for (const [index, type] of PAGE_TYPES.entries()) {
        const path = await type.path();
        const response = await request.get(path, { maxRedirects: 0 });
        expect(response.status(), `${path} answered`).toBe(type.status);
        const slug = type.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
        const file = join(directory, `${String(index + 1).padStart(2, '0')}-${slug}.html`);
        await writeFile(file, await response.body());
        files.push({ type, path, file });
      }

      const messages = await validateHtmlFiles(files.map(({ file }) => file));
      const byFile = new Map<string, VnuMessage[]>();
      for (const message of messages) {
        const file = message.url ? basename(decodeURIComponent(new URL(message.url).pathname)) : '';
        byFile.set(file, [...(byFile.get(file) ?? []), message]);
      }

      const failures = messages.filter((message) => message.type === 'non-document-error');
      expect(failures.length, `the checker failed:\n${failures.map(formatVnuMessage).join('\n')}`).toBe(0);

      const infos = messages.filter((message) => message.type === 'info');
      const warnings = infos.filter((message) => message.subType === 'warning');
      const summary =
        `${infos.length} info message(s), ${warnings.length} of them warnings (allowed), ` +
        `across ${files.length} pages`;
      console.log(`Nu Html Checker: ${summary}`);
      test.info().annotations.push({ type: 'Nu Html Checker', description: summary });

      for (const { type, path, file } of files) {
        await test.step(`${type.name} (${path})`, async () => {
          const errors = (byFile.get(basename(file)) ?? []).filter((message) => message.type === 'error');
          if (errors.length) keepFiles = true;
          expect
            .soft(
              errors.length,
              `${errors.length} HTML error(s) in ${path} (saved as ${file}):\n` +
                errors.map(formatVnuMessage).join('\n'),
            )
            .toBe(0);
        });
      }
    } finally {
      if (!keepFiles) await rm(directory, { recursive: true, force: true });
    }
  });
});
