/**
 * SEO: Yoast's head when WordPress has it, our own fallback otherwise; both as Next metadata +
 * extra tags + JSON-LD. Only what routes, components and the end-to-end tests use is exported
 * here; unit tests import the module they test.
 */
export { seoForContent, seoForListing } from './route-seo';
export { siteHeadMetadata } from './site-head';
export { countWords, readingTime, type ListingDescriptor } from './fallback';
export { serializeJsonLd } from './json-ld';
export { parseYoastHead, type ParsedHead } from './head-html';
export type { HeadTag, SeoData } from './types';
