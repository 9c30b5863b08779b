import { describe, expect, it } from 'vitest';
import fixture from './fixtures/yoast-post.json';
import { parseYoastHead } from './head-html';

describe('parseYoastHead', () => {
  const head = parseYoastHead(fixture.yoast_head);

  it('reads the title with entities decoded', () => {
    expect(head.title).toBe('Salt & Timber: Rebuilding the Old Ferry Pier - Harbour Notes');
  });

  it('reads every meta and link tag in order, keeping property and name apart', () => {
    expect(head.tags).toHaveLength(28);
    expect(head.tags[0]).toEqual({
      kind: 'meta',
      name: 'description',
      content: fixture.yoast_head_json.description,
    });
    expect(head.tags[2]).toEqual({
      kind: 'link',
      rel: 'canonical',
      href: 'http://wp.example.test/2024/05/14/salt-and-timber/',
    });
    expect(head.tags).toContainEqual({
      kind: 'meta',
      property: 'og:title',
      content: fixture.yoast_head_json.og_title,
    });
    expect(head.tags).toContainEqual({ kind: 'meta', name: 'twitter:data2', content: '6 minutes' });
  });

  it('parses the JSON-LD script', () => {
    expect(head.jsonLd).toEqual([fixture.yoast_head_json.schema]);
  });

  it('copes with other quoting, casing, entities and stray markup', () => {
    const parsed = parseYoastHead(
      `<TITLE>A &amp;amp; B</TITLE><META PROPERTY='og:title' CONTENT="It&#039;s &quot;here&quot;">` +
        `<meta content="x" name=robots><meta charset="utf-8"><link rel=prev href="/page/2/?a=1&#038;b=2">` +
        `<script type="application/ld+json">{not json}</script><script type="text/javascript">var a = "<meta name=x content=y>";</script>`,
    );
    expect(parsed.title).toBe('A &amp; B');
    expect(parsed.tags).toEqual([
      { kind: 'meta', property: 'og:title', content: 'It\'s "here"' },
      { kind: 'meta', name: 'robots', content: 'x' },
      { kind: 'link', rel: 'prev', href: '/page/2/?a=1&b=2' },
    ]);
    expect(parsed.jsonLd).toEqual([]);
  });
});
