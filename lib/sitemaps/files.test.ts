import { describe, expect, it } from 'vitest';
import { chunkCount, parseSitemapFileName, sitemapFileName } from './files';

describe('sitemap file names', () => {
  it('round-trips every kind', () => {
    for (const kindName of ['posts', 'pages', 'categories', 'tags', 'authors', 'events', 'event-series']) {
      expect(parseSitemapFileName(sitemapFileName({ name: kindName }, 12))).toEqual({ kindName, chunk: 12 });
    }
  });

  it.each([
    'posts-0.xml',
    'posts-01.xml',
    'posts-1.xml.gz',
    'posts-1',
    'posts-.xml',
    'Posts-1.xml',
    'posts-1.XML',
    'posts--1.xml',
    'posts-1.5.xml',
    'posts-50001.xml',
    'posts-9999999.xml',
    '../posts-1.xml',
    '',
  ])('refuses %j', (name) => {
    expect(parseSitemapFileName(name)).toBeNull();
  });

  it('accepts the last chunk an index can list', () => {
    expect(parseSitemapFileName('tags-50000.xml')).toEqual({ kindName: 'tags', chunk: 50000 });
  });
});

describe('chunkCount', () => {
  it('is one chunk per 100 objects', () => {
    expect(chunkCount({ listsFrontPage: false }, 0)).toBe(0);
    expect(chunkCount({ listsFrontPage: false }, 1)).toBe(1);
    expect(chunkCount({ listsFrontPage: false }, 100)).toBe(1);
    expect(chunkCount({ listsFrontPage: false }, 101)).toBe(2);
    expect(chunkCount({ listsFrontPage: false }, 100_000)).toBe(1000);
  });

  it('always has a first pages chunk, which lists the front page', () => {
    expect(chunkCount({ listsFrontPage: true }, 0)).toBe(1);
    expect(chunkCount({ listsFrontPage: true }, 250)).toBe(3);
  });
});
