import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import type { Post } from '@/lib/wordpress';
import { buildFeed, type FeedChannel } from './build';
import { singleAddress } from '@/lib/wordpress';

const urls = { siteUrl: 'https://www.example.com', addresses: singleAddress('https://cms.example.com') };
const channel: FeedChannel = {
  siteName: 'The Lantern',
  title: 'Food – The Lantern',
  description: 'Cooking & eating',
  archivePath: '/category/food/',
};

function post(overrides: Partial<Post> = {}): Post {
  return {
    id: 7,
    type: 'post',
    slug: 'salt-roads',
    path: '/2024/04/02/salt-roads/',
    title: 'Salt Roads & the <Winter> Ferries',
    excerpt: 'Before the causeway, the only way <across> was a ferry.',
    publishedAt: '2024-04-02T11:15:00Z',
    modifiedAt: '2024-04-03T08:00:00Z',
    sticky: false,
    authors: [
      {
        id: 5,
        name: 'Priya Castellane',
        slug: 'pcastellane',
        path: '/author/pcastellane/',
        bio: '',
        avatarUrl: null,
      },
    ],
    featuredImage: null,
    categories: [
      { id: 6, name: 'Food & Drink', slug: 'food', taxonomy: 'category', path: '/category/food/' },
    ],
    tags: [{ id: 9, name: '<3 Winter', slug: 'winter', taxonomy: 'post_tag', path: '/tag/winter/' }],
    contentHtml:
      '<p>Read <a href="https://cms.example.com/hello-world/">the first</a> and <a href="#fn1">a note</a>.</p>' +
      '<p><img src="/wp-content/uploads/a.jpg" srcset="/wp-content/uploads/a-300.jpg 300w, https://cms.example.com/wp-content/uploads/a.jpg 1024w" alt=""></p>' +
      '<script>alert(1)</script><p onclick="alert(2)">Tap</p><a href="javascript:alert(3)">x</a>',
    isPasswordProtected: false,
    commentStatus: 'closed',
    hasApprovedComments: null,
    wordpressLink: 'https://cms.example.com/2024/04/02/salt-roads/',
    customFields: {},
    seo: { yoastHeadJson: null },
    ...overrides,
  };
}

const second = post({
  id: 6,
  path: '/2024/03/01/older/',
  title: 'Older',
  publishedAt: '2024-03-01T00:00:00Z',
  modifiedAt: '2024-03-01T00:00:00Z',
  authors: [],
  categories: [],
  tags: [],
  contentHtml: '<p>Older.</p>',
});

/** CDATA sections are balanced: nothing closes one outside a section, nothing opens one inside. */
function expectBalancedCdata(xml: string) {
  const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  expect(outside).not.toContain('<![CDATA[');
  expect(outside).not.toContain(']]>');
}

describe('buildFeed: RSS 2.0', () => {
  const xml = buildFeed('rss', channel, [post(), second], urls);
  const feed = parseFeed(xml);

  it('describes the archive, with its own URL as self', () => {
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Food – The Lantern');
    expect(feed.description).toBe('Cooking & eating');
    expect(feed.url).toBe('https://www.example.com/category/food/');
    expect(feed.self).toBe('https://www.example.com/category/food/feed/');
    expect(feed.updated?.toISOString()).toBe('2024-04-03T08:00:00.000Z');
  });

  it('lists the posts in the given order, linked on the frontend, with stable guids', () => {
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://www.example.com/2024/04/02/salt-roads/',
      'https://www.example.com/2024/03/01/older/',
    ]);
    expect(feed.items[0]?.id).toBe('https://www.example.com/?p=7');
    expect(xml).toContain('<guid isPermaLink="false">https://www.example.com/?p=7</guid>');
    expect(feed.items[0]?.published?.toISOString()).toBe('2024-04-02T11:15:00.000Z');
  });

  it('keeps titles as plain text and the excerpt as escaped HTML', () => {
    expect(feed.items[0]?.title).toBe('Salt Roads & the <Winter> Ferries');
    expect(xml).toContain(
      '<description><![CDATA[Before the causeway, the only way &lt;across&gt; was a ferry.]]>',
    );
  });

  it('names authors in dc:creator and every category and tag', () => {
    expect(xml).toContain('<dc:creator>Priya Castellane</dc:creator>');
    expect(feed.items[0]?.authors.map((author) => author.name)).toEqual(['Priya Castellane']);
    expect(feed.items[0]?.categories.map((category) => category.term)).toEqual(['Food & Drink', '<3 Winter']);
    expect(feed.items[1]?.authors).toEqual([]);
  });

  it('carries the sanitised content with absolute URLs', () => {
    const content = feed.items[0]?.content ?? '';
    expect(content).toContain('<a href="https://www.example.com/hello-world/">the first</a>');
    expect(content).toContain('<a href="https://www.example.com/2024/04/02/salt-roads/#fn1">a note</a>');
    expect(content).toContain('src="https://cms.example.com/wp-content/uploads/a.jpg"');
    expect(content).toContain(
      'srcset="https://cms.example.com/wp-content/uploads/a-300.jpg 300w, https://cms.example.com/wp-content/uploads/a.jpg 1024w"',
    );
    expect(content).not.toMatch(/<script|onclick|javascript:/i);
  });
});

