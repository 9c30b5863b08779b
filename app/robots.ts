import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';
import { robotsRules } from '@/lib/sitemaps';
import { getSiteInfo } from '@/lib/wordpress';

/** Regenerated hourly, so a SITE_URL set at run time replaces the one seen at build. */
export const revalidate = 3600;

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { reading } = await getSiteInfo();
  return robotsRules(getConfig().siteUrl, reading.searchEngineVisible);
}
