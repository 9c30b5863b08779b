import type { Metadata } from 'next';
import type { SiteInfo } from '@/lib/wordpress';
import { DISCOURAGED_ROBOTS } from './route-seo';

/** Broadsheet's own icon (public/, drawn by scripts/make-icons.mjs), for a site without one. */
const OWN_ICONS: NonNullable<Metadata['icons']> = {
  icon: [
    { url: '/favicon.ico', sizes: '48x48' },
    { url: '/icon.svg', type: 'image/svg+xml' },
  ],
  apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
};

/**
 * The head every page shares: the site icon as WordPress links it (32×32 and 192×192 icons,
 * a 180×180 apple-touch-icon) or Broadsheet's own, and "noindex, nofollow" when the site
 * discourages search engines (pages with a head of their own say the same, see route-seo.ts).
 */
export function siteHeadMetadata(site: Pick<SiteInfo, 'icons' | 'reading'>): Metadata {
  const icons: NonNullable<Metadata['icons']> = site.icons
    ? {
        icon: [
          { url: site.icons.small, sizes: '32x32' },
          { url: site.icons.large, sizes: '192x192' },
        ],
        apple: [{ url: site.icons.appleTouch, sizes: '180x180' }],
      }
    : OWN_ICONS;
  return site.reading.searchEngineVisible ? { icons } : { icons, robots: DISCOURAGED_ROBOTS };
}
