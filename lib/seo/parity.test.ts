import type { Metadata } from 'next';
import { createMetadataElements } from 'next/dist/lib/metadata/metadata-elements';
import type { SelectedMetadata } from 'next/dist/lib/metadata/metadata-resolution-primitives';
import {
  resolveAlternates,
  resolvePagination,
  resolveRobots,
} from 'next/dist/lib/metadata/resolvers/resolve-basics';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SeoExtraHead } from '@/components/seo-extra-head';
import fixture from './fixtures/yoast-post.json';
import { parseYoastHead } from './head-html';
import type { HeadTag, SeoData } from './types';
import { createUrlRewriter } from './urls';
import { seoFromYoast } from './yoast';
import { singleAddress } from '@/lib/wordpress';

const SITE = 'https://www.example.com';
const PATH = '/2024/05/14/salt-and-timber/';
const urls = createUrlRewriter({ addresses: singleAddress('http://wp.example.test'), siteUrl: SITE });

/** One head tag as `kind:key=value`, e.g. `property:og:title=…`, `link:canonical=…`, `title=…`. */
type Flat = string;

const flatTag = (tag: HeadTag): Flat =>
  tag.kind === 'link'
    ? `link:${tag.rel}=${tag.href}`
    : tag.property !== undefined
      ? `property:${tag.property}=${tag.content}`
      : `name:${tag.name ?? ''}=${tag.content}`;

function titleText(title: Metadata['title']): string | undefined {
  if (!title) return undefined;
  if (typeof title === 'string') return title;
  return 'absolute' in title ? title.absolute : title.default;
}

function asList<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function imageUrl(image: string | URL | { url: string | URL }): string {
  return typeof image === 'string' || image instanceof URL ? String(image) : String(image.url);
}

/**
 * The tags Next 16 renders for a page's metadata (after merging it over a layout that sets
 * nothing but a title template), following node_modules/next/dist/lib/metadata/: the fields
 * SeoData uses, plus Open Graph and Twitter including the values Next fills in on its own
 * (twitter title/description/images from Open Graph, og/twitter title and description from the
 * page's). Test-only.
 */
function flattenMetadataForTest(metadata: Metadata): Flat[] {
  const tags: Flat[] = [];
  const add = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') tags.push(`${key}=${String(value)}`);
  };
  const title = titleText(metadata.title);
  add('title', title);
  add('name:description', metadata.description);
  for (const author of asList(metadata.authors)) {
    add('link:author', author.url);
    add('name:author', author.name);
  }
  add('name:keywords', asList(metadata.keywords).join(','));
  add('name:creator', metadata.creator);
  add('name:publisher', metadata.publisher);
  const robots = resolveRobots(metadata.robots);
  add('name:robots', robots?.basic);
  add('name:googlebot', robots?.googleBot);
  const canonical = metadata.alternates?.canonical;
  add(
    'link:canonical',
    canonical && typeof canonical === 'object' && 'url' in canonical ? canonical.url : canonical,
  );
  add('link:prev', metadata.pagination?.previous);
  add('link:next', metadata.pagination?.next);
  for (const [name, content] of Object.entries(metadata.other ?? {})) {
    for (const value of asList(content)) add(`name:${name}`, value);
  }

  const og = metadata.openGraph;
  const ogTitle = og ? (titleText(og.title) ?? title) : undefined;
  const ogDescription = og ? (og.description ?? metadata.description) : undefined;
  const ogImages = og ? asList(og.images) : [];
  if (og) {
    add('property:og:title', ogTitle);
    add('property:og:description', ogDescription);
    add('property:og:url', og.url);
    add('property:og:site_name', og.siteName);
    add('property:og:locale', og.locale);
    for (const image of ogImages) {
      add('property:og:image', imageUrl(image));
      if (typeof image === 'object' && !(image instanceof URL)) {
        add('property:og:image:type', image.type);
        add('property:og:image:width', image.width);
        add('property:og:image:height', image.height);
        add('property:og:image:alt', image.alt);
      }
    }
    if ('type' in og) add('property:og:type', og.type);
    if ('type' in og && og.type === 'article') {
      add('property:article:published_time', og.publishedTime);
      add('property:article:modified_time', og.modifiedTime);
      for (const author of asList(og.authors)) add('property:article:author', author);
      add('property:article:section', og.section);
      for (const tag of asList(og.tags)) add('property:article:tag', tag);
    }
  }

  const twitter = metadata.twitter;
  if (twitter || og) {
    const images = twitter?.images !== undefined ? asList(twitter.images) : ogImages;
    const card =
      (twitter && 'card' in twitter ? twitter.card : undefined) ??
      (images.length ? 'summary_large_image' : 'summary');
    add('name:twitter:card', card);
    add('name:twitter:site', twitter?.site);
    add('name:twitter:creator', twitter?.creator);
    add('name:twitter:title', titleText(twitter?.title) ?? ogTitle ?? title);
    add('name:twitter:description', twitter?.description || ogDescription || metadata.description);
    for (const image of images) add('name:twitter:image', imageUrl(image));
  }
  return tags;
}

