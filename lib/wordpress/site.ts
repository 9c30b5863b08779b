import { cache } from 'react';
import { htmlToText } from '@/lib/content/text';
import { publishedCache, wordpressTransport } from './client';
import { rawSiteSchema } from './schemas';
import { TAGS } from './tags';
import type { SiteInfo } from './types';

/** Site title, tagline and timezone, from the REST index. */
export const getSiteInfo = cache(async (): Promise<SiteInfo> => {
  const { data } = await wordpressTransport()({
    route: '/',
    params: { _fields: ['name', 'description', 'url', 'home', 'gmt_offset', 'timezone_string'] },
    schema: rawSiteSchema,
    cache: publishedCache([TAGS.site]),
  });
  return {
    name: htmlToText(data.name),
    description: htmlToText(data.description),
    home: data.home,
    timezone: data.timezone_string || 'UTC',
  };
});
