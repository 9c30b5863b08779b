import { describe, expect, it } from 'vitest';
import type { Author, Post } from '@/lib/wordpress';
import {
  countWords,
  listingPagePath,
  readingTime,
  fallbackSeo,
  truncateDescription,
  type ContentPost,
  type SeoSite,
} from './fallback';
import { serializeJsonLd } from './json-ld';
import type { HeadTag, SeoData } from './types';
import { createUrlRewriter } from './urls';
import { DEFAULT_SITE_SETTINGS, singleAddress } from '@/lib/wordpress';

const SITE = 'https://www.example.com';
const WP = 'http://wp.example.test';
const urls = createUrlRewriter({ addresses: singleAddress(WP), siteUrl: SITE });
const site: SeoSite = {
  ...DEFAULT_SITE_SETTINGS,
  name: 'Harbour Notes',
  description: 'Stories from the working waterfront',
  addresses: singleAddress(WP),
  timezone: 'Europe/London',
  language: 'en-GB',
  hasYoast: false,
};

const mara: Author = {
  id: 3,
  name: 'Mara Ellison',
  slug: 'mara-ellison',
  path: '/author/mara-ellison/',
  bio: 'Mara writes about <em>boats</em> &amp; tides.',
  avatarUrl: `${WP}/wp-content/uploads/avatars/mara-96.jpg`,
};

const EXCERPT =
  'How a volunteer crew spent two winters replacing one hundred and forty oak piles by hand, what the tide ' +
  'taught them about patience, and why the ferry runs again this summer.';

function post(overrides: Partial<ContentPost> = {}): ContentPost {
  const base: Post = {
    id: 2187,
    type: 'post',
    slug: 'salt-and-timber',
    path: '/2024/05/14/salt-and-timber/',
    title: 'Salt & Timber: Rebuilding the Old Ferry Pier',
    excerpt: EXCERPT,
    publishedAt: '2024-05-14T08:30:00Z',
    modifiedAt: '2024-06-02T16:05:11.000Z',
    sticky: false,
    authors: [mara],
    featuredImage: {
      url: `${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`,
      width: 1600,
      height: 900,
      alt: 'Volunteers driving a new oak pile at low tide',
      sizes: [],
    },
    categories: [
      {
        id: 1,
        name: 'Uncategorized',
        slug: 'uncategorized',
        taxonomy: 'category',
        path: '/category/uncategorized/',
      },
      { id: 7, name: 'Waterfront', slug: 'waterfront', taxonomy: 'category', path: '/category/waterfront/' },
    ],
    tags: [
      { id: 11, name: 'oak', slug: 'oak', taxonomy: 'post_tag', path: '/tag/oak/' },
      { id: 12, name: 'piers', slug: 'piers', taxonomy: 'post_tag', path: '/tag/piers/' },
    ],
    contentHtml: `<p>${'word '.repeat(420)}</p><script>var ignored = "one two three";</script>`,
    isPasswordProtected: false,
    commentStatus: 'open',
    hasApprovedComments: null,
    wordpressLink: `${WP}/2024/05/14/salt-and-timber/`,
    customFields: {},
    seo: { yoastHeadJson: null },
  };
  return { ...base, ...overrides };
}

const property = (seo: SeoData, key: string) =>
  seo.extraTags.flatMap((tag: HeadTag) => (tag.kind === 'meta' && tag.property === key ? [tag.content] : []));
const named = (seo: SeoData, key: string) =>
  seo.extraTags.flatMap((tag: HeadTag) => (tag.kind === 'meta' && tag.name === key ? [tag.content] : []));

function nodes(seo: SeoData): Record<string, unknown>[] {
  const graph = seo.jsonLd?.['@graph'];
  if (!Array.isArray(graph)) throw new Error('no @graph');
  return graph.map((node: unknown) => {
    if (typeof node !== 'object' || node === null) throw new Error('not a node');
    return { ...node };
  });
}

function node(seo: SeoData, type: string): Record<string, unknown> {
  const found = nodes(seo).find((item) => item['@type'] === type);
  if (!found) throw new Error(`no ${type} node`);
  return found;
}

