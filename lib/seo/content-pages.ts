import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';
import type { SeoData } from './types';

/**
 * The head of page N of a post split with <!--nextpage-->, as Yoast writes it: the page is its
 * own canonical (and og:url), linked to its neighbours with rel=prev/next, and its title says
 * which page it is, so the pages are not duplicates of the first. Page 1 keeps the post's head,
 * with rel=next added.
 */
export function seoForContentPage(
  seo: SeoData,
  pathOf: (page: number) => string,
  { page, count }: { page: number; count: number },
  siteUrl: string = getConfig().siteUrl,
): SeoData {
  const site = siteUrl.replace(/\/+$/, '');
  const urlOf = (n: number) => `${site}${pathOf(n)}`;
  const metadata: Metadata = {
    ...seo.metadata,
    pagination: {
      previous: page > 1 ? urlOf(page - 1) : null,
      next: page < count ? urlOf(page + 1) : null,
    },
  };
  if (page === 1) return { ...seo, metadata };
  const url = urlOf(page);
  metadata.alternates = { ...seo.metadata.alternates, canonical: url };
  const suffix = ` – Page ${page} of ${count}`;
  const title = seo.metadata.title;
  if (typeof title === 'string') metadata.title = `${title}${suffix}`;
  else if (title && 'absolute' in title) metadata.title = { absolute: `${title.absolute}${suffix}` };
  return {
    ...seo,
    metadata,
    extraTags: seo.extraTags.map((tag) =>
      tag.kind === 'meta' && tag.property === 'og:url' ? { ...tag, content: url } : tag,
    ),
  };
}
