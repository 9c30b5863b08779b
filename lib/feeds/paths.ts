/**
 * Feed URLs are WordPress's: /feed/ (RSS 2.0) and /feed/atom/ (Atom) after the site's or an
 * archive's path. The archive paths are page routes (catch-alls), so the proxy rewrites every
 * feed URL to one internal route handler. This module is pure: the proxy imports it.
 */
import type { Metadata } from 'next';

export type FeedFormat = 'rss' | 'atom';

/**
 * The internal route of the feed handlers. The dot keeps it clear of WordPress, whose slugs
 * never contain one, and the proxy answers 404 when it is requested directly.
 */
export const FEED_ROUTE_PREFIX = '/feeds.internal';

/** …/feed/, …/feed/atom/, and WordPress's alias …/feed/rss2/ for the RSS feed. */
const FEED_SUFFIX = /\/feed\/(?:atom\/|rss2\/)?$/;

/** The internal path serving a public feed URL; null when the path is no feed URL. */
export function internalFeedPath(pathname: string): string | null {
  return FEED_SUFFIX.test(pathname) ? `${FEED_ROUTE_PREFIX}${pathname}` : null;
}

export function isInternalFeedPath(pathname: string): boolean {
  return pathname === FEED_ROUTE_PREFIX || pathname.startsWith(`${FEED_ROUTE_PREFIX}/`);
}

export interface FeedRequest {
  format: FeedFormat;
  /** The archive's path segments before /feed/ (still encoded); none for the site's feed. */
  archive: string[];
}

/**
 * The format and archive path a public feed path asks for; null for anything that is no feed
 * URL. Which archive the path is (and whether it has a feed) the registry of kinds decides.
 */
export function parseFeedPath(segments: readonly string[]): FeedRequest | null {
  const last = segments.at(-1);
  if (last === 'feed') return { format: 'rss', archive: segments.slice(0, -1) };
  if (segments.at(-2) === 'feed' && (last === 'atom' || last === 'rss2'))
    return { format: last === 'atom' ? 'atom' : 'rss', archive: segments.slice(0, -2) };
  return null;
}

/** The feed URL path of the archive at `archivePath` ('/', '/category/food/', …). */
export function feedPath(archivePath: string, format: FeedFormat): string {
  const base = archivePath.endsWith('/') ? archivePath : `${archivePath}/`;
  return format === 'atom' ? `${base}feed/atom/` : `${base}feed/`;
}

type AlternateTypes = NonNullable<NonNullable<Metadata['alternates']>['types']>;

/**
 * Feed autodiscovery links for a page's metadata: `alternates: { types: feedAlternates(path) }`.
 * `archivePath` is the archive's first page ('/', '/category/food/', '/tag/bread/',
 * '/author/jane/'), also on its /page/N/; the paths resolve against metadataBase.
 */
export function feedAlternates(archivePath: string, title?: string): AlternateTypes {
  const describe = (format: FeedFormat) => [
    {
      url: feedPath(archivePath, format),
      ...(title ? { title: `${title} (${format === 'rss' ? 'RSS' : 'Atom'})` } : {}),
    },
  ];
  return { 'application/rss+xml': describe('rss'), 'application/atom+xml': describe('atom') };
}
