import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES, type PageType } from './page-types';
import { permalinkStructure } from './wordpress';

/**
 * A quality gate on one page of every type the site serves (e2e/page-types.ts): no axe-core
 * accessibility violations (WCAG 2.0/2.1 A and AA plus axe's best practices), in the light and
 * the dark colour scheme. Its HTML is checked by e2e/valid-html.spec.ts.
 */

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
