// The fidelity matrix: what the editor set on a post's blocks, read from the browser's computed
// styles on WordPress's own rendering and on Broadsheet's, element by element. Shared by
// scripts/fidelity.mjs (the report) and e2e/fidelity.spec.ts (its thresholds).

/** The computed properties compared, as getComputedStyle names them. */
export const COMPARED_PROPERTIES = [
  'color',
  'background-color',
  'background-image',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-decoration-line',
  'text-transform',
  'writing-mode',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'text-align',
  'float',
  'border-top-color',
  'border-top-width',
  'border-top-style',
  'border-top-left-radius',
];

/**
 * Runs in the page (page.evaluate): every element of the content root, keyed by its tag (any
 * heading level is "h": Broadsheet shifts them so the title stays the only h1) and its block
 * classes, numbered by occurrence; with the properties the editor set on it (its inline style's,
 * and those its preset, style and alignment classes set) and their computed values.
 */
export function collectContentElements({ rootSelector, properties }) {
  const root = document.querySelector(rootSelector);
  if (!root) return null;
  const BLOCK_CLASS =
    /^(wp-block-|has-|is-style-|align|is-layout-|is-content-justification|is-vertical|items-justified)/;
  const seen = new Map();
  const elements = [];
  for (const element of root.querySelectorAll('*')) {
    // Classes numbered per render (wp-container-…-12, wp-elements-…) differ between renders.
    const classes = [...element.classList]
      .filter((name) => BLOCK_CLASS.test(name) && !/-\d+$/.test(name))
      .sort();
    const tag = /^h[1-6]$/i.test(element.tagName) ? 'h' : element.tagName.toLowerCase();
    const base = `${tag}${classes.map((name) => `.${name}`).join('')}`;
    const index = seen.get(base) ?? 0;
    seen.set(base, index + 1);

    const set = new Set();
    for (let i = 0; i < element.style.length; i++) set.add(element.style.item(i));
    for (const name of element.classList) {
      // A social links list's icon colours are its items', not its own.
      if (name.startsWith('has-icon-')) continue;
      if (/^has-.+-background-color$/.test(name)) set.add('background-color');
      else if (/^has-.+-gradient-background$/.test(name)) set.add('background-image');
      else if (/^has-.+-font-size$/.test(name)) set.add('font-size');
      else if (/^has-text-align-/.test(name)) set.add('text-align');
      else if (/^has-(.+-)?border-color$/.test(name)) set.add('border-top-color');
      else if (/^has-(?!text-color|link-color|background).+-color$/.test(name)) set.add('color');
      else if (name === 'alignleft' || name === 'alignright') set.add('float');
      // A style variation (is-style-…) sets what its CSS sets, the theme's as much as WordPress's;
      // its effects are compared where they show, in the properties above.

      if (name === 'has-background')
        ['padding-top', 'padding-right', 'padding-bottom', 'padding-left'].forEach((p) => set.add(p));
    }
    const compared = properties.filter((property) => set.has(property));
    const computed = getComputedStyle(element);
    const values = {};
    for (const property of properties) values[property] = computed.getPropertyValue(property);
    elements.push({
      key: `${base}#${index}`,
      compared,
      values,
      fontSize: parseFloat(computed.fontSize) || 16,
      text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40),
    });
  }
  return elements;
}

function channels(color) {
  const numbers = color.match(/-?[\d.]+/g)?.map(Number) ?? [];
  if (!/^rgba?\(/.test(color) || numbers.length < 3) return null;
  return [numbers[0], numbers[1], numbers[2], numbers[3] ?? 1];
}

/**
 * Whether two computed values agree. Colours within 2 of 255 per channel (0.02 of alpha);
 * lengths within 1px, or within 0.02em of the element's own font size on each side (an em-based
 * value follows the frame's type size, which is Broadsheet's own on purpose); other values equal
 * after whitespace.
 */
export function valuesAgree(property, wordpress, broadsheet, fontSizes) {
  const a = wordpress.trim().replace(/\s+/g, ' ');
  const b = broadsheet.trim().replace(/\s+/g, ' ');
  if (a === b) return true;
  if (property.includes('color')) {
    const [x, y] = [channels(a), channels(b)];
    return Boolean(x && y && x.every((value, i) => Math.abs(value - y[i]) <= (i === 3 ? 0.02 : 2)));
  }
  if (/^-?[\d.]+px$/.test(a) && /^-?[\d.]+px$/.test(b)) {
    const [x, y] = [parseFloat(a), parseFloat(b)];
    if (Math.abs(x - y) <= 1) return true;
    return property !== 'font-size' && Math.abs(x / fontSizes[0] - y / fontSizes[1]) <= 0.02;
  }
  return false;
}

/**
 * Matches WordPress's elements with Broadsheet's by key and compares what the editor set on each.
 * Elements with nothing set are not counted. Returns the counts and each disagreement.
 */
export function compareRenderings(wordpressElements, broadsheetElements) {
  const byKey = new Map(broadsheetElements.map((element) => [element.key, element]));
  let compared = 0;
  let agreeing = 0;
  const failures = [];
  for (const element of wordpressElements) {
    if (element.compared.length === 0) continue;
    compared += 1;
    const match = byKey.get(element.key);
    if (!match) {
      failures.push({ key: element.key, text: element.text, reason: 'not on Broadsheet’s page' });
      continue;
    }
    const differences = element.compared.filter(
      (property) =>
        !valuesAgree(property, element.values[property], match.values[property], [
          element.fontSize,
          match.fontSize,
        ]),
    );
    if (differences.length === 0) agreeing += 1;
    else
      failures.push({
        key: element.key,
        text: element.text,
        reason: differences
          .map((property) => `${property}: ${element.values[property]} ≠ ${match.values[property]}`)
          .join('; '),
      });
  }
  return { compared, agreeing, failures };
}

/** WordPress's block test data, as kept in the repository. */
export const BLOCK_TEST_DATA = 'wordpress/dev/import/fixtures/block-test-data.xml';

/**
 * Opens a page in a Playwright page and reads its post content's elements (null when the page
 * has no post content), with the page's HTTP status.
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 * @param {string} rootSelector
 */
export async function readContentElements(page, url, rootSelector) {
  const response = await page.goto(url, { waitUntil: 'load' });
  const elements = await page.evaluate(collectContentElements, {
    rootSelector,
    properties: COMPARED_PROPERTIES,
  });
  return { status: response?.status() ?? 0, elements };
}

/** Root of the post content: WordPress's block theme, Broadsheet. */
export const WORDPRESS_CONTENT_ROOT = '.wp-block-post-content';
export const BROADSHEET_CONTENT_ROOT = '.article__content';

/** The published posts of a WXR file: slug, title and block markup, as WordPress stored them. */
export function publishedPosts(wxr) {
  const posts = [];
  for (const [, item] of wxr.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    const field = (name) =>
      item.match(new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`))?.[1] ?? '';
    if (field('wp:post_type') !== 'post' || field('wp:status') !== 'publish' || !field('wp:post_name'))
      continue;
    posts.push({ slug: field('wp:post_name'), title: field('title'), content: field('content:encoded') });
  }
  return posts;
}