describe('fallbackSeo for a post', () => {
  const seo = fallbackSeo(post(), site, urls);
  const url = `${SITE}/2024/05/14/salt-and-timber/`;

  it('titles it "<title> – <site name>", absolute', () => {
    expect(seo.metadata.title).toEqual({
      absolute: 'Salt & Timber: Rebuilding the Old Ferry Pier – Harbour Notes',
    });
  });

  it('describes it with the excerpt, cut to 160 characters on a word boundary', () => {
    const description = seo.metadata.description ?? '';
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description.endsWith('…')).toBe(true);
    expect(EXCERPT.startsWith(description.slice(0, -1))).toBe(true);
    expect(EXCERPT.charAt(description.length - 1)).toMatch(/[\s,]/);
  });

  it('names canonical, robots and author', () => {
    expect(seo.metadata.alternates).toEqual({ canonical: url });
    expect(seo.metadata.robots).toBe(
      'index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1',
    );
    expect(seo.metadata.authors).toEqual([{ name: 'Mara Ellison' }]);
    expect(seo.metadata.openGraph).toBeNull();
  });

  it('describes it as an Open Graph article', () => {
    expect(property(seo, 'og:type')).toEqual(['article']);
    expect(property(seo, 'og:locale')).toEqual(['en_GB']);
    expect(property(seo, 'og:url')).toEqual([url]);
    expect(property(seo, 'og:site_name')).toEqual(['Harbour Notes']);
    expect(property(seo, 'article:published_time')).toEqual(['2024-05-14T08:30:00+00:00']);
    expect(property(seo, 'article:modified_time')).toEqual(['2024-06-02T16:05:11+00:00']);
    expect(property(seo, 'article:author')).toEqual([`${SITE}/author/mara-ellison/`]);
    expect(property(seo, 'article:section')).toEqual(['Waterfront']);
    expect(property(seo, 'article:tag')).toEqual(['oak', 'piers']);
    expect(property(seo, 'og:image')).toEqual([`${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`]);
    expect(property(seo, 'og:image:width')).toEqual(['1600']);
    expect(property(seo, 'og:image:height')).toEqual(['900']);
    expect(property(seo, 'og:image:type')).toEqual(['image/jpeg']);
    expect(property(seo, 'og:image:alt')).toEqual(['Volunteers driving a new oak pile at low tide']);
  });

  it('gives Twitter a large card, the author and the reading time', () => {
    expect(named(seo, 'twitter:card')).toEqual(['summary_large_image']);
    expect(named(seo, 'twitter:label1')).toEqual(['Written by']);
    expect(named(seo, 'twitter:data1')).toEqual(['Mara Ellison']);
    expect(named(seo, 'twitter:label2')).toEqual(['Est. reading time']);
    expect(named(seo, 'twitter:data2')).toEqual(['3 minutes']);
  });

  it('falls back to a summary card without an image', () => {
    const plain = fallbackSeo(post({ featuredImage: null }), site, urls);
    expect(named(plain, 'twitter:card')).toEqual(['summary']);
    expect(property(plain, 'og:image')).toEqual([]);
  });

  it('builds WebSite, WebPage, Article, ImageObject, BreadcrumbList, Organization and Person nodes', () => {
    expect(seo.jsonLd?.['@context']).toBe('https://schema.org');
    expect(nodes(seo).map((item) => item['@type'])).toEqual([
      'Article',
      'WebPage',
      'ImageObject',
      'BreadcrumbList',
      'WebSite',
      'Organization',
      'Person',
    ]);
    expect(node(seo, 'WebSite')).toEqual({
      '@type': 'WebSite',
      '@id': `${SITE}/#website`,
      url: `${SITE}/`,
      name: 'Harbour Notes',
      description: 'Stories from the working waterfront',
      publisher: { '@id': `${SITE}/#organization` },
      potentialAction: [
        {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/search/?s={search_term_string}` },
          'query-input': 'required name=search_term_string',
        },
      ],
      inLanguage: 'en-GB',
    });
    expect(node(seo, 'WebPage')).toMatchObject({
      '@id': `${url}#webpage`,
      url,
      isPartOf: { '@id': `${SITE}/#website` },
      primaryImageOfPage: { '@id': `${url}#primaryimage` },
      breadcrumb: { '@id': `${url}#breadcrumb` },
      potentialAction: [{ '@type': 'ReadAction', target: [url] }],
    });
    expect(node(seo, 'Organization')).toEqual({
      '@type': 'Organization',
      '@id': `${SITE}/#organization`,
      name: 'Harbour Notes',
      url: `${SITE}/`,
    });
  });

  it('fills the Article node', () => {
    expect(node(seo, 'Article')).toEqual({
      '@type': 'Article',
      '@id': `${url}#article`,
      isPartOf: { '@id': `${url}#webpage` },
      author: { name: 'Mara Ellison', '@id': `${SITE}/#/schema/person/mara-ellison` },
      headline: 'Salt & Timber: Rebuilding the Old Ferry Pier',
      datePublished: '2024-05-14T08:30:00+00:00',
      dateModified: '2024-06-02T16:05:11+00:00',
      mainEntityOfPage: { '@id': `${url}#webpage` },
      wordCount: 420,
      publisher: { '@id': `${SITE}/#organization` },
      image: { '@id': `${url}#primaryimage` },
      thumbnailUrl: `${WP}/wp-content/uploads/2024/05/ferry-pier.jpg`,
      keywords: ['oak', 'piers'],
      articleSection: ['Waterfront'],
      inLanguage: 'en-GB',
    });
  });

  it('leads the breadcrumb Home → category → post', () => {
    expect(node(seo, 'BreadcrumbList')).toEqual({
      '@type': 'BreadcrumbList',
      '@id': `${url}#breadcrumb`,
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
        { '@type': 'ListItem', position: 2, name: 'Waterfront', item: `${SITE}/category/waterfront/` },
        { '@type': 'ListItem', position: 3, name: 'Salt & Timber: Rebuilding the Old Ferry Pier' },
      ],
    });
  });

  it('describes each author as a Person', () => {
    expect(node(seo, 'Person')).toEqual({
      '@type': 'Person',
      '@id': `${SITE}/#/schema/person/mara-ellison`,
      name: 'Mara Ellison',
      url: `${SITE}/author/mara-ellison/`,
      description: 'Mara writes about boats & tides.',
      image: {
        '@type': 'ImageObject',
        inLanguage: 'en-GB',
        '@id': `${SITE}/#/schema/person/mara-ellison/image`,
        url: `${WP}/wp-content/uploads/avatars/mara-96.jpg`,
        contentUrl: `${WP}/wp-content/uploads/avatars/mara-96.jpg`,
        caption: 'Mara Ellison',
      },
    });
  });

  it('counts no words and gives no reading time for a password-protected post', () => {
    const locked = fallbackSeo(post({ isPasswordProtected: true, contentHtml: '', excerpt: '' }), site, urls);
    expect(node(locked, 'Article')).not.toHaveProperty('wordCount');
    expect(named(locked, 'twitter:label2')).toEqual([]);
    expect(locked.metadata.description).toBeNull();
  });

  it('serialises safely even with a hostile title', () => {
    const hostile = fallbackSeo(post({ title: '</script><script>alert(1)</script>' }), site, urls);
    expect(serializeJsonLd(hostile.jsonLd)).not.toMatch(/<\/script/i);
  });
});

