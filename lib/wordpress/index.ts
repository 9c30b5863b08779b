/** The only way into WordPress. Routes and components import from here, never fetch themselves. */
export {
  buildKinds,
  findContentKind,
  findTaxonomyKind,
  getKinds,
  type ContentKind,
  type Kinds,
  type TaxonomyKind,
} from './kinds';
export {
  getPreviewPost,
  getProtectedPost,
  listPosts,
  listStickyPosts,
  getContentSlug,
  POSTS_PER_PAGE,
} from './posts';
export { resolveListPath, resolvePath, type ListTarget, type ResolvedPath } from './resolve';
export {
  commentPagePath,
  dateArchivePath,
  MAX_PAGE_NUMBER,
  paginatedPath,
  parseDateArchive,
  parsePageNumber,
  searchPath,
  splitCommentPage,
  splitPagination,
  type DateArchive,
} from './permalinks';
export { verifyPreviewToken, type PreviewTarget } from './preview-token';
export type { PostListQuery } from './posts';
export { getAuthorBySlug, getTermByPath, listTopCategories } from './archives';
export type { AuthorArchive, Lookup, TermArchive } from './archives';
export { getListingYoastHead } from './yoast-head';
export { getSiteInfo } from './site';
export { isSitePath, pathFromWordPressLink } from './paths';
export {
  WordPressError,
  WordPressInvalidResponseError,
  WordPressNotFoundError,
  WordPressRequestRejectedError,
  WordPressUnavailableError,
} from './errors';
export type { Author, Image, Paginated, Post, PostSummary, SiteAddresses, SiteInfo, Term } from './types';
export {
  countContent,
  listSitemapChunk,
  listSitemapKinds,
  MAX_SITEMAP_CHUNK,
  SITEMAP_CHUNK_SIZE,
  sitemapKindsOf,
} from './sitemaps';
export type { SitemapEntry, SitemapKind } from './sitemaps';
export { FEED_SIZE, listFeedPosts } from './feeds';
export type { FeedQuery } from './feeds';
export {
  CommentRejectedError,
  createComment,
  getCommentPage,
  getCommentSettings,
  type CommentRejection,
  type NewComment,
} from './comments';
export type { Comment, CommentPage, CommentSettings } from './types';
export { listSearchSuggestions, MAX_SUGGESTIONS, type SearchSuggestion } from './search';
