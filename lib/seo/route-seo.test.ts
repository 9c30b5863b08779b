import { describe, expect, it, vi } from 'vitest';
import type { SiteInfo } from '@/lib/wordpress';
import { samplePost } from '@/components/templates/templates.test-helpers';
import { seoForContent, seoForListing } from './route-seo';
import { DEFAULT_SITE_SETTINGS, singleAddress } from '@/lib/wordpress';

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'https://www.example.com');

const site: SiteInfo = {
  ...DEFAULT_SITE_SETTINGS,
  name: 'The Lantern Quarterly',
  description: 'Slow reading',
  addresses: singleAddress('http://wp.example.test'),
  timezone: 'UTC',
  language: 'en-US',
  hasYoast: true,
};
const secondPage = {
  kind: 'category',
  title: 'Bridges',
  description: 'Spans and the people who keep them.',
  path: '/category/cities/bridges/',
  page: 2,
  totalPages: 3,
} as const;

describe('seoForListing', () => {
  it('takes Yoast’s head for an archive page, with page URLs moved to this origin', () => {
    const seo = seoForListing(secondPage, site, {
      title: 'Bridges Archives - Page 2 of 3 - The Lantern Quarterly',
      canonical: 'http://wp.example.test/category/cities/bridges/page/2/',
      prev: 'http://wp.example.test/category/cities/bridges/',
      next: 'http://wp.example.test/category/cities/bridges/page/3/',
      og_url: 'http://wp.example.test/category/cities/bridges/page/2/',
      og_type: 'article',
    });
    expect(seo.metadata.title).toEqual({
      absolute: 'Bridges Archives - Page 2 of 3 - The Lantern Quarterly',
    });
    expect(seo.metadata.alternates?.canonical).toBe(
      'https://www.example.com/category/cities/bridges/page/2/',
    );
    expect(seo.metadata.pagination).toEqual({
      previous: 'https://www.example.com/category/cities/bridges/',
      next: 'https://www.example.com/category/cities/bridges/page/3/',
    });
    expect(seo.extraTags).toContainEqual({
      kind: 'meta',
      property: 'og:url',
      content: 'https://www.example.com/category/cities/bridges/page/2/',
    });
  });

  it('keeps its own prev/next when Yoast’s head states none', () => {
    const seo = seoForListing(secondPage, site, {
      title: 'Bridges Archives - Page 2 of 3 - The Lantern Quarterly',
      canonical: 'http://wp.example.test/category/cities/bridges/page/2/',
    });
    expect(seo.metadata.pagination).toEqual({
      previous: 'https://www.example.com/category/cities/bridges/',
      next: 'https://www.example.com/category/cities/bridges/page/3/',
    });
  });

  it('computes the head itself without Yoast, or when Yoast’s is malformed', () => {
    for (const yoast of [null, undefined, { title: 42 }, 'not an object']) {
      const seo = seoForListing(secondPage, site, yoast);
      expect(seo.metadata.alternates?.canonical).toBe(
        'https://www.example.com/category/cities/bridges/page/2/',
      );
      expect(String((seo.metadata.title as { absolute?: string }).absolute)).toContain('Bridges');
    }
  });
});

describe('a site that discourages search engines (blog_public = 0)', () => {
  const hidden: SiteInfo = {
    ...site,
    reading: { ...site.reading, searchEngineVisible: false },
  };

  it('marks every list noindex, nofollow, whether Yoast wrote its head or Broadsheet did', () => {
    const yoastHead = { title: 'Bridges', robots: { index: 'index', follow: 'follow' } };
    expect(seoForListing(secondPage, hidden, yoastHead).metadata.robots).toBe('noindex, nofollow');
    expect(seoForListing(secondPage, hidden).metadata.robots).toBe('noindex, nofollow');
    expect(seoForListing(secondPage, site).metadata.robots).not.toBe('noindex, nofollow');
  });

  it('marks every post and page noindex, nofollow', () => {
    const post = samplePost({ seo: { yoastHeadJson: { title: 'A post', robots: { index: 'index' } } } });
    expect(seoForContent(post, hidden).metadata.robots).toBe('noindex, nofollow');
    expect(seoForContent(post, site).metadata.robots).toBe('index');
  });
});
