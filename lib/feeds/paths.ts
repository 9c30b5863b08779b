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

export type FeedArchive =
  | { kind: 'home' }
  /** The category's path below /category/, parents first, as requested (still encoded). */
  | { kind: 'category'; segments: string[] }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

export interface FeedRequest {
  format: FeedFormat;
  archive: FeedArchive;
}

/**
 * What feed the segments of a public feed path ask for; null for feeds Broadsheet does not
 * serve (a post's comments, date archives, search) and anything malformed.
 */
export function parseFeedPath(segments: readonly string[]): FeedRequest | null {
  const last = segments.at(-1);
  let format: FeedFormat;
  let archive: string[];
  if (last === 'feed') {
    format = 'rss';
    archive = segments.slice(0, -1);
  } else if (segments.at(-2) === 'feed' && (last === 'atom' || last === 'rss2')) {
    format = last === 'atom' ? 'atom' : 'rss';
    archive = segments.slice(0, -2);
  } else {
    return null;
  }
  const [base, ...rest] = archive;
  const only = rest.length === 1 ? rest[0] : undefined;
  if (base === undefined) return { format, archive: { kind: 'home' } };
  if (base === 'category' && rest.length > 0)
    return { format, archive: { kind: 'category', segments: rest } };
  if (base === 'tag' && only) return { format, archive: { kind: 'tag', slug: only } };
  if (base === 'author' && only) return { format, archive: { kind: 'author', slug: only } };
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
