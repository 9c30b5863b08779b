import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWxr, WxrError } from './wxr.mjs';

const fixture = readFileSync(new URL('./fixtures/harbour-notes.xml', import.meta.url), 'utf8');

/** The line (1-based) of the first occurrence of some text in the fixture. */
function lineOf(text, needle) {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, index).split('\n').length;
}

function parseError(xml) {
  try {
    parseWxr(xml);
  } catch (error) {
    if (error instanceof WxrError) return error;
    throw error;
  }
  throw new Error('parsed without an error');
}

describe('parseWxr on the project fixture', () => {
  const document = parseWxr(fixture);

  it('reads the channel: title, source site and version', () => {
    expect(document.title).toBe('Harbour Notes');
    expect(document.sourceUrl).toBe('https://harbour-notes.example');
    expect(document.wxrVersion).toBe('1.2');
    expect(document.warnings).toEqual([]);
  });

  it('reads authors with their old ids', () => {
    expect(document.authors.map(({ id, login, displayName }) => ({ id, login, displayName }))).toEqual([
      { id: 7, login: 'wren-castellane', displayName: 'Wren Castellane' },
      { id: 8, login: 'tobias-okafor', displayName: 'Tobias Okafor' },
    ]);
  });

  it('reads categories with parents by slug, tags, menus, and terms only items mention', () => {
    const bySlug = Object.fromEntries(document.terms.map((term) => [term.slug, term]));
    expect(bySlug['lamp-rooms']).toMatchObject({
      taxonomy: 'category',
      parentSlug: 'lighthouses',
      name: 'Lamp Rooms',
    });
    expect(bySlug['lighthouses']).toMatchObject({ parentSlug: 'harbour-coast', id: 32 });
    expect(bySlug['sea-fog']).toMatchObject({ taxonomy: 'post_tag', name: 'Sea fog', declared: true });
    expect(bySlug['harbour-menu']).toMatchObject({ taxonomy: 'nav_menu', name: 'Harbour menu' });
    expect(bySlug['sea-salt']).toMatchObject({
      taxonomy: 'post_tag',
      name: 'Sea salt',
      declared: false,
      id: null,
    });
  });

  it('reads posts with dates, slugs, status, sticky, password, terms and meta', () => {
    const logbook = document.items.find((item) => item.id === 101);
    expect(logbook).toMatchObject({
      type: 'post',
      status: 'publish',
      title: 'The Keeper’s Logbook',
      slug: 'the-keepers-logbook',
      date: '2019-03-14 09:00:00',
      dateGmt: '2019-03-14 09:00:00',
      creator: 'wren-castellane',
      sticky: true,
      password: '',
      // The line of its <item>, just above the title.
      line: lineOf(fixture, '<title>The Keeper&#8217;s Logbook') - 1,
    });
    expect(logbook?.content).toContain('forty-one volumes');
    expect(logbook?.terms).toContainEqual({ taxonomy: 'category', slug: 'lighthouses' });
    expect(logbook?.meta).toContainEqual(['_thumbnail_id', '301']);
    expect(document.items.find((item) => item.id === 103)).toMatchObject({
      password: 'foghorn',
      sticky: false,
    });
    expect(document.items.find((item) => item.id === 104)).toMatchObject({
      status: 'draft',
      dateGmt: '0000-00-00 00:00:00',
    });
  });

  it('reads threaded comments with their status', () => {
    const comments = document.items.find((item) => item.id === 101)?.comments ?? [];
    expect(
      comments.map(({ id, parentId, approved, userId }) => ({ id, parentId, approved, userId })),
    ).toEqual([
      { id: 901, parentId: 0, approved: '1', userId: 0 },
      { id: 903, parentId: 902, approved: '1', userId: 0 },
      { id: 902, parentId: 901, approved: '1', userId: 7 },
      { id: 904, parentId: 0, approved: '0', userId: 0 },
      { id: 905, parentId: 0, approved: 'spam', userId: 0 },
    ]);
  });

  it('reads attachments and menu items', () => {
    expect(document.items.find((item) => item.id === 302)).toMatchObject({
      type: 'attachment',
      parentId: 102,
      mimeType: 'image/jpeg',
      attachmentUrl: 'https://media.harbour-notes.example/2019/05/fog-over-the-breakwater.jpg',
    });
    const menuItem = document.items.find((item) => item.id === 402);
    expect(menuItem?.terms).toEqual([{ taxonomy: 'nav_menu', slug: 'harbour-menu' }]);
    expect(menuItem?.meta).toContainEqual(['_menu_item_menu_item_parent', '401']);
  });
});

