import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { siteSettings } from './site-settings';
import { pathOf, wordpressGet, type WordPressPost } from './wordpress';

const run = promisify(execFile);

interface LighthouseReport {
  categories: { seo: { score: number | null; auditRefs: { id: string; weight: number }[] } };
  audits: Record<string, { title: string; score: number | null }>;
}

/** Lighthouse's SEO audit, as a crawler-minded reviewer runs it, in the same Chromium as the suite. */
async function seoAudit(url: string): Promise<LighthouseReport> {
  const flags = process.env.E2E_CHROMIUM_ARGS ?? '--no-sandbox --disable-gpu';
  const { stdout } = await run(
    process.execPath,
    [
      join('node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--only-categories=seo',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=--headless ${flags}`,
    ],
    {
      env: {
        ...process.env,
        ...(process.env.E2E_CHROMIUM_PATH ? { CHROME_PATH: process.env.E2E_CHROMIUM_PATH } : {}),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as LighthouseReport;
}

test.describe('Lighthouse SEO', () => {
  test.describe.configure({ timeout: 120_000 });

  const pages = [
    { name: 'home', path: async () => '/' },
    {
      name: 'an article',
      path: async () => {
        const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 2 });
        return pathOf(data[0]?.link ?? '/');
      },
    },
    {
      name: 'a category archive',
      path: async () => {
        const { data } = await wordpressGet<{ link: string }[]>('/wp/v2/categories', {
          orderby: 'count',
          order: 'desc',
        });
        return pathOf(data[0]?.link ?? '/');
      },
    },
  ];

  for (const { name, path } of pages) {
    test(`${name} scores 100, or fails only "is crawlable" on a site that discourages search engines`, async ({
      baseURL,
    }) => {
      const report = await seoAudit(`${baseURL}${await path()}`);
      const failing = report.categories.seo.auditRefs
        .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== 1)
        .map((ref) => ref.id);
      if ((await siteSettings()).searchEngineVisible) {
        expect(failing, 'failing SEO audits').toEqual([]);
        expect(report.categories.seo.score).toBe(1);
      } else {
        // Settings → Reading → "Discourage search engines": every page is noindex, as on WordPress.
        expect(failing, 'failing SEO audits').toEqual(['is-crawlable']);
      }
    });
  }
});