function ourHead(seo: SeoData): Flat[] {
  return [...flattenMetadataForTest(seo.metadata), ...seo.extraTags.map(flatTag)];
}

function yoastHead(html: string): Flat[] {
  const parsed = parseYoastHead(html);
  const tags = parsed.tags.map((tag) =>
    flatTag(
      tag.kind === 'link'
        ? { ...tag, href: urls.rewriteUrl(tag.href) }
        : { ...tag, content: urls.rewriteUrl(tag.content) },
    ),
  );
  return parsed.title === null ? tags : [`title=${parsed.title}`, ...tags];
}

const multiset = (tags: Flat[]) => [...tags].sort();

function seo(): SeoData {
  const result = seoFromYoast(structuredClone(fixture.yoast_head_json), urls);
  if (!result) throw new Error('seoFromYoast returned null');
  return result;
}

describe('parity with Yoast’s own head', () => {
  it('has every tag of yoast_head, same attribute and value (rewritten), and nothing else', () => {
    const ours = ourHead(seo());
    const theirs = yoastHead(fixture.yoast_head);
    for (const tag of theirs) expect(ours).toContain(tag);
    expect(multiset(ours)).toEqual(multiset(theirs));
  });

  it('has no tag twice', () => {
    const ours = ourHead(seo());
    expect(new Set(ours).size).toBe(ours.length);
  });

  it('has the same JSON-LD graph, rewritten', () => {
    const [graph] = parseYoastHead(fixture.yoast_head).jsonLd;
    expect(seo().jsonLd).toEqual(urls.rewriteGraph(graph));
  });

  it('renders the metadata half exactly so through Next’s own resolvers and element factory', async () => {
    const { metadata } = seo();
    const base = new URL(SITE);
    const context = { trailingSlash: true, isStaticMetadataRouteFile: false };
    // What Next's mergeMetadata stores for these fields (URLs become strings, as its
    // convertUrlsToStrings does), then the factory that renders <head>.
    const resolved: unknown = JSON.parse(
      JSON.stringify({
        title: titleText(metadata.title) ?? null,
        description: metadata.description ?? null,
        authors: asList(metadata.authors),
        robots: resolveRobots(metadata.robots),
        alternates: await resolveAlternates(metadata.alternates, base, Promise.resolve(PATH), context),
        pagination: await resolvePagination(metadata.pagination, base, Promise.resolve(PATH), context),
      }),
    );
    const rendered = createMetadataElements(resolved as SelectedMetadata).map((element): Flat => {
      const props = element.props as Record<string, unknown>;
      if (element.type === 'title') return `title=${String(props.children)}`;
      if (element.type === 'link') return `link:${String(props.rel)}=${String(props.href)}`;
      return `name:${String(props.name)}=${String(props.content)}`;
    });
    expect(multiset(rendered)).toEqual(multiset(flattenMetadataForTest(metadata)));
    expect(rendered).toEqual(
      expect.arrayContaining([
        'title=Salt & Timber: Rebuilding the Old Ferry Pier - Harbour Notes',
        'name:robots=index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1',
        `link:canonical=${SITE}${PATH}`,
        'name:author=Mara Ellison',
      ]),
    );
  });

  it('SeoExtraHead renders the extra tags and an escaped JSON-LD script', () => {
    const data = seo();
    const graph = structuredClone(data.jsonLd);
    const first: unknown = Array.isArray(graph?.['@graph']) ? graph['@graph'][0] : undefined;
    if (typeof first !== 'object' || first === null) throw new Error('no graph');
    Reflect.set(first, 'headline', '</script><script>alert(1)</script>');
    const html = renderToStaticMarkup(
      createElement(SeoExtraHead, { extraTags: data.extraTags, jsonLd: graph }),
    );
    const parsed = parseYoastHead(html);
    expect(parsed.tags).toEqual(data.extraTags);
    expect(parsed.jsonLd).toEqual([graph]);
    expect(html.match(/<\/script/g)).toHaveLength(1);
  });
});