describe('parseWxr refuses what it cannot import, naming the line', () => {
  it('a truncated file: where it ends and which element is still open', () => {
    const cut = fixture.slice(0, fixture.indexOf('<title>Salt-Baked Mackerel</title>') + 20);
    const error = parseError(cut);
    expect(error.line).toBe(cut.split('\n').length);
    expect(error.message).toMatch(
      /^line \d+: the file ends while <title> \(opened at line \d+\) is still open; it looks truncated/,
    );
  });

  it('a file cut inside a CDATA section', () => {
    const cut = fixture.slice(0, fixture.indexOf('forty-one volumes'));
    const error = parseError(cut);
    expect(error.message).toContain('looks truncated');
    expect(error.message).toContain(
      `<content:encoded> (opened at line ${lineOf(fixture, '<p>Every keeper') - 1})`,
    );
  });

  it('malformed XML: a mismatched closing tag', () => {
    const broken = fixture.replace(
      '<wp:post_name><![CDATA[salt-baked-mackerel]]></wp:post_name>',
      '<wp:post_name>salt</wp:post_nam>',
    );
    const error = parseError(broken);
    expect(error.line).toBe(lineOf(broken, '<wp:post_name>salt</wp:post_nam>'));
    expect(error.message).toMatch(/not well-formed XML/);
  });

  it('an entity XML does not define', () => {
    const broken = fixture.replace('<title>Visiting Hours</title>', '<title>Visiting&harbour;Hours</title>');
    expect(parseError(broken).line).toBe(lineOf(broken, 'Visiting&harbour;Hours'));
  });

  it('an RSS feed that is not an export', () => {
    const feed =
      '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>News</title>\n</channel>\n</rss>\n';
    expect(parseError(feed).message).toBe(
      'line 3: <channel> has no <wp:wxr_version>; this RSS feed is not a WordPress export (Tools → Export writes one)',
    );
  });

  it('some other XML document, and an empty file', () => {
    expect(parseError('<?xml version="1.0"?>\n<html></html>').message).toMatch(
      /^line 2: the root element is <html>/,
    );
    expect(parseError('').message).toMatch(/holds no XML element/);
  });

  it('an id that is not a number', () => {
    const broken = fixture.replace('<wp:post_id>102</wp:post_id>', '<wp:post_id>one-oh-two</wp:post_id>');
    expect(parseError(broken).message).toBe(
      `line ${lineOf(broken, 'one-oh-two')}: <wp:post_id> should be a whole number, not "one-oh-two"`,
    );
  });
});

describe('parseWxr is lenient where exports are known to be untidy', () => {
  it('keeps the first of two items with the same id and marks the second', () => {
    const start = fixture.indexOf('\t<item>\n\t\t<title>Visiting Hours');
    const end = fixture.indexOf('</item>', start) + '</item>'.length;
    const repeated = fixture.slice(0, end) + '\n' + fixture.slice(start, end) + fixture.slice(end);
    const copies = parseWxr(repeated).items.filter((item) => item.id === 202);
    expect(copies.map((item) => item.duplicateOfLine)).toEqual([null, copies[0]?.line]);
  });

  it('drops a date it cannot read, with a warning on its line', () => {
    const odd = fixture.replace(
      '<wp:post_date><![CDATA[2019-05-02 12:00:00]]>',
      '<wp:post_date><![CDATA[May 2nd]]>',
    );
    const document = parseWxr(odd);
    expect(document.items.find((item) => item.id === 102)?.date).toBe('');
    expect(document.warnings).toEqual([
      { line: lineOf(odd, 'May 2nd'), message: '<wp:post_date> "May 2nd" is not a date; ignored' },
    ]);
  });

  it('reads exports that do not wrap fields in CDATA, and a byte-order mark', () => {
    const plain =
      '\uFEFF<?xml version="1.0"?>\n<rss><channel><wp:wxr_version>1.1</wp:wxr_version>\n' +
      '<item><title>A &amp; B</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type><wp:post_name>a-b</wp:post_name>' +
      '<category domain="tag" nicename="x">X</category></item></channel></rss>';
    const document = parseWxr(plain);
    expect(document.items[0]).toMatchObject({
      id: 5,
      title: 'A & B',
      slug: 'a-b',
      status: 'publish',
      terms: [{ taxonomy: 'post_tag', slug: 'x' }],
    });
  });
});
