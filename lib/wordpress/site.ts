import { cache } from 'react';
import { getConfig } from '@/lib/config';
import { htmlToText } from '@/lib/content/text';
import { publishedCache, wordpressTransport } from './client';
import type { SiteAddresses } from './paths';
import { rawCommentSettingsSchema, rawSiteSchema } from './schemas';
import { TAGS } from './tags';
import type { SiteInfo } from './types';

/** What Broadsheet reads from the REST index: the site, and the comment settings. */
export const SITE_INDEX_FIELDS = [
  'name',
  'description',
  'url',
  'home',
  'gmt_offset',
  'timezone_string',
  'broadsheet_language',
  'broadsheet_comments',
  'namespaces',
];

/** The REST index with the fields above, read once per render and cached under the site tag. */
export const getSiteIndex = cache(async () => {
  const { data } = await wordpressTransport()({
    route: '/',
    params: { _fields: SITE_INDEX_FIELDS },
    schema: rawSiteSchema.extend(rawCommentSettingsSchema.shape),
    cache: publishedCache([TAGS.site]),
  });
  return data;
});

/**
 * The site's addresses: its Site Address and WordPress Address as WordPress states them in the
 * REST index, and WORDPRESS_URL, where this frontend reaches it. WordPress's links are read
 * against the Site Address, never against WORDPRESS_URL, which may be an internal address.
 * A WordPress that states no usable address is taken to live at WORDPRESS_URL.
 */
export function siteAddressesOf(index: { home: string; url: string }, wordpressUrl: string): SiteAddresses {
  const home = absoluteHttpUrl(index.home) ?? wordpressUrl;
  return { home, wordpressAddress: absoluteHttpUrl(index.url) ?? home, wordpressUrl };
}

function absoluteHttpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return null;
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The site's addresses (see siteAddressesOf), from the cached REST index. */
export const getSiteAddresses = cache(async (): Promise<SiteAddresses> => {
  return siteAddressesOf(await getSiteIndex(), getConfig().wordpressUrl);
});

/** Site title, tagline, addresses and timezone, from the REST index. */
export const getSiteInfo = cache(async (): Promise<SiteInfo> => {
  const data = await getSiteIndex();
  return {
    name: htmlToText(data.name),
    description: htmlToText(data.description),
    addresses: siteAddressesOf(data, getConfig().wordpressUrl),
    timezone: data.timezone_string || 'UTC',
    // Without the companion plugin WordPress does not say; English is WordPress's default.
    language:
      data.broadsheet_language && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(data.broadsheet_language)
        ? data.broadsheet_language
        : 'en-US',
    hasYoast: data.namespaces.includes('yoast/v1'),
  };
});
