import { describe, expect, it } from 'vitest';
import fixture from './fixtures/yoast-post.json';
import { serializeJsonLd } from './json-ld';
import { createUrlRewriter } from './urls';
import { seoFromYoast } from './yoast';
import { singleAddress } from '@/lib/wordpress';

const urls = createUrlRewriter({
  addresses: singleAddress('http://wp.example.test'),
  siteUrl: 'https://www.example.com',
});

describe('serializeJsonLd', () => {
  const hostile = {
    '@type': 'Article',
    headline: '</script><script>alert(1)</script>',
    description: '<!-- a comment --> & friends',
    caption: 'line\u2028separator\u2029paragraph',
  };

  it('cannot close the script element, open a comment or break JavaScript', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(json).toContain('\\u0026 friends');
    expect(json).toContain('line\\u2028separator\\u2029paragraph');
  });

  it('round-trips to exactly the same value', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
    const schema = fixture.yoast_head_json.schema;
    expect(JSON.parse(serializeJsonLd(schema))).toEqual(schema);
  });

  it('escapes a hostile headline that came through Yoast', () => {
    const yoast = structuredClone(fixture.yoast_head_json);
    const article = yoast.schema['@graph'][0];
    if (!article) throw new Error('fixture has no Article');
    article.headline = '</script><script>alert(1)</script>';
    const seo = seoFromYoast(yoast, urls);
    const json = serializeJsonLd(seo?.jsonLd);
    expect(json).not.toMatch(/<\/script/i);
    expect(JSON.parse(json)['@graph'][0].headline).toBe('</script><script>alert(1)</script>');
  });

  it('serialises values JSON.stringify cannot as null', () => {
    expect(serializeJsonLd(undefined)).toBe('null');
  });
});
