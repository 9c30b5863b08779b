import { describe, expect, it } from 'vitest';
import { buildSitemapIndex, buildUrlset } from './xml';

describe('buildUrlset', () => {
  it('writes a urlset in the sitemap namespace, escaped, lastmod only where known', () => {
    const xml = buildUrlset([
      { loc: 'https://www.example.com/?p=1&x=<y>', lastmod: '2024-03-06T09:30:00Z' },
      { loc: 'https://www.example.com/category/food/', lastmod: null },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://www.example.com/?p=1&amp;x=&lt;y&gt;</loc><lastmod>2024-03-06T09:30:00Z</lastmod></url>\n' +
        '<url><loc>https://www.example.com/category/food/</loc></url>\n' +
        '</urlset>\n',
    );
  });

  it('leaves out URLs the protocol cannot carry', () => {
    const long = `https://www.example.com/${'a'.repeat(2100)}/`;
    const xml = buildUrlset([
      { loc: long, lastmod: null },
      { loc: 'https://www.example.com/ok/', lastmod: null },
    ]);
    expect(xml).not.toContain('aaaa');
    expect(xml).toContain('/ok/');
  });
});

describe('buildSitemapIndex', () => {
  it('writes a sitemapindex of sitemap locations', () => {
    expect(buildSitemapIndex([{ loc: 'https://www.example.com/sitemaps/posts-1.xml', lastmod: null }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<sitemap><loc>https://www.example.com/sitemaps/posts-1.xml</loc></sitemap>\n' +
        '</sitemapindex>\n',
    );
  });
});
