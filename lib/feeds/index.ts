/** RSS 2.0 and Atom feeds at WordPress's feed URLs, and the links that announce them. */
export { feedResponse } from './respond';
export { buildFeed, type FeedChannel } from './build';
export { absolutizeUrls, feedContentHtml, type FeedUrls } from './content';
export {
  FEED_ROUTE_PREFIX,
  feedAlternates,
  feedPath,
  internalFeedPath,
  isInternalFeedPath,
  parseFeedPath,
  type FeedFormat,
  type FeedRequest,
} from './paths';
