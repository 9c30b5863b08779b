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
  getContentSlug,
  getContentStylesSource,
  getPreviewPost,
  getProtectedPost,
  listPosts,
  listStickyPosts,
} from './posts';
export { resolveListPath, resolvePath, type ListTarget, type ResolvedPath } from './resolve';
export { findSiteRedirect, type RedirectAction } from './redirects';
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
export { contentPagePath, splitContentPages } from './content-pages';
export { getSiteMenus, type MenuItem, type SiteMenus } from './menus';
export { signPreviewToken, verifyPreviewToken, type PreviewTarget } from './preview-token';
export { signedCommentHeaders } from './comment-signature';
export { TAGS } from './tags';
export { isSitePath, isWordPressFilePath, pathFromWordPressLink, singleAddress } from './paths';
export type { PostListQuery } from './posts';
export { getAuthorBySlug, getTermByPath, listTopCategories } from './archives';
export type { AuthorArchive, Lookup, TermArchive } from './archives';
export { getListingYoastHead } from './yoast-head';
export { getSiteInfo, getSiteSettings } from './site';
export { blockLibraryFor, getBlockLibrary, type BlockLibrary } from './block-library';
export { DEFAULT_SITE_SETTINGS, type SiteSettings } from './settings';
export { KIND_NAME } from './kind-name';
export {
  WordPressError,
  WordPressInvalidResponseError,
  WordPressNotFoundError,
  WordPressRequestRejectedError,
  WordPressUnavailableError,
} from './errors';
export type {
  Author,
  Image,
  Paginated,
  Post,
  PostSummary,
  SearchSuggestion,
  SiteAddresses,
  SiteInfo,
  Term,
} from './types';
export {
  countContent,
  listSitemapChunk,
  listSitemapKinds,
  MAX_SITEMAP_CHUNK,
  SITEMAP_CHUNK_SIZE,
  sitemapKindsOf,
} from './sitemaps';
export type { SitemapEntry, SitemapKind } from './sitemaps';
export { listFeedPosts } from './feeds';
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
export { listSearchSuggestions, MAX_SUGGESTIONS } from './search';
export { checkWordPress } from './health';
export { htmlToText } from './html-text';
export {
  MAX_BODY_BYTES as MAX_WEBHOOK_BODY_BYTES,
  ReplayGuard,
  signWebhook,
  verifyWebhook,
  type WebhookVerdict,
} from './webhook';
