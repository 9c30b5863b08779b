import { describe, expect, it } from 'vitest';
import { chunkCount, parseSitemapFileName, sitemapFileName } from './files';

describe('sitemap file names', () => {
  it('round-trips every kind', () => {
    for (const kind of ['posts', 'pages', 'categories', 'tags', 'authors'] as const) {
      expect(parseSitemapFileName(sitemapFileName(kind, 12))).toEqual({ kind, chunk: 12 });
    }
  });

  it.each([
    'posts-0.xml',
    'posts-01.xml',
    'posts-1.xml.gz',
    'posts-1',
    'posts-.xml',
    'post-1.xml',
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
    expect(parseSitemapFileName('tags-50000.xml')).toEqual({ kind: 'tags', chunk: 50000 });
  });
});

describe('chunkCount', () => {
  it('is one chunk per 100 objects', () => {
    expect(chunkCount('posts', 0)).toBe(0);
    expect(chunkCount('posts', 1)).toBe(1);
    expect(chunkCount('posts', 100)).toBe(1);
    expect(chunkCount('posts', 101)).toBe(2);
    expect(chunkCount('posts', 100_000)).toBe(1000);
  });

  it('always has a first pages chunk, which lists the front page', () => {
    expect(chunkCount('pages', 0)).toBe(1);
    expect(chunkCount('pages', 250)).toBe(3);
  });
});
