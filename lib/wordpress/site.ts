import { cache } from 'react';
import { getConfig } from '@/lib/config';
import { publishedCache, wordpressTransport } from './client';
import { siteAddressesOf, type SiteAddresses } from './paths';
import { rawCommentSettingsSchema, rawSiteSchema } from './schemas';
import { TAGS } from './tags';
import type { SiteInfo } from './types';
import { htmlToText } from './html-text';
import {
  rawSettingsSchema,
  reportSettingsProblem,
  SETTINGS_INDEX_FIELDS,
  siteSettingsOf,
  type SiteSettings,
} from './settings';

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
  'broadsheet_global_styles',
  'namespaces',
  ...SETTINGS_INDEX_FIELDS,
];

/** The REST index with the fields above, read once per render and cached under the site tag. */
export const getSiteIndex = cache(async () => {
  const { data } = await wordpressTransport()({
    route: '/',
    params: { _fields: SITE_INDEX_FIELDS },
    schema: rawSiteSchema.extend(rawCommentSettingsSchema.shape).extend(rawSettingsSchema.shape),
    cache: publishedCache([TAGS.site]),
  });
  return data;
});

/** The site's addresses (see siteAddressesOf), from the cached REST index. */
export const getSiteAddresses = cache(async (): Promise<SiteAddresses> => {
  return siteAddressesOf(await getSiteIndex(), getConfig().wordpressUrl);
});

/** The owner's Settings → General and Reading choices (lib/wordpress/settings.ts), from the cached REST index. */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => settingsOf(await getSiteIndex()));

function settingsOf(index: Parameters<typeof siteSettingsOf>[0]): SiteSettings {
  const { settings, problems } = siteSettingsOf(index);
  problems.forEach(reportSettingsProblem);
  return settings;
}

/** Site title, tagline, addresses and the owner's settings (lib/wordpress/settings.ts), from the REST index. */
export const getSiteInfo = cache(async (): Promise<SiteInfo> => {
  const data = await getSiteIndex();
  return {
    name: htmlToText(data.name),
    description: htmlToText(data.description),
    addresses: siteAddressesOf(data, getConfig().wordpressUrl),
    ...settingsOf(data),
    // Without the companion plugin WordPress does not say; English is WordPress's default.
    language:
      data.broadsheet_language && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(data.broadsheet_language)
        ? data.broadsheet_language
        : 'en-US',
    hasYoast: data.namespaces.includes('yoast/v1'),
    globalStylesheet: data.broadsheet_global_styles,
  };
});
