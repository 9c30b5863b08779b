import { expect, test } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatVnuMessage, validateHtmlFiles, type VnuMessage } from './html-validator';
import { PAGE_TYPES, type PageType } from './page-types';
import { permalinkStructure } from './wordpress';

/**
 * A quality gate on one page of every type the site serves (e2e/page-types.ts): HTML that the Nu
 * Html Checker accepts without errors, as served (the raw response, not the DOM). Its
 * accessibility is checked by e2e/quality.spec.ts.
 */

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