describe('fallbackSeo for a page', () => {
  const seo = fallbackSeo(
    post({
      type: 'page',
      path: '/about/history/',
      title: 'Our History',
      authors: [mara],
      categories: [],
      tags: [],
      parents: [{ title: 'About', path: '/about/' }],
    }),
    site,
    urls,
  );

  it('has no Article, and leads the breadcrumb Home → parent → page', () => {
    expect(nodes(seo).map((item) => item['@type'])).toEqual([
      'WebPage',
      'ImageObject',
      'BreadcrumbList',
      'WebSite',
      'Organization',
    ]);
    expect(node(seo, 'BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'About', item: `${SITE}/about/` },
      { '@type': 'ListItem', position: 3, name: 'Our History' },
    ]);
  });

  it('states only the modified time, and no author (as Yoast does for pages)', () => {
    expect(property(seo, 'og:type')).toEqual(['article']);
    expect(property(seo, 'article:published_time')).toEqual([]);
    expect(property(seo, 'article:modified_time')).toEqual(['2024-06-02T16:05:11+00:00']);
    expect(property(seo, 'article:author')).toEqual([]);
    expect(seo.metadata.authors).toBeUndefined();
    expect(named(seo, 'twitter:label1')).toEqual(['Est. reading time']);
  });
});

