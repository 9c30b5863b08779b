import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '@/lib/wordpress';
import { siteHeadMetadata } from './site-head';

const icons = {
  small: 'http://wp.example.test/wp-content/uploads/icon-32x32.png',
  large: 'http://wp.example.test/wp-content/uploads/icon-192x192.png',
  appleTouch: 'http://wp.example.test/wp-content/uploads/icon-180x180.png',
};

describe('siteHeadMetadata', () => {
  it('links the WordPress site icon as WordPress does: 32, 192 and a 180 apple-touch-icon', () => {
    expect(siteHeadMetadata({ ...DEFAULT_SITE_SETTINGS, icons }).icons).toEqual({
      icon: [
        { url: icons.small, sizes: '32x32' },
        { url: icons.large, sizes: '192x192' },
      ],
      apple: [{ url: icons.appleTouch, sizes: '180x180' }],
    });
  });

  it('links Broadsheet’s own icon when the site has none', () => {
    expect(siteHeadMetadata(DEFAULT_SITE_SETTINGS).icons).toEqual({
      icon: [
        { url: '/favicon.ico', sizes: '48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
      ],
      apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
    });
  });

  it('says noindex, nofollow for every page only when search engines are discouraged', () => {
    expect(siteHeadMetadata(DEFAULT_SITE_SETTINGS).robots).toBeUndefined();
    const hidden = { ...DEFAULT_SITE_SETTINGS.reading, searchEngineVisible: false };
    expect(siteHeadMetadata({ ...DEFAULT_SITE_SETTINGS, reading: hidden }).robots).toBe('noindex, nofollow');
  });
});
