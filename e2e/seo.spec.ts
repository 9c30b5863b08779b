import { expect, test } from '@playwright/test';
import {
  expectOwnHead,
  expectYoastParity,
  headTagKey,
  headTagValue,
  readHead,
  yoastHeadOf,
  yoastHeadOrNull,
} from './head-parity';
import { siteSettings } from './site-settings';
import { pathOf, wordpressGet } from './wordpress';

interface PostWithYoast {
  id: number;
  link: string;
  yoast_head: string | null;
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
    const { frontPage, postsListPath } = await siteSettings();
    // Yoast describes "/" by the static front page when there is one, as it does the page itself,
    // and the posts page likewise; a page it does not describe carries the frontend's own head.
    const secondPage = `${postsListPath}page/2/`;
    for (const path of frontPage ? ['/', postsListPath, secondPage] : ['/', secondPage]) {
      const yoast = frontPage ? await yoastHeadOrNull(path) : await yoastHeadOf(path);
      if (yoast === null) await expectOwnHead(request, siteUrl, path);
      else await expectYoastParity(request, siteUrl, path, yoast);
    }

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
    const head = readHead(await (await request.get(path)).text());
    const tags = new Map(head.tags.map((tag) => [headTagKey(tag), headTagValue(tag)]));
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
    const first = readHead(await (await request.get('/')).text());
    expect(first.tags.find((tag) => headTagKey(tag) === 'link:canonical')).toMatchObject({
      href: `${baseURL}/`,
    });
    const { postsListPath } = await siteSettings();
    const second = readHead(await (await request.get(`${postsListPath}page/2/`)).text());
    expect(second.tags.find((tag) => headTagKey(tag) === 'link:prev')).toMatchObject({
      href: `${baseURL}${postsListPath}`,
    });
    for (const path of ['/no-such-page-anywhere/', '/search/?s=bakery']) {
      const head = readHead(await (await request.get(path)).text());
      const robots = head.tags.find((tag) => headTagKey(tag) === 'name:robots');
      expect(robots && headTagValue(robots), path).toMatch(/noindex/);
    }
  });
});