describe('buildFeed: Atom 1.0', () => {
  const xml = buildFeed('atom', channel, [post(), second], urls);
  const feed = parseFeed(xml);

  it('describes the archive, identified by its feed URL', () => {
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Food – The Lantern');
    expect(feed.url).toBe('https://www.example.com/category/food/');
    expect(feed.self).toBe('https://www.example.com/category/food/feed/atom/');
    expect(xml).toContain('<id>https://www.example.com/category/food/feed/atom/</id>');
  });

  it('writes titles as HTML, which read back as the plain text', () => {
    expect(xml).toContain('<![CDATA[Salt Roads &amp; the &lt;Winter&gt; Ferries]]>');
    expect(feed.items[0]?.title).toBe('Salt Roads & the <Winter> Ferries');
  });

  it('links authors to their archives, and lets the site author entries that name nobody', () => {
    expect(feed.items[0]?.authors).toEqual([
      expect.objectContaining({
        name: 'Priya Castellane',
        url: 'https://www.example.com/author/pcastellane/',
      }),
    ]);
    expect(feed.authors.map((author) => author.name)).toEqual(['The Lantern']);
  });

  it('keeps category attributes well-formed, "<" included', () => {
    expect(xml).toContain('term="Food &amp; Drink"');
    expect(xml).not.toMatch(/term="[^"]*</);
  });

  it('has the same items, published and updated dates', () => {
    expect(feed.items.map((item) => item.id)).toEqual([
      'https://www.example.com/?p=7',
      'https://www.example.com/?p=6',
    ]);
    expect(feed.items[0]?.published?.toISOString()).toBe('2024-04-02T11:15:00.000Z');
    expect(feed.items[0]?.updated?.toISOString()).toBe('2024-04-03T08:00:00.000Z');
  });
});

describe('buildFeed: awkward text', () => {
  it('keeps CDATA sections closed however many "]]>" a title holds', () => {
    for (const format of ['rss', 'atom'] as const) {
      const xml = buildFeed(format, channel, [post({ title: 'a]]>b]]>c <![CDATA[ d' })], urls);
      expectBalancedCdata(xml);
      expect(parseFeed(xml).items[0]?.title?.replace(/\u200B/g, '')).toBe('a]]>b]]>c <![CDATA[ d');
    }
  });

  it('drops characters XML cannot carry', () => {
    for (const format of ['rss', 'atom'] as const) {
      const xml = buildFeed(
        format,
        { ...channel, title: 'Bell\u0007 – The Lantern' },
        [
          post({
            title: 'Form\u000Cfeed',
            contentHtml: '<p>Null\u0000 byte</p>',
            excerpt: 'Back\u0008space',
          }),
        ],
        urls,
      );
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(parseFeed(xml).items[0]?.title).toBe('Formfeed');
    }
  });

  it('tells readers a protected post is on the site, and never has empty content', () => {
    const xml = buildFeed(
      'rss',
      channel,
      [post({ isPasswordProtected: true, contentHtml: '', excerpt: '' }), post({ id: 8, contentHtml: '  ' })],
      urls,
    );
    const [locked, empty] = parseFeed(xml).items;
    expect(locked?.content).toContain('protected by a password');
    expect(locked?.content).toContain('href="https://www.example.com/2024/04/02/salt-roads/"');
    expect(empty?.content).toContain('<a href="https://www.example.com/2024/04/02/salt-roads/">');
  });

  it('still writes a feed when WordPress sends a date that is no date', () => {
    const xml = buildFeed('atom', channel, [post({ modifiedAt: 'not a date' })], urls);
    expect(parseFeed(xml).items[0]?.updated?.toISOString()).toBe('2024-04-02T11:15:00.000Z');
  });

  it('writes an empty feed for an archive without posts, dated now', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const feed = parseFeed(buildFeed('atom', channel, [], urls, () => now));
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe(now.toISOString());
  });
});
