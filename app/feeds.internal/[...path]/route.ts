import { feedResponse } from '@/lib/feeds';

/**
 * RSS and Atom feeds. Readers ask for WordPress's URLs (/feed/, /category/food/feed/atom/, …);
 * proxy.ts rewrites them here, and a direct request for this path is a 404 there.
 */
export const dynamic = 'force-static';

/** Nothing is generated at build: each feed renders on its first request, then is cached (ISR). */
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  return feedResponse((await params).path);
}
