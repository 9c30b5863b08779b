import { sitemapIndexResponse } from '@/lib/sitemaps';

/** The sitemap index, cached (ISR) under every kind's sitemap tag. */
export const dynamic = 'force-static';

export function GET() {
  return sitemapIndexResponse();
}
