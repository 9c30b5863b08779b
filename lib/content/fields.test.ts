import { describe, expect, it } from 'vitest';
import type { SiteAddresses } from '@/lib/wordpress/paths';
import {
  emptyOr,
  fieldSchemas,
  isSafeHref,
  MAX_FIELD_DEPTH,
  MAX_FIELD_VALUES,
  prepareCustomFields,
  SafeHtml,
} from './fields';

const addresses: SiteAddresses = {
  home: 'https://news.example.org',
  wordpressAddress: 'https://cms.example.org',
  wordpressUrl: 'http://wordpress.internal:8080',
};

const prepare = (raw: unknown) => prepareCustomFields(raw, addresses);

/** An ACF image field as ACF's REST output gives it (array return format), trimmed to what counts. */
const acfPoster = {
  ID: 88,
  id: 88,
  title: 'poster',
  filename: 'poster.jpg',
  url: 'https://cms.example.org/wp-content/uploads/2026/06/poster.jpg',
  alt: 'A brass band on a stage',
  mime_type: 'image/jpeg',
  type: 'image',
  subtype: 'jpeg',
  width: 1600,
  height: 1200,
  sizes: {
    thumbnail: 'https://cms.example.org/wp-content/uploads/2026/06/poster-150x150.jpg',
    'thumbnail-width': 150,
    'thumbnail-height': 150,
    medium: 'https://cms.example.org/wp-content/uploads/2026/06/poster-300x225.jpg',
    'medium-width': 300,
    'medium-height': 225,
    large: 'https://cms.example.org/wp-content/uploads/2026/06/poster-1024x768.jpg',
    'large-width': 1024,
    'large-height': 768,
  },
};

describe('prepareCustomFields: strings', () => {
  it('keeps plain text as a string', () => {
    expect(prepare({ venue: 'Town Hall, 2 < 3 & "quoted"' })).toEqual({
      venue: 'Town Hall, 2 < 3 & "quoted"',
    });
  });

  it('sanitises a string with markup exactly as post content', () => {
    const programme =
      '<h2>Evening</h2><p onclick="steal()">Music <script>alert(1)</script>at <b>eight</b></p>';
    const fields = prepare({ programme });
    expect(fields.programme).toBeInstanceOf(SafeHtml);
    const html = (fields.programme as SafeHtml).html;
    expect(html).toBe('<h2>Evening</h2><p>Music at <b>eight</b></p>');
    expect(html).not.toMatch(/script|onclick|alert/);
  });

  it('removes event handlers, javascript: links and foreign iframes from markup', () => {
    const fields = prepare({
      body: '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a><iframe src="https://evil.example/"></iframe><svg onload="alert(1)"></svg>',
    });
    const html = (fields.body as SafeHtml).html;
    expect(html).not.toMatch(/onerror|onload|javascript|iframe|svg|evil/i);
  });

  it('rewrites links into the site in markup to frontend paths', () => {
    const fields = prepare({ body: '<p><a href="https://news.example.org/about/">About</a></p>' });
    expect((fields.body as SafeHtml).html).toBe('<p><a href="/about/">About</a></p>');
  });

  it('drops strings that are URLs of schemes other than http(s), mailto and tel, however disguised', () => {
    expect(
      prepare({
        a: 'javascript:alert(1)',
        b: ' JaVaScRiPt:alert(1)',
        c: 'java\tscript:alert(1)',
        d: 'data:text/html;base64,PHNjcmlwdD4=',
        e: 'vbscript:msgbox(1)',
        f: 'https://example.com/',
        g: 'mailto:desk@example.org',
        h: 'Note: bring a coat',
      }),
    ).toEqual({
      a: null,
      b: null,
      c: null,
      d: null,
      e: null,
      f: 'https://example.com/',
      g: 'mailto:desk@example.org',
      h: 'Note: bring a coat',
    });
  });
});

