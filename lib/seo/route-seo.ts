import { getConfig } from '@/lib/config';
import type { Post, SiteInfo } from '@/lib/wordpress';
import { fallbackSeo, type ListingDescriptor } from './fallback';
import type { SeoData } from './types';
import { createUrlRewriter } from './urls';
import { seoFromYoast } from './yoast';

function rewriter(site: SiteInfo) {
  return createUrlRewriter({ addresses: site.addresses, siteUrl: getConfig().siteUrl });
}

/** What WordPress's wp_robots prints on every page when search engines are discouraged. */
export const DISCOURAGED_ROBOTS = 'noindex, nofollow';

/**
 * "Discourage search engines from indexing this site" (blog_public = 0) overrides every page's
 * robots directives, whoever wrote them, as WordPress does.
 */
function honourVisibility(seo: SeoData, site: SiteInfo): SeoData {
  if (site.reading.searchEngineVisible) return seo;
  return { ...seo, metadata: { ...seo.metadata, robots: DISCOURAGED_ROBOTS } };
}

/** A post's or page's head: Yoast's own when WordPress provides it (and it is well-formed), else ours. */
export function seoForContent(post: Post, site: SiteInfo): SeoData {
  const urls = rewriter(site);
  return honourVisibility(
    (post.seo.yoastHeadJson && seoFromYoast(post.seo.yoastHeadJson, urls)) || fallbackSeo(post, site, urls),
    site,
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
  if (!yoast) return honourVisibility(ours, site);
  if (!yoast.metadata.pagination && ours.metadata.pagination) {
    yoast.metadata.pagination = ours.metadata.pagination;
  }
  return honourVisibility(yoast, site);
}
