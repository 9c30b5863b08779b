/** SEO: Yoast's head when WordPress has it, our own otherwise; both as Next metadata + extra tags + JSON-LD. */
export { seoFromYoast, buildSeoData, yoastHeadJsonSchema, type YoastHeadJson } from './yoast';
export {
  seoFromContent,
  truncateDescription,
  countWords,
  readingTime,
  listingPagePath,
  type ContentInput,
  type ContentPost,
  type ListingDescriptor,
  type SeoSite,
} from './fallback';
export { createUrlRewriter, type UrlRewriter, type UrlRewriterOptions } from './urls';
export { serializeJsonLd } from './json-ld';
export { parseYoastHead, type ParsedHead } from './head-html';
export type { SeoData, HeadTag, HeadData, OpenGraphImage } from './types';
export { seoForContent, seoForListing } from './route-seo';
