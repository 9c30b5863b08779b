import { describe, expect, it } from 'vitest';
import { createUrlRewriter } from './urls';
import { singleAddress } from '@/lib/wordpress';

const SITE = 'https://www.example.com';
const urls = createUrlRewriter({ addresses: singleAddress('http://wp.example.test'), siteUrl: SITE });

describe('rewriteUrl', () => {
  it('moves Yoast’s URLs on a Site Address in a sub-folder of another origin, and leaves media on the WordPress Address', () => {
    const sub = createUrlRewriter({
      addresses: {
        home: 'https://example.org/en',
        wordpressAddress: 'https://example.org/wp',
        wordpressUrl: 'http://wordpress:8080',
      },
      siteUrl: SITE,
    });
    expect(sub.rewriteUrl('https://example.org/en/salt-roads/')).toBe(`${SITE}/salt-roads/`);
    expect(sub.rewriteUrl('https://example.org/en/')).toBe(`${SITE}/`);
    expect(sub.rewriteUrl('https://example.org/en/category/news/page/2/')).toBe(
      `${SITE}/category/news/page/2/`,
    );
    expect(sub.rewriteUrl('https://example.org/wp/wp-content/uploads/a.jpg')).toBe(
      'https://example.org/wp/wp-content/uploads/a.jpg',
    );
    expect(sub.rewriteUrl('https://example.org/fr/salt-roads/')).toBe('https://example.org/fr/salt-roads/');
    expect(
      sub.rewriteGraph({
        '@graph': [
          {
            '@type': 'WebPage',
            '@id': 'https://example.org/en/salt-roads/',
            url: 'https://example.org/en/salt-roads/',
          },
          { '@type': 'BreadcrumbList', itemListElement: [{ item: 'https://example.org/en/' }] },
          { '@type': 'ImageObject', url: 'https://example.org/wp/wp-content/uploads/a.jpg' },
        ],
      }),
    ).toEqual({
      '@graph': [
        { '@type': 'WebPage', '@id': `${SITE}/salt-roads/`, url: `${SITE}/salt-roads/` },
        { '@type': 'BreadcrumbList', itemListElement: [{ item: `${SITE}/` }] },
        { '@type': 'ImageObject', url: 'https://example.org/wp/wp-content/uploads/a.jpg' },
      ],
    });
  });

  it('never moves a URL to another host of SITE_URL’s', () => {
    expect(urls.rewriteUrl('http://wp.example.test//evil.example/x')).toBe(`${SITE}/evil.example/x`);
  });

  it('moves WordPress page URLs to SITE_URL, keeping path, query and fragment', () => {
    expect(urls.rewriteUrl('http://wp.example.test/2024/05/14/salt-and-timber/')).toBe(
      `${SITE}/2024/05/14/salt-and-timber/`,
    );
    expect(urls.rewriteUrl('http://wp.example.test/category/waterfront/?orderby=date#latest')).toBe(
      `${SITE}/category/waterfront/?orderby=date#latest`,
    );
    expect(urls.rewriteUrl('http://wp.example.test/2024/05/14/salt-and-timber/#primaryimage')).toBe(
      `${SITE}/2024/05/14/salt-and-timber/#primaryimage`,
    );
  });

  it('maps the home URL, with or without its slash, to the site root', () => {
    expect(urls.rewriteUrl('http://wp.example.test/')).toBe(`${SITE}/`);
    expect(urls.rewriteUrl('http://wp.example.test')).toBe(`${SITE}/`);
    expect(urls.rewriteUrl('http://wp.example.test?s=tide')).toBe(`${SITE}/?s=tide`);
    expect(urls.rewriteUrl('http://wp.example.test/#/schema/person/abc')).toBe(`${SITE}/#/schema/person/abc`);
  });

  it('keeps the rest of the URL exactly as written (no re-encoding)', () => {
    expect(urls.rewriteUrl('http://wp.example.test/?s={search_term_string}')).toBe(
      `${SITE}/?s={search_term_string}`,
    );
    expect(urls.rewriteUrl('http://wp.example.test/caf%c3%a9-notes/')).toBe(`${SITE}/caf%c3%a9-notes/`);
  });

  it('matches the origin case-insensitively and with the default port', () => {
    expect(urls.rewriteUrl('http://WP.Example.TEST/about/')).toBe(`${SITE}/about/`);
    expect(urls.rewriteUrl('http://wp.example.test:80/about/')).toBe(`${SITE}/about/`);
  });

  it('leaves media and WordPress endpoints where they are', () => {
    for (const url of [
      'http://wp.example.test/wp-content/uploads/2024/05/ferry-pier.jpg',
      'http://wp.example.test/wp-includes/images/media/default.svg',
      'http://wp.example.test/wp-json/wp/v2/posts',
      'http://wp.example.test/wp-admin/',
      'http://wp.example.test/wp-login.php',
      'http://wp.example.test/xmlrpc.php',
    ]) {
      expect(urls.rewriteUrl(url)).toBe(url);
      expect(urls.isWordPressPageUrl(url)).toBe(false);
    }
  });

  it('leaves other origins, other schemes and non-URLs alone', () => {
    for (const url of [
      'https://wp.example.test/about/',
      'http://wp.example.test:8080/about/',
      'https://www.facebook.com/harbournotes',
      'https://secure.gravatar.com/avatar/abc?s=96&d=mm&r=g',
      `${SITE}/about/`,
      '/about/',
      'about',
      'mailto:editor@wp.example.test',
      'http://[not a url/',
      '',
    ]) {
      expect(urls.rewriteUrl(url)).toBe(url);
    }
  });

  it('handles WordPress in a sub-folder: only URLs under its home path are pages', () => {
    const sub = createUrlRewriter({ addresses: singleAddress('http://wp.example.test/blog'), siteUrl: SITE });
    expect(sub.rewriteUrl('http://wp.example.test/blog/hello/')).toBe(`${SITE}/hello/`);
    expect(sub.rewriteUrl('http://wp.example.test/blog/')).toBe(`${SITE}/`);
    expect(sub.rewriteUrl('http://wp.example.test/blog')).toBe(`${SITE}/`);
    expect(sub.rewriteUrl('http://wp.example.test/blog?p=12')).toBe(`${SITE}/?p=12`);
    expect(sub.rewriteUrl('http://wp.example.test/blogroll/')).toBe('http://wp.example.test/blogroll/');
    expect(sub.rewriteUrl('http://wp.example.test/shop/')).toBe('http://wp.example.test/shop/');
    expect(sub.rewriteUrl('http://wp.example.test/blog/wp-content/uploads/a.jpg')).toBe(
      'http://wp.example.test/blog/wp-content/uploads/a.jpg',
    );
  });

  it('also rewrites the aliases WordPress may call itself by', () => {
    const aliased = createUrlRewriter({
      addresses: {
        home: 'https://cms.example.com',
        wordpressAddress: 'https://cms.example.com',
        wordpressUrl: 'http://wordpress:8080',
      },
      siteUrl: `${SITE}/`,
    });
    expect(aliased.siteUrl).toBe(SITE);
    expect(aliased.rewriteUrl('https://cms.example.com/about/')).toBe(`${SITE}/about/`);
    expect(aliased.rewriteUrl('http://wordpress:8080/about/')).toBe(`${SITE}/about/`);
  });
});

