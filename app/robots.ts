import type { MetadataRoute } from 'next';
import { robotsRules } from '@/lib/sitemaps';

/** Regenerated hourly, so a SITE_URL set at run time replaces the one seen at build. */
export const revalidate = 3600;

export default function robots(): MetadataRoute.Robots {
  return robotsRules();
}
