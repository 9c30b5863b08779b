import { describe, expect, it } from 'vitest';
import { seoForContentPage } from '@/lib/seo/content-pages';
import type { SeoData } from '@/lib/seo';
import { contentPagePath, splitContentPage, splitContentPages } from './content-pages';

describe('posts split with <!--nextpage-->', () => {
  it('splits rendered content at every page break, block or classic, and drops empty pages', () => {
    const block =
      '<p>One</p>\n\n<!-- wp:nextpage -->\n<!--nextpage-->\n<!-- /wp:nextpage -->\n\n<p>Two</p>\n<!--nextpage-->\n<p>Three</p>';
    expect(splitContentPages(block)).toEqual(['<p>One</p>', '<p>Two</p>', '<p>Three</p>']);
    // wpautop wraps a classic post's break in a paragraph.
    expect(splitContentPages('<p>One</p>\n<p><!--nextpage--></p>\n<p>Two</p>')).toEqual([
      '<p>One</p>',
      '<p>Two</p>',
    ]);
    expect(splitContentPages('<p>Only</p><!--nextpage-->')).toEqual(['<p>Only</p>']);
    expect(splitContentPages('<p>No break</p>')).toEqual(['<p>No break</p>']);
  });

  it("names its pages at WordPress's /post/N/ under any structure", () => {
    expect(contentPagePath('/the-keepers-log/', 1)).toBe('/the-keepers-log/');
    expect(contentPagePath('/2023/11/14/the-keepers-log/', 3)).toBe('/2023/11/14/the-keepers-log/3/');
  });

  it('reads a trailing number as a page; a malformed one as page 0 (not found)', () => {
    expect(splitContentPage(['the-keepers-log', '2'])).toEqual({ base: ['the-keepers-log'], page: 2 });
    expect(splitContentPage(['2023', '11', '14', 'log', '3'])).toEqual({
      base: ['2023', '11', '14', 'log'],
      page: 3,
    });
    expect(splitContentPage(['log', '02'])).toEqual({ base: ['log'], page: 0 });
    expect(splitContentPage(['log', '0'])).toEqual({ base: ['log'], page: 0 });
    expect(splitContentPage(['log'])).toBeNull();
    expect(splitContentPage(['log', 'two'])).toBeNull();
  });
});

describe('the head of a page of a split post', () => {
  const seo: SeoData = {
    metadata: {
      title: { absolute: 'The Keeper’s Log – The Lantern' },
      alternates: { canonical: 'https://site.example/log/' },
    },
    extraTags: [
      { kind: 'meta', property: 'og:url', content: 'https://site.example/log/' },
      { kind: 'meta', property: 'og:title', content: 'The Keeper’s Log' },
    ],
    jsonLd: null,
  };
  const pathOf = (n: number) => contentPagePath('/log/', n);

  it('is its own canonical and og:url, linked to its neighbours, with the page in its title', () => {
    const second = seoForContentPage(seo, pathOf, { page: 2, count: 3 }, 'https://site.example');
    expect(second.metadata.alternates?.canonical).toBe('https://site.example/log/2/');
    expect(second.metadata.pagination).toEqual({
      previous: 'https://site.example/log/',
      next: 'https://site.example/log/3/',
    });
    expect(second.metadata.title).toEqual({ absolute: 'The Keeper’s Log – The Lantern – Page 2 of 3' });
    expect(second.extraTags).toContainEqual({
      kind: 'meta',
      property: 'og:url',
      content: 'https://site.example/log/2/',
    });
  });

  it('keeps the post’s own head on page 1, with a link to page 2', () => {
    const first = seoForContentPage(seo, pathOf, { page: 1, count: 3 }, 'https://site.example');
    expect(first.metadata.alternates?.canonical).toBe('https://site.example/log/');
    expect(first.metadata.pagination).toEqual({ previous: null, next: 'https://site.example/log/2/' });
    expect(first.extraTags).toEqual(seo.extraTags);
  });
});