describe('prepareCustomFields: ACF link fields', () => {
  it('turns a link into the site into a frontend path, from any of the site’s addresses', () => {
    expect(
      prepare({
        home: { title: 'Tickets', url: 'https://news.example.org/tickets/?day=2#seats', target: '' },
        internal: { title: 'Same', url: 'http://wordpress.internal:8080/tickets/', target: '' },
        relative: { title: 'Rel', url: '/tickets/', target: '' },
      }),
    ).toEqual({
      home: { title: 'Tickets', url: '/tickets/?day=2#seats', target: '' },
      internal: { title: 'Same', url: '/tickets/', target: '' },
      relative: { title: 'Rel', url: '/tickets/', target: '' },
    });
  });

  it('keeps external links and WordPress’s files absolute', () => {
    expect(
      prepare({
        external: { title: 'Box office', url: 'https://tickets.example.com/e/1', target: '_blank' },
        upload: { title: 'PDF', url: '/wp-content/uploads/programme.pdf', target: '' },
      }),
    ).toEqual({
      external: { title: 'Box office', url: 'https://tickets.example.com/e/1', target: '_blank' },
      upload: { title: 'PDF', url: 'https://news.example.org/wp-content/uploads/programme.pdf', target: '' },
    });
  });

  it('drops a link whose URL is javascript:, data:, protocol-relative or otherwise unsafe', () => {
    const link = (url: string) => ({ title: 'x', url, target: '' });
    expect(
      prepare({
        a: link('javascript:alert(document.cookie)'),
        b: link('  javascript:alert(1)'),
        c: link('jav\nascript:alert(1)'),
        d: link('data:text/html,<script>alert(1)</script>'),
        e: link('//evil.example/'),
        f: link('/\\evil.example/'),
        g: link(''),
      }),
    ).toEqual({ a: null, b: null, c: null, d: null, e: null, f: null, g: null });
  });

  it('allows only _blank or no target', () => {
    const fields = prepare({
      link: { title: 'x', url: 'https://example.com/', target: 'evil" onclick="x' },
    });
    expect(fields.link).toEqual({ title: 'x', url: 'https://example.com/', target: '' });
  });

  it('matches fieldSchemas.link', () => {
    const fields = prepare({ link: { title: 'x', url: 'https://example.com/', target: '_blank' } });
    expect(fieldSchemas.link.safeParse(fields.link).success).toBe(true);
  });
});

describe('prepareCustomFields: ACF image fields', () => {
  it('becomes the app’s Image: URLs as WordPress gave them, the full image widest, cropped sizes left out', () => {
    expect(prepare({ poster: acfPoster }).poster).toEqual({
      url: acfPoster.url,
      width: 1600,
      height: 1200,
      alt: 'A brass band on a stage',
      sizes: [
        { url: acfPoster.sizes.medium, width: 300, height: 225 },
        { url: acfPoster.sizes.large, width: 1024, height: 768 },
        { url: acfPoster.url, width: 1600, height: 1200 },
      ],
    });
    expect(fieldSchemas.image.safeParse(prepare({ poster: acfPoster }).poster).success).toBe(true);
  });

  it('drops an image whose URL is not http(s), and sizes that are not', () => {
    expect(prepare({ poster: { ...acfPoster, url: 'javascript:alert(1)' } }).poster).toBeNull();
    const poster = prepare({
      poster: {
        ...acfPoster,
        sizes: { ...acfPoster.sizes, large: 'data:image/svg+xml,<svg onload=alert(1)>' },
      },
    }).poster as { sizes: { url: string }[] };
    expect(poster.sizes.map((size) => size.url)).toEqual([acfPoster.sizes.medium, acfPoster.url]);
  });

  it('reads an image without type from its url, width, height and sizes', () => {
    const untyped: Record<string, unknown> = { ...acfPoster };
    delete untyped.type;
    expect(prepare({ poster: untyped }).poster).toMatchObject({ url: acfPoster.url, width: 1600 });
  });
});

