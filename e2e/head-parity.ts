import { expect, type APIRequestContext } from '@playwright/test';
import { parseYoastHead, type HeadTag, type ParsedHead } from '../lib/seo';
import { home, WordPressAnswerError, wordpressGet } from './wordpress';
import { siteSettings } from './site-settings';

/** What a crawler reads: the page's head tags, and the JSON-LD anywhere in the document. */
export function readHead(html: string): ParsedHead {
  const headEnd = html.indexOf('</head>');
  const head = parseYoastHead(html.slice(0, headEnd));
  return { ...head, jsonLd: parseYoastHead(html).jsonLd };
}

/** A head tag's identity: a link by its rel, a meta tag by its property or name. */
export function headTagKey(tag: HeadTag): string {
  return tag.kind === 'link'
    ? `link:${tag.rel}`
    : tag.property
      ? `property:${tag.property}`
      : `name:${tag.name}`;
}

export function headTagValue(tag: HeadTag): string {
  return tag.kind === 'link' ? tag.href : tag.content;
}

/**
 * The parity check: the page at `path` renders every tag of Yoast's own head HTML, once where
 * Yoast has one, with equal values after page URLs move to this origin; and Yoast's schema graph.
 */
export async function expectYoastParity(
  request: APIRequestContext,
  siteUrl: string,
  path: string,
  yoastHtml: string,
) {
  const moveToSite = (url: string) =>
    url.startsWith(home) && !url.includes('/wp-content/') ? siteUrl + url.slice(home.length) : url;
  const yoast = parseYoastHead(yoastHtml);
  const html = await (await request.get(path)).text();
  const ours = readHead(html);
  expect(ours.title, path).toBe(yoast.title);
  expect(html.match(/<title>/g)?.length, `${path}: one title`).toBe(1);

  const ourTags = new Map<string, string[]>();
  for (const tag of ours.tags)
    ourTags.set(headTagKey(tag), [...(ourTags.get(headTagKey(tag)) ?? []), headTagValue(tag)]);
  // A site that discourages search engines is noindex on every page, whatever its SEO plugin says.
  const discouraged = !(await siteSettings()).searchEngineVisible;
  for (const tag of yoast.tags) {
    const key = headTagKey(tag);
    const values = ourTags.get(key) ?? [];
    if (discouraged && key === 'name:robots') {
      expect(values, `${path}: ${key} on a site that discourages search engines`).toEqual([
        expect.stringMatching(/\bnoindex\b/),
      ]);
      continue;
    }
    expect(values, `${path}: ${key}`).toContain(moveToSite(headTagValue(tag)));
  }
  for (const single of ['link:canonical', 'name:robots', 'property:og:url', 'property:og:title']) {
    expect(ourTags.get(single)?.length ?? 0, `${path}: exactly one ${single}`).toBe(1);
  }
  expect(ourTags.get('name:description')?.length ?? 0, `${path}: at most one description`).toBeLessThan(2);

  // The schema graph: Yoast's, with page URLs on this origin and media where it is.
  const graph = ours.jsonLd.find((item): item is { '@graph': { '@id'?: string; '@type'?: unknown }[] } =>
    Boolean(item && typeof item === 'object' && '@graph' in item),
  );
  expect(graph, `${path}: JSON-LD graph`).toBeTruthy();
  const ids = (graph?.['@graph'] ?? []).map((node) => node['@id'] ?? '');
  expect(ids.some((id) => id.startsWith(`${siteUrl}${path}`))).toBe(true);
  expect(ids.some((id) => id.startsWith(home) && !id.includes('/wp-content/'))).toBe(false);
}

/**
 * Yoast's head for a WordPress URL, or null where Yoast answers 404 (a URL it does not describe;
 * the page then carries the frontend's own head, see expectOwnHead).
 */
export async function yoastHeadOrNull(path: string): Promise<string | null> {
  try {
    return await yoastHeadOf(path);
  } catch (error) {
    if (error instanceof WordPressAnswerError && error.status === 404) return null;
    throw error;
  }
}

/** The frontend's own head where Yoast has none: one title, a canonical to itself, the site's robots. */
export async function expectOwnHead(request: APIRequestContext, siteUrl: string, path: string) {
  const html = await (await request.get(path)).text();
  const ours = readHead(html);
  expect(html.match(/<title>/g)?.length, `${path}: one title`).toBe(1);
  expect(ours.title, `${path}: a title`).toBeTruthy();
  const canonical = ours.tags.filter((tag) => headTagKey(tag) === 'link:canonical').map(headTagValue);
  expect(canonical, `${path}: its canonical`).toEqual([`${siteUrl}${path}`]);
  if (!(await siteSettings()).searchEngineVisible) {
    const robots = ours.tags.filter((tag) => headTagKey(tag) === 'name:robots').map(headTagValue);
    expect(robots, `${path}: robots on a site that discourages search engines`).toEqual([
      expect.stringMatching(/\bnoindex\b/),
    ]);
  }
}

/** Yoast's head for any WordPress URL, through its get_head endpoint. */
export async function yoastHeadOf(path: string): Promise<string> {
  const { data } = await wordpressGet<{ html: string }>('/yoast/v1/get_head', {
    url: `${home}${path}`,
  });
  return data.html;
}
