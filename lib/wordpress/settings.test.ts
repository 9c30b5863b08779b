import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, rawSettingsSchema, siteSettingsOf } from './settings';

const reading = {
  show_on_front: 'page',
  page_on_front: 12,
  page_for_posts: 14,
  posts_per_page: 4,
  posts_per_rss: 6,
  blog_public: false,
};

describe('siteSettingsOf', () => {
  it('honours Settings → Reading as the plugin states it', () => {
    const { settings, problems } = siteSettingsOf({ broadsheet_reading: reading });
    expect(settings.reading).toEqual({
      frontPageId: 12,
      postsPageId: 14,
      postsPerPage: 4,
      postsPerFeed: 6,
      searchEngineVisible: false,
    });
    expect(problems).toEqual([]);
  });

  it('takes WordPress’s defaults without the plugin: posts on the front page, ten of them, indexed', () => {
    expect(DEFAULT_SITE_SETTINGS).toEqual({
      reading: {
        frontPageId: null,
        postsPageId: null,
        postsPerPage: 10,
        postsPerFeed: 10,
        searchEngineVisible: true,
      },
      timezone: 'UTC',
      dateFormat: 'F j, Y',
      timeFormat: 'g:i a',
      icons: null,
      authorPathPrefix: '/author/',
    });
  });

  it('finds author archives where the author permastruct puts them, and falls back to /author/', () => {
    // As the REST index's answer is read: through the schema.
    const settingsFor = (author: unknown) =>
      siteSettingsOf(rawSettingsSchema.parse({ broadsheet_permalinks: { author } }));
    const prefixOf = (author: unknown) => settingsFor(author).settings.authorPathPrefix;
    expect(prefixOf('/author/%author%')).toBe('/author/');
    expect(prefixOf('/blog/author/%author%')).toBe('/blog/author/');
    expect(prefixOf('/people/writers/%author%')).toBe('/people/writers/');
    // Plain permalinks (core sends false), a placeholder-only base, or nonsense: WordPress's own.
    for (const structure of [false, '/%author%', '%author%', '/a b/%author%', '/author/%author%/x']) {
      const { settings, problems } = settingsFor(structure);
      expect(settings.authorPathPrefix).toBe('/author/');
      expect(problems.length).toBeLessThanOrEqual(1);
    }
  });

  it('ignores the page ids while the front page shows the latest posts, as WordPress does', () => {
    const { settings } = siteSettingsOf({ broadsheet_reading: { ...reading, show_on_front: 'posts' } });
    expect(settings.reading).toMatchObject({ frontPageId: null, postsPageId: null });
  });

  it('degrades a static front page without a page, and a posts page that is the front page', () => {
    const none = siteSettingsOf({ broadsheet_reading: { ...reading, page_on_front: 0 } });
    expect(none.settings.reading).toMatchObject({ frontPageId: null, postsPageId: null });
    expect(none.problems).toEqual([
      'a static front page is chosen but no page is; the front page lists posts',
    ]);
    const same = siteSettingsOf({ broadsheet_reading: { ...reading, page_for_posts: 12 } });
    expect(same.settings.reading).toMatchObject({ frontPageId: 12, postsPageId: null });
  });

  it('keeps numbers of posts within what the REST API serves, saying so', () => {
    const { settings, problems } = siteSettingsOf({
      broadsheet_reading: { ...reading, posts_per_page: -1, posts_per_rss: 500 },
    });
    expect(settings.reading).toMatchObject({ postsPerPage: 10, postsPerFeed: 100 });
    expect(problems).toHaveLength(2);
  });

  it('reads the timezone, a UTC offset included, and the date and time formats', () => {
    const { settings } = siteSettingsOf({
      timezone_string: '',
      gmt_offset: 5.5,
      broadsheet_formats: { date_format: 'j M Y', time_format: 'H:i' },
    });
    expect(settings).toMatchObject({ timezone: '+05:30', dateFormat: 'j M Y', timeFormat: 'H:i' });
    const blank = siteSettingsOf({ broadsheet_formats: { date_format: ' ', time_format: '' } });
    expect(blank.settings).toMatchObject({ dateFormat: 'F j, Y', timeFormat: 'g:i a' });
  });

  it('degrades an unknown timezone to the UTC offset, with one problem', () => {
    const { settings, problems } = siteSettingsOf({ timezone_string: 'Nowhere/Atlantis', gmt_offset: 0 });
    expect(settings.timezone).toBe('UTC');
    expect(problems).toEqual(['unknown timezone "Nowhere/Atlantis"; using UTC']);
  });

  it('links the site icon in WordPress’s sizes, or core’s one address without the plugin', () => {
    const sized = siteSettingsOf({
      site_icon_url: 'http://wp.example.test/wp-content/uploads/icon.png',
      broadsheet_site_icon: {
        '32': 'http://wp.example.test/wp-content/uploads/icon-32x32.png',
        '180': 'http://wp.example.test/wp-content/uploads/icon-180x180.png',
        '192': 'http://wp.example.test/wp-content/uploads/icon-192x192.png',
      },
    });
    expect(sized.settings.icons).toEqual({
      small: 'http://wp.example.test/wp-content/uploads/icon-32x32.png',
      large: 'http://wp.example.test/wp-content/uploads/icon-192x192.png',
      appleTouch: 'http://wp.example.test/wp-content/uploads/icon-180x180.png',
    });
    const coreOnly = siteSettingsOf({ site_icon_url: 'http://wp.example.test/wp-content/uploads/icon.png' });
    expect(coreOnly.settings.icons?.appleTouch).toBe('http://wp.example.test/wp-content/uploads/icon.png');
    expect(siteSettingsOf({ site_icon_url: '', broadsheet_site_icon: {} }).settings.icons).toBeNull();
    expect(siteSettingsOf({ site_icon_url: 'javascript:alert(1)' }).settings.icons).toBeNull();
  });
});
