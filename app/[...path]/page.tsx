import type { Metadata } from 'next';
import { SitePage } from '@/components/site-page';
import { loadPage, metadataOf } from '@/lib/pages/load';

/**
 * Every address of the site but the front page and search: posts, pages, custom types, their
 * archives, terms of every taxonomy, authors, dates. What a path is, the registry of kinds
 * decides (lib/wordpress/kinds.ts, through lib/pages/load.ts); how it looks, the templates
 * (components/templates/).
 */
type Props = { params: Promise<{ path: string[] }> };

/** Nothing is prerendered at build: each page renders on its first request, then is cached. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return metadataOf(await loadPage((await params).path));
}

export default async function Page({ params }: Props) {
  return <SitePage page={await loadPage((await params).path)} />;
}
