import { sitemapChunkResponse } from '@/lib/sitemaps';

/** One sitemap chunk, /sitemaps/<kind>-<n>.xml: cached (ISR) under its kind's sitemap tag. */
export const dynamic = 'force-static';

/** Nothing is generated at build: each chunk renders on its first request, then is cached. */
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  return sitemapChunkResponse((await params).file);
}
