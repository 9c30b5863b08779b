/** Sitemaps: the index at /sitemap.xml and its chunks at /sitemaps/<kind>-<n>.xml. */
export { sitemapChunkResponse, sitemapIndexResponse } from './respond';
export { chunkCount, parseSitemapFileName, sitemapFileName, SITEMAPS_PATH } from './files';
export { robotsRules } from './robots';