describe('prepareCustomFields: other data', () => {
  it('passes numbers, booleans, null, arrays and objects through, walking into them', () => {
    expect(
      prepare({
        capacity: 300,
        free: false,
        sponsor: null,
        dates: ['2026-07-01', '2026-07-02'],
        speakers: [{ name: 'Ada', bio: '<p>Writes <em>code</em></p>', site: 'javascript:alert(1)' }],
      }),
    ).toEqual({
      capacity: 300,
      free: false,
      sponsor: null,
      dates: ['2026-07-01', '2026-07-02'],
      speakers: [{ name: 'Ada', bio: expect.any(SafeHtml), site: null }],
    });
  });

  it('gives no fields for anything but an object (ACF sends [] for a post without fields)', () => {
    expect(prepare([])).toEqual({});
    expect(prepare(null)).toEqual({});
    expect(prepare('acf')).toEqual({});
    expect(prepare(undefined)).toEqual({});
  });

  it('leaves out what is not JSON data', () => {
    expect(prepare({ f: () => 1, u: undefined, d: new Date(0), n: Number.NaN })).toEqual({ n: null });
  });

  it('cannot set an object’s prototype through a "__proto__" field', () => {
    const fields = prepare(JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'));
    expect(fields).toEqual({ ok: 1 });
    expect(Object.assign({}, fields)).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('prepareCustomFields: bounds', () => {
  it('survives nesting far deeper than the stack allows, leaving out what lies past MAX_FIELD_DEPTH', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(50_000)}"bottom"${'}'.repeat(50_000)}`);
    const fields = prepare({ deep });
    let depth = 0;
    let node: unknown = fields.deep;
    while (typeof node === 'object' && node !== null && 'a' in node) {
      node = (node as { a: unknown }).a;
      depth += 1;
    }
    expect(depth).toBe(MAX_FIELD_DEPTH - 1);
    expect(JSON.stringify(fields)).not.toContain('bottom');
  });

  it('bounds deeply nested arrays too', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    expect(JSON.stringify(prepare({ deep }))).not.toContain('1');
  });

  it('keeps at most MAX_FIELD_VALUES values', () => {
    const many = Array.from({ length: MAX_FIELD_VALUES * 4 }, (_, index) => index);
    const fields = prepare({ many, after: 'left out' });
    expect((fields.many as number[]).length).toBe(MAX_FIELD_VALUES - 1);
    expect(fields).not.toHaveProperty('after');
  });
});

describe('isSafeHref', () => {
  it('accepts site paths, fragments and http(s), mailto and tel URLs only', () => {
    expect(
      ['/a/', '#top', 'https://x.example/', 'http://x.example/', 'mailto:a@b.c', 'tel:+44'].map(isSafeHref),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['//evil.example/', '/\\evil', 'javascript:x', 'data:x', 'relative/path', ''].map(isSafeHref),
    ).toEqual([false, false, false, false, false, false]);
  });
});

describe('fieldSchemas', () => {
  it('reads a text field as plain text, markup an editor typed reduced to its text', () => {
    const fields = prepare({
      plain: 'Town Hall',
      marked: 'Town <b>Hall</b> &amp; Gardens<script>x()</script>',
    });
    expect(fieldSchemas.text.parse(fields.plain)).toBe('Town Hall');
    expect(fieldSchemas.text.parse(fields.marked)).toBe('Town Hall & Gardens');
  });

  it('takes only sanitised HTML as html: a look-alike object is refused', () => {
    expect(fieldSchemas.html.safeParse(prepare({ p: '<p>x</p>' }).p).success).toBe(true);
    expect(fieldSchemas.html.safeParse({ html: '<script>alert(1)</script>' }).success).toBe(false);
  });

  it('refuses links and images whose URLs are unsafe, however they were made', () => {
    expect(fieldSchemas.link.safeParse({ title: 'x', url: 'javascript:alert(1)', target: '' }).success).toBe(
      false,
    );
    expect(fieldSchemas.link.safeParse({ title: 'x', url: '//evil.example/', target: '' }).success).toBe(
      false,
    );
    const image = { url: 'data:image/png;base64,AAAA', width: 1, height: 1, alt: '', sizes: [] };
    expect(fieldSchemas.image.safeParse(image).success).toBe(false);
  });

  it("emptyOr turns ACF’s empty values (null, false, '', missing) into null", () => {
    const schema = emptyOr(fieldSchemas.link);
    for (const empty of [null, false, '', undefined]) expect(schema.parse(empty)).toBeNull();
    const link = { title: 'x', url: '/a/', target: '' as const };
    expect(schema.parse(link)).toEqual(link);
    expect(schema.safeParse({ title: 'x' }).success).toBe(false);
  });
});
