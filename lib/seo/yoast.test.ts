import { resolveRobots } from 'next/dist/lib/metadata/resolvers/resolve-basics';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/yoast-post.json';
import type { HeadTag, SeoData } from './types';
import { createUrlRewriter } from './urls';
import { seoFromYoast, yoastHeadJsonSchema } from './yoast';
import { singleAddress } from '@/lib/wordpress';

const SITE = 'https://www.example.com';
const WP = 'http://wp.example.test';
const POST_URL = `${SITE}/2024/05/14/salt-and-timber/`;
const urls = createUrlRewriter({ addresses: singleAddress(WP), siteUrl: SITE });
const yoast = fixture.yoast_head_json;

function seo(input: unknown = structuredClone(yoast)): SeoData {
  const result = seoFromYoast(input, urls);
  if (!result) throw new Error('seoFromYoast returned null');
  return result;
}

const metaContent = (tags: HeadTag[], attribute: 'property' | 'name', key: string): string[] =>
  tags.flatMap((tag) => (tag.kind === 'meta' && tag[attribute] === key ? [tag.content] : []));

const property = (key: string) => metaContent(seo().extraTags, 'property', key);
const named = (key: string) => metaContent(seo().extraTags, 'name', key);

describe('seoFromYoast', () => {
  it('uses an absolute title, so no layout template is appended', () => {
    expect(seo().metadata.title).toEqual({
      absolute: 'Salt & Timber: Rebuilding the Old Ferry Pier - Harbour Notes',
    });
  });

  it('renders robots as Yoast’s own string, which Next prints verbatim', () => {
    const { robots } = seo().metadata;
    expect(robots).toBe('index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1');
    expect(resolveRobots(robots)?.basic).toBe(
      'index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1',
    );
  });

  it('does not use Next’s robots object, whose directive order differs from Yoast’s', () => {
    const objectForm = resolveRobots({
      index: true,
      follow: true,
      'max-snippet': -1,
      'max-image-preview': 'large',
      'max-video-preview': -1,
    });
    expect(objectForm?.basic).toBe(
      'index, follow, max-video-preview:-1, max-image-preview:large, max-snippet:-1',
    );
  });

  it('keeps Yoast’s robots directives and their order whatever they are', () => {
    const result = seo({ ...structuredClone(yoast), robots: { index: 'noindex', follow: 'nofollow' } });
    expect(result.metadata.robots).toBe('noindex, nofollow');
  });

  it('moves canonical and og:url to SITE_URL', () => {
    expect(seo().metadata.alternates).toEqual({ canonical: POST_URL });
    expect(property('og:url')).toEqual([POST_URL]);
  });

  it('keeps og:image and twitter:image on WordPress, with width, height and type', () => {
    expect(property('og:image')).toEqual([`${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`]);
    expect(property('og:image:width')).toEqual(['1600']);
    expect(property('og:image:height')).toEqual(['900']);
    expect(property('og:image:type')).toEqual(['image/jpeg']);
    expect(named('twitter:image')).toEqual([`${WP}/wp-content/uploads/2024/05/ferry-pier-1200x675.jpg`]);
  });

  it('turns twitter_misc into numbered label/data pairs, in order', () => {
    expect(named('twitter:label1')).toEqual(['Written by']);
    expect(named('twitter:data1')).toEqual(['Mara Ellison']);
    expect(named('twitter:label2')).toEqual(['Est. reading time']);
    expect(named('twitter:data2')).toEqual(['6 minutes']);
  });

  it('puts <meta name="author"> in metadata.authors, without a url (so no <link rel="author">)', () => {
    expect(seo().metadata.authors).toEqual([{ name: 'Mara Ellison' }]);
  });

  it('nulls openGraph and twitter so Next adds no og:/twitter: tags of its own', () => {
    expect(seo().metadata.openGraph).toBeNull();
    expect(seo().metadata.twitter).toBeNull();
  });

  it('places every key of yoast_head_json, with its exact value after rewriting', () => {
    const result = seo();
    const { metadata, extraTags } = result;
    const checks: Record<string, () => void> = {
      title: () => expect(metadata.title).toEqual({ absolute: yoast.title }),
      description: () => expect(metadata.description).toBe(yoast.description),
      robots: () => expect(metadata.robots).toBe(Object.values(yoast.robots).join(', ')),
      canonical: () => expect(metadata.alternates?.canonical).toBe(urls.rewriteUrl(yoast.canonical)),
      og_locale: () => expect(property('og:locale')).toEqual([yoast.og_locale]),
      og_type: () => expect(property('og:type')).toEqual([yoast.og_type]),
      og_title: () => expect(property('og:title')).toEqual([yoast.og_title]),
      og_description: () => expect(property('og:description')).toEqual([yoast.og_description]),
      og_url: () => expect(property('og:url')).toEqual([urls.rewriteUrl(yoast.og_url)]),
      og_site_name: () => expect(property('og:site_name')).toEqual([yoast.og_site_name]),
      article_publisher: () => expect(property('article:publisher')).toEqual([yoast.article_publisher]),
      article_author: () => expect(property('article:author')).toEqual([yoast.article_author]),
      article_published_time: () =>
        expect(property('article:published_time')).toEqual([yoast.article_published_time]),
      article_modified_time: () =>
        expect(property('article:modified_time')).toEqual([yoast.article_modified_time]),
      og_image: () =>
        expect(
          yoast.og_image.map((image) => ({
            url: image.url,
            width: String(image.width),
            height: String(image.height),
            type: image.type,
          })),
        ).toEqual([
          {
            url: property('og:image')[0],
            width: property('og:image:width')[0],
            height: property('og:image:height')[0],
            type: property('og:image:type')[0],
          },
        ]),
      author: () => expect(metadata.authors).toEqual([{ name: yoast.author }]),
      twitter_card: () => expect(named('twitter:card')).toEqual([yoast.twitter_card]),
      twitter_title: () => expect(named('twitter:title')).toEqual([yoast.twitter_title]),
      twitter_description: () => expect(named('twitter:description')).toEqual([yoast.twitter_description]),
      twitter_image: () => expect(named('twitter:image')).toEqual([yoast.twitter_image]),
      twitter_creator: () => expect(named('twitter:creator')).toEqual([yoast.twitter_creator]),
      twitter_site: () => expect(named('twitter:site')).toEqual([yoast.twitter_site]),
      twitter_misc: () =>
        expect(
          Object.entries(yoast.twitter_misc).flatMap(([label, data], index) => [
            [`twitter:label${index + 1}`, label],
            [`twitter:data${index + 1}`, data],
          ]),
        ).toEqual(
          extraTags.flatMap((tag) =>
            tag.kind === 'meta' && tag.name?.match(/^twitter:(label|data)\d+$/)
              ? [[tag.name, tag.content]]
              : [],
          ),
        ),
      schema: () => expect(result.jsonLd).toEqual(urls.rewriteGraph(yoast.schema)),
    };
    expect(Object.keys(checks).sort()).toEqual(Object.keys(yoast).sort());
    for (const check of Object.values(checks)) check();
  });

  it('knows every key Yoast emits (prev and next appear on paginated content only)', () => {
    expect(Object.keys(yoastHeadJsonSchema.shape).sort()).toEqual(
      [...Object.keys(yoast), 'prev', 'next'].sort(),
    );
  });

  it('maps prev/next to Next’s pagination links, moved to SITE_URL', () => {
    const result = seo({
      ...structuredClone(yoast),
      canonical: `${WP}/2024/05/14/salt-and-timber/2/`,
      prev: `${WP}/2024/05/14/salt-and-timber/`,
      next: `${WP}/2024/05/14/salt-and-timber/3/`,
    });
    expect(result.metadata.pagination).toEqual({
      previous: POST_URL,
      next: `${SITE}/2024/05/14/salt-and-timber/3/`,
    });
  });

  it('sets description to null when Yoast has none, so a layout description is not inherited', () => {
    const { description, ...rest } = structuredClone(yoast);
    expect(description).toBeTruthy();
    expect(seo(rest).metadata.description).toBeNull();
  });

  it('moves page URLs in the graph and keeps media URLs on WordPress', () => {
    const graph = seo().jsonLd?.['@graph'];
    if (!Array.isArray(graph)) throw new Error('no @graph');
    const node = (type: string): Record<string, unknown> => {
      const found: unknown = graph.find(
        (item: unknown) => typeof item === 'object' && item !== null && Reflect.get(item, '@type') === type,
      );
      if (typeof found !== 'object' || found === null) throw new Error(`no ${type}`);
      return { ...found };
    };
    expect(node('WebPage')['@id']).toBe(POST_URL);
    expect(node('WebPage').url).toBe(POST_URL);
    expect(node('Article').mainEntityOfPage).toEqual({ '@id': POST_URL });
    expect(node('Article').thumbnailUrl).toBe(`${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`);
    expect(node('ImageObject')['@id']).toBe(`${POST_URL}#primaryimage`);
    expect(node('ImageObject').url).toBe(`${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`);
    expect(node('ImageObject').contentUrl).toBe(`${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`);
    expect(node('BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Waterfront', item: `${SITE}/category/waterfront/` },
      { '@type': 'ListItem', position: 3, name: 'Salt & Timber: Rebuilding the Old Ferry Pier' },
    ]);
    expect(node('WebSite').potentialAction).toEqual([
      expect.objectContaining({
        target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/?s={search_term_string}` },
      }),
    ]);
    expect(node('Person').url).toBe(`${SITE}/author/mara-ellison/`);
    expect(node('Person').image).toEqual(
      expect.objectContaining({ url: expect.stringMatching(/^https:\/\/secure\.gravatar\.com\//) }),
    );
    // Whatever still points at WordPress is media.
    const leftovers = JSON.stringify(graph).match(/http:\/\/wp\.example\.test[^"]*/g) ?? [];
    expect(leftovers.length).toBeGreaterThan(0);
    for (const url of leftovers) expect(url).toMatch(/^http:\/\/wp\.example\.test\/wp-content\//);
  });

  it('does not modify its input', () => {
    const input = structuredClone(yoast);
    seo(input);
    expect(input).toEqual(yoast);
  });

  it('tolerates keys it does not know', () => {
    const result = seoFromYoast(
      { ...structuredClone(yoast), og_video: [{ url: 'x' }], yoast_future_key: { nested: true } },
      urls,
    );
    expect(result?.metadata.title).toEqual({ absolute: yoast.title });
  });

  it('skips empty values, as Yoast never renders them', () => {
    const result = seo({ ...structuredClone(yoast), og_description: '', twitter_creator: '  ' });
    expect(metaContent(result.extraTags, 'property', 'og:description')).toEqual([]);
    expect(metaContent(result.extraTags, 'name', 'twitter:creator')).toEqual([]);
  });

  it('accepts numeric strings for image dimensions', () => {
    const result = seo({
      ...structuredClone(yoast),
      og_image: [{ url: `${WP}/wp-content/uploads/a.png`, width: '640', height: '480' }],
    });
    expect(metaContent(result.extraTags, 'property', 'og:image:width')).toEqual(['640']);
    expect(metaContent(result.extraTags, 'property', 'og:image:type')).toEqual([]);
  });

  describe('returns null (so the caller falls back) instead of throwing', () => {
    const malformed: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['a string', '<title>x</title>'],
      ['an array', [yoast]],
      ['no title', { ...yoast, title: undefined }],
      ['an empty title', { ...yoast, title: ' ' }],
      ['a numeric title', { ...yoast, title: 42 }],
      ['robots as a string', { ...yoast, robots: 'index, follow' }],
      ['robots.index as a boolean', { ...yoast, robots: { index: true } }],
      ['og_image as a string', { ...yoast, og_image: `${WP}/wp-content/uploads/a.jpg` }],
      ['an og_image without url', { ...yoast, og_image: [{ width: 10 }] }],
      ['a negative width', { ...yoast, og_image: [{ url: 'x', width: -1 }] }],
      ['twitter_misc with a number', { ...yoast, twitter_misc: { 'Est. reading time': 6 } }],
      ['twitter_misc as a list', { ...yoast, twitter_misc: ['Written by', 'Mara'] }],
      ['schema as a string', { ...yoast, schema: '{}' }],
      ['@graph as an object', { ...yoast, schema: { '@graph': {} } }],
      ['canonical as an object', { ...yoast, canonical: { href: 'x' } }],
    ];
    it.each(malformed)('%s', (_, input) => {
      expect(() => seoFromYoast(input, urls)).not.toThrow();
      expect(seoFromYoast(input, urls)).toBeNull();
    });
  });
});
