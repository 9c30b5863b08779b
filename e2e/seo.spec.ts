import { expect, test } from '@playwright/test';
import { parseYoastHead, type HeadTag, type ParsedHead } from '../lib/seo';
import { pathOf, wordpressGet, home } from './wordpress';

interface PostWithYoast {
  id: number;
  link: string;
  yoast_head: string | null;
}

/** What a crawler reads: the page's head tags, and the JSON-LD anywhere in the document. */
async function readHead(html: string): Promise<ParsedHead> {
  const headEnd = html.indexOf('</head>');
  const head = parseYoastHead(html.slice(0, headEnd));
  return { ...head, jsonLd: parseYoastHead(html).jsonLd };
}

function key(tag: HeadTag): string {
  return tag.kind === 'link'
    ? `link:${tag.rel}`
    : tag.property
      ? `property:${tag.property}`
      : `name:${tag.name}`;
}

function value(tag: HeadTag): string {
  return tag.kind === 'link' ? tag.href : tag.content;
}

/**
 * The parity check: the page at `path` renders every tag of Yoast's own head HTML, once where
 * Yoast has one, with equal values after page URLs move to this origin; and Yoast's schema graph.
 */
async function expectYoastParity(
  request: import('@playwright/test').APIRequestContext,
  siteUrl: string,
  path: string,
  yoastHtml: string,
) {
  const moveToSite = (url: string) =>
    url.startsWith(home) && !url.includes('/wp-content/') ? siteUrl + url.slice(home.length) : url;
  const yoast = parseYoastHead(yoastHtml);
  const html = await (await request.get(path)).text();
  const ours = await readHead(html);
  expect(ours.title, path).toBe(yoast.title);
  expect(html.match(/<title>/g)?.length, `${path}: one title`).toBe(1);

  const ourTags = new Map<string, string[]>();
  for (const tag of ours.tags) ourTags.set(key(tag), [...(ourTags.get(key(tag)) ?? []), value(tag)]);
  for (const tag of yoast.tags) {
    const values = ourTags.get(key(tag)) ?? [];
    expect(values, `${path}: ${key(tag)}`).toContain(moveToSite(value(tag)));
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

/** Yoast's head for any WordPress URL, through its get_head endpoint. */
async function yoastHeadOf(path: string): Promise<string> {
  const { data } = await wordpressGet<{ html: string }>('/yoast/v1/get_head', {
    url: `${home}${path}`,
  });
  return data.html;
}

interface ArchiveWithYoast {
  link: string;
  count?: number;
  yoast_head: string | null;
}

test.describe('search engines read Yoast’s head, on the frontend’s own origin', () => {
  test('every seeded post with Yoast output renders each Yoast tag, once, with equal values', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const siteUrl = baseURL ?? '';
    const { data } = await wordpressGet<PostWithYoast[]>('/wp/v2/posts', {
      per_page: 100,
      _fields: 'id,link,yoast_head',
    });
    const withYoast = data.filter((post) => post.yoast_head);
    expect(withYoast.length).toBeGreaterThanOrEqual(20);

    for (const post of withYoast) {
      await expectYoastParity(request, siteUrl, pathOf(post.link), post.yoast_head ?? '');
    }
  });

  test('the home page, categories, tags and authors render Yoast’s head, their later pages included', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const siteUrl = baseURL ?? '';
    await expectYoastParity(request, siteUrl, '/', await yoastHeadOf('/'));
    await expectYoastParity(request, siteUrl, '/page/2/', await yoastHeadOf('/page/2/'));

    for (const [route, label] of [
      ['/wp/v2/categories', 'category'],
      ['/wp/v2/tags', 'tag'],
      ['/wp/v2/users', 'author'],
    ] as const) {
      const { data } = await wordpressGet<ArchiveWithYoast[]>(route, {
        per_page: 100,
        _fields: route === '/wp/v2/users' ? 'link,yoast_head' : 'link,count,yoast_head',
      });
      const described = data.filter((item) => item.yoast_head && (item.count ?? 1) > 0);
      expect(described.length, `${label} archives with Yoast output`).toBeGreaterThan(0);
      // Archives without Yoast output keep the frontend's own head (tested below and in unit tests).
      expect(
        data.some((item) => !item.yoast_head),
        `${label} archives without Yoast output`,
      ).toBe(true);
      for (const item of described) {
        await expectYoastParity(request, siteUrl, pathOf(item.link), item.yoast_head ?? '');
      }
      // Yoast's own head says which archives have a second page.
      const long = described.find((item) => item.yoast_head?.includes('rel="next"'));
      // The seeded categories and authors run to several pages; tags may not.
      if (label !== 'tag') expect(long, `a ${label} archive with a second page`).toBeTruthy();
      if (long) {
        const second = `${pathOf(long.link)}page/2/`;
        await expectYoastParity(request, siteUrl, second, await yoastHeadOf(second));
      }
    }
  });

  test('a post without Yoast gets the same richness from WordPress’s own fields', async ({
    request,
    baseURL,
  }) => {
    const { data } = await wordpressGet<PostWithYoast[]>('/wp/v2/posts', {
      per_page: 100,
      _fields: 'id,link,yoast_head',
    });
    const post = data.find((item) => !item.yoast_head);
    if (!post) throw new Error('every post has Yoast output; the fallback is not exercised');
    const path = pathOf(post.link);
    const head = await readHead(await (await request.get(path)).text());
    const tags = new Map(head.tags.map((tag) => [key(tag), value(tag)]));
    expect(head.title).toMatch(/ – The Lantern Quarterly$/);
    expect(tags.get('name:description')).toBeTruthy();
    expect(tags.get('link:canonical')).toBe(`${baseURL}${path}`);
    expect(tags.get('property:og:type')).toBe('article');
    expect(tags.get('property:og:url')).toBe(`${baseURL}${path}`);
    expect(tags.get('name:twitter:card')).toMatch(/^summary/);
    const graph = head.jsonLd.find((item): item is { '@graph': { '@type'?: unknown }[] } =>
      Boolean(item && typeof item === 'object' && '@graph' in item),
    );
    const types = (graph?.['@graph'] ?? []).flatMap((node) => node['@type'] ?? []);
    for (const type of ['WebSite', 'WebPage', 'Article', 'BreadcrumbList', 'Person'])
      expect(types).toContain(type);
  });

  test('archives carry a canonical on this origin, and 404s and search results are noindex', async ({
    request,
    baseURL,
  }) => {
    const first = await readHead(await (await request.get('/')).text());
    expect(first.tags.find((tag) => key(tag) === 'link:canonical')).toMatchObject({ href: `${baseURL}/` });
    const second = await readHead(await (await request.get('/page/2/')).text());
    expect(second.tags.find((tag) => key(tag) === 'link:prev')).toMatchObject({ href: `${baseURL}/` });
    for (const path of ['/no-such-page-anywhere/', '/search/?s=bakery']) {
      const head = await readHead(await (await request.get(path)).text());
      const robots = head.tags.find((tag) => key(tag) === 'name:robots');
      expect(robots && value(robots), path).toMatch(/noindex/);
    }
  });
});
