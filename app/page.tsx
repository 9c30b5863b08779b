import type { Metadata } from 'next';
import { SitePage } from '@/components/site-page';
import { loadPage, metadataOf } from '@/lib/pages/load';

/** The front page; its later pages (/page/N/) are served by app/[...path]. */
export async function generateMetadata(): Promise<Metadata> {
  return metadataOf(await loadPage([]));
}

export default async function FrontPage() {
  return <SitePage page={await loadPage([])} />;
}
