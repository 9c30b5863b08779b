import { describe, expect, it } from 'vitest';
import { escapeXml, removeInvalidXmlCharacters, xmlCacheControl, xmlNotFound, xmlResponse } from './xml';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('drops characters XML cannot carry at all, keeping tabs, newlines and astral characters', () => {
    expect(removeInvalidXmlCharacters('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\nh\ri😀')).toBe(
      'abcdef\tg\nh\ri😀',
    );
  });
});

describe('responses', () => {
  it('lets a CDN cache for the revalidation period and serve stale while it refetches', () => {
    expect(xmlCacheControl(3600)).toBe('public, max-age=0, s-maxage=3600, stale-while-revalidate=86400');
    expect(xmlCacheControl(172800)).toBe('public, max-age=0, s-maxage=172800, stale-while-revalidate=172800');
  });

  it('sends the content type and cache headers', async () => {
    const response = xmlResponse('<x/>', {
      contentType: 'application/xml; charset=utf-8',
      revalidateSeconds: 60,
      headers: { 'X-Robots-Tag': 'noindex, follow' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(xmlCacheControl(60));
    expect(response.headers.get('X-Robots-Tag')).toBe('noindex, follow');
    expect(await response.text()).toBe('<x/>');
    expect(xmlNotFound(60).status).toBe(404);
  });
});
