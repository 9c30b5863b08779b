import { getConfig } from '@/lib/config';
import type { Post, SiteInfo } from '@/lib/wordpress';
import { fallbackSeo, type ListingDescriptor } from './fallback';
import type { SeoData } from './types';
import { createUrlRewriter } from './urls';
import { seoFromYoast } from './yoast';

function rewriter(site: SiteInfo) {
  return createUrlRewriter({ addresses: site.addresses, siteUrl: getConfig().siteUrl });
}

/** A post's or page's head: Yoast's own when WordPress provides it (and it is well-formed), else ours. */
export function seoForContent(post: Post, site: SiteInfo): SeoData {
  const urls = rewriter(site);
  return (
    (post.seo.yoastHeadJson && seoFromYoast(post.seo.yoastHeadJson, urls)) || fallbackSeo(post, site, urls)
  );
}

/**
 * A list page's head: home, archives and search. Yoast's own when WordPress provides it for this
 * page (and it is well-formed), else ours; Yoast's keeps our prev/next if it states none.
 */
export function seoForListing(listing: ListingDescriptor, site: SiteInfo, yoastHeadJson?: unknown): SeoData {
  const urls = rewriter(site);
  const ours = fallbackSeo(listing, site, urls);
  const yoast = yoastHeadJson ? seoFromYoast(yoastHeadJson, urls) : null;
  if (!yoast) return ours;
  if (!yoast.metadata.pagination && ours.metadata.pagination) {
    yoast.metadata.pagination = ours.metadata.pagination;
  }
  return yoast;
}