describe('rewriteGraph', () => {
  const page = 'http://wp.example.test/2024/05/14/salt-and-timber/';
  const image = 'http://wp.example.test/wp-content/uploads/2024/05/ferry-pier.jpg';

  it('rewrites page URLs under @id, url, item, target, urlTemplate, mainEntityOfPage, isPartOf, about', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebPage',
          '@id': page,
          url: page,
          isPartOf: 'http://wp.example.test/#website',
          about: { '@id': 'http://wp.example.test/#organization' },
          mainEntityOfPage: page,
          potentialAction: [{ '@type': 'ReadAction', target: [page] }],
        },
        {
          '@type': 'BreadcrumbList',
          itemListElement: [
            { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://wp.example.test/' },
          ],
        },
        {
          '@type': 'WebSite',
          potentialAction: [
            {
              '@type': 'SearchAction',
              target: {
                '@type': 'EntryPoint',
                urlTemplate: 'http://wp.example.test/?s={search_term_string}',
              },
            },
          ],
        },
      ],
    };
    expect(urls.rewriteGraph(graph)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebPage',
          '@id': `${SITE}/2024/05/14/salt-and-timber/`,
          url: `${SITE}/2024/05/14/salt-and-timber/`,
          isPartOf: `${SITE}/#website`,
          about: { '@id': `${SITE}/#organization` },
          mainEntityOfPage: `${SITE}/2024/05/14/salt-and-timber/`,
          potentialAction: [{ '@type': 'ReadAction', target: [`${SITE}/2024/05/14/salt-and-timber/`] }],
        },
        {
          '@type': 'BreadcrumbList',
          itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` }],
        },
        {
          '@type': 'WebSite',
          potentialAction: [
            {
              '@type': 'SearchAction',
              target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/?s={search_term_string}` },
            },
          ],
        },
      ],
    });
  });

  it('leaves media keys, text and other values alone', () => {
    const node = {
      '@type': 'ImageObject',
      '@id': `${page}#primaryimage`,
      url: image,
      contentUrl: image,
      thumbnailUrl: 'http://wp.example.test/a-page-like-thumbnail/',
      image: 'http://wp.example.test/another-page-like-image/',
      caption: 'http://wp.example.test/not-a-url-key/',
      urlTemplate: 'http://wp.example.test/?s={q}',
      width: 1600,
      representativeOfPage: true,
      license: null,
    };
    expect(urls.rewriteGraph(node)).toEqual({
      ...node,
      '@id': `${SITE}/2024/05/14/salt-and-timber/#primaryimage`,
    });
  });

  it('returns a new value and leaves its input untouched', () => {
    const input = { '@graph': [{ '@id': page, nested: { url: page } }] };
    const before = structuredClone(input);
    const output = urls.rewriteGraph(input);
    expect(input).toEqual(before);
    expect(output).not.toBe(input);
    expect(output['@graph'][0]?.nested.url).toBe(`${SITE}/2024/05/14/salt-and-timber/`);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const input: unknown = JSON.parse(`{"__proto__": {"url": "${page}"}, "name": "x"}`);
    const output = urls.rewriteGraph(input);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({
      url: `${SITE}/2024/05/14/salt-and-timber/`,
    });
  });
});
