import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';

/**
 * robots.txt: everything may be crawled but the API and previews; the sitemap index is
 * announced on this frontend's own origin. A site that discourages search engines
 * (blog_public = 0) disallows everything and announces no sitemap, as WordPress's own does.
 */
export function robotsRules(
  siteUrl: string = getConfig().siteUrl,
  searchEngineVisible = true,
): MetadataRoute.Robots {
  if (!searchEngineVisible) return { rules: { userAgent: '*', disallow: '/' } };
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/preview/'] },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