describe('fallbackSeo for lists', () => {
  it('makes the home page a website titled "<site name> – <tagline>"', () => {
    const seo = fallbackSeo({ kind: 'home', title: '', description: '', path: '/' }, site, urls);
    expect(seo.metadata.title).toEqual({ absolute: 'Harbour Notes – Stories from the working waterfront' });
    expect(seo.metadata.description).toBe('Stories from the working waterfront');
    expect(seo.metadata.alternates).toEqual({ canonical: `${SITE}/` });
    expect(property(seo, 'og:type')).toEqual(['website']);
    expect(named(seo, 'twitter:card')).toEqual(['summary']);
    expect(node(seo, 'CollectionPage')).toMatchObject({
      '@id': `${SITE}/#webpage`,
      about: { '@id': `${SITE}/#organization` },
    });
    expect(node(seo, 'BreadcrumbList').itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home' },
    ]);
  });

  it('links the pages of a list and names the page in the title', () => {
    const seo = fallbackSeo(
      {
        kind: 'category',
        title: 'Waterfront',
        description: '',
        path: '/category/waterfront/',
        page: 2,
        totalPages: 3,
      },
      site,
      urls,
    );
    expect(seo.metadata.title).toEqual({ absolute: 'Waterfront – Page 2 of 3 – Harbour Notes' });
    expect(seo.metadata.alternates).toEqual({ canonical: `${SITE}/category/waterfront/page/2/` });
    expect(seo.metadata.pagination).toEqual({
      previous: `${SITE}/category/waterfront/`,
      next: `${SITE}/category/waterfront/page/3/`,
    });
    expect(property(seo, 'og:type')).toEqual(['website']);
    expect(node(seo, 'CollectionPage')['@id']).toBe(`${SITE}/category/waterfront/page/2/#webpage`);
  });

  it('makes an author archive a profile with a ProfilePage and a Person', () => {
    const seo = fallbackSeo(
      { kind: 'author', title: 'Mara Ellison', description: mara.bio, path: mara.path, author: mara },
      site,
      urls,
    );
    expect(property(seo, 'og:type')).toEqual(['profile']);
    expect(node(seo, 'ProfilePage')).toMatchObject({
      mainEntity: { '@id': `${SITE}/#/schema/person/mara-ellison` },
    });
    expect(node(seo, 'Person').url).toBe(`${SITE}/author/mara-ellison/`);
  });

  it('keeps search results out of the index, without a canonical', () => {
    const seo = fallbackSeo(
      {
        kind: 'search',
        title: 'Search results for “tide”',
        description: '',
        path: '/search/?s=tide',
        page: 2,
      },
      site,
      urls,
    );
    expect(seo.metadata.robots).toBe('noindex, follow');
    expect(seo.metadata.alternates).toBeUndefined();
    expect(seo.metadata.pagination).toEqual({ previous: `${SITE}/search/?s=tide`, next: null });
    expect(node(seo, 'BreadcrumbList')).toBeTruthy();
    expect(nodes(seo)[0]?.['@type']).toEqual(['CollectionPage', 'SearchResultsPage']);
  });
});

describe('helpers', () => {
  it('truncateDescription keeps short text and cuts long text on a word', () => {
    expect(truncateDescription('  Short   and sweet. ')).toBe('Short and sweet.');
    expect(truncateDescription('aaaa bbbb cccc dddd', 12)).toBe('aaaa bbbb…');
    expect(truncateDescription('x'.repeat(200)).length).toBe(160);
  });

  it('countWords strips tags, scripts and entities', () => {
    expect(countWords('<p>one</p><p>two&nbsp;three</p><style>p { x: y }</style><li>don’t</li>')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('readingTime rounds up at 200 words a minute, at least one minute', () => {
    expect(readingTime(0)).toBe('1 minute');
    expect(readingTime(200)).toBe('1 minute');
    expect(readingTime(201)).toBe('2 minutes');
  });

  it('listingPagePath adds page/N/ before any query', () => {
    expect(listingPagePath('/', 1)).toBe('/');
    expect(listingPagePath('/', 2)).toBe('/page/2/');
    expect(listingPagePath('/2024/05', 3)).toBe('/2024/05/page/3/');
    expect(listingPagePath('/search/?s=tide', 2)).toBe('/search/page/2/?s=tide');
  });
});
