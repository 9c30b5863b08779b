import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';

/**
 * robots.txt: everything may be crawled but the API and previews; the sitemap index is
 * announced on this frontend's own origin.
 */
export function robotsRules(siteUrl: string = getConfig().siteUrl): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/preview/'] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
