import { getConfig } from '@/lib/config';
import { isSitePath } from '@/lib/wordpress';
import { CONTENT_TYPES, xmlCacheControl, xmlNotFound, xmlResponse } from '@/lib/xml';
import { getSiteInfo, listFeedPosts, resolveListPath, type FeedQuery, type SiteInfo } from '@/lib/wordpress';
import { buildFeed, type FeedChannel } from './build';
import { feedPath, parseFeedPath, type FeedFormat } from './paths';

type Resolved =
  | { kind: 'found'; query: FeedQuery; channel: FeedChannel }
  | { kind: 'redirect'; archivePath: string }
  | { kind: 'not-found' };

function archiveChannel(site: SiteInfo, name: string, description: string, archivePath: string): FeedChannel {
  return {
    siteName: site.name,
    title: `${name} – ${site.name}`,
    description: description || site.description,
    archivePath,
  };
}

/**
 * The archive a feed belongs to, resolved as its page is (same requests, same tags): the front
 * page, a post type's archive, a term of any taxonomy, an author. Date archives, search and
 * single items have no feed here.
 */
async function resolveArchive(segments: string[]): Promise<Resolved> {
  const resolved = await resolveListPath(segments);
  if (resolved.kind === 'redirect') {
    return isSitePath(resolved.path)
      ? { kind: 'redirect', archivePath: resolved.path }
      : { kind: 'not-found' };
  }
  if (resolved.kind === 'not-found') return resolved;
  const list = resolved.value;
  // Date archives have no feed here; Co-Authors Plus guest authors have no WordPress user, so no
  // /author/ archive or feed. Only lists with a feed cost the site's request.
  if (list.kind === 'date' || (list.kind === 'author' && list.author.id === null)) {
    return { kind: 'not-found' };
  }
  const site = await getSiteInfo();
  switch (list.kind) {
    case 'home':
      return {
        kind: 'found',
        query: { kind: 'home' },
        channel: { siteName: site.name, title: site.name, description: site.description, archivePath: '/' },
      };
    case 'type':
      return {
        kind: 'found',
        query: { kind: 'type', type: list.contentKind.type },
        channel: archiveChannel(site, list.contentKind.label, '', list.path),
      };
    case 'term': {
      const { id, name, description, path } = list.term;
      return {
        kind: 'found',
        query: { kind: 'term', taxonomy: list.taxonomyKind.taxonomy, id },
        channel: archiveChannel(site, name, description, path),
      };
    }
    case 'author': {
      const { id, name, bio, path } = list.author;
      if (id === null) return { kind: 'not-found' };
      return {
        kind: 'found',
        query: { kind: 'author', id },
        channel: archiveChannel(site, name, bio, path),
      };
    }
  }
}

/** A 308 to a feed of this site; a target a browser would read as another host is a 404. */
function redirect(path: string, revalidateSeconds: number): Response {
  if (!isSitePath(path)) return xmlNotFound(revalidateSeconds);
  return new Response(null, {
    status: 308,
    headers: { Location: path, 'Cache-Control': xmlCacheControl(revalidateSeconds) },
  });
}

/**
 * A feed, from the segments of its public path (…/feed/ or …/feed/atom/): 404 for feeds that do
 * not exist (asking WordPress only when the path is a plausible archive), 308 to the archive's
 * own feed URL when a category is requested at the wrong path. WordPress errors are thrown, so
 * the last good feed keeps being served.
 */
export async function feedResponse(segments: readonly string[]): Promise<Response> {
  const { siteUrl, revalidateSeconds } = getConfig();
  const request = parseFeedPath(segments);
  if (!request) return xmlNotFound(revalidateSeconds);
  const resolved = await resolveArchive(request.archive);
  if (resolved.kind === 'not-found') return xmlNotFound(revalidateSeconds);
  if (resolved.kind === 'redirect') {
    return redirect(feedPath(resolved.archivePath, request.format), revalidateSeconds);
  }
  const [posts, site] = await Promise.all([listFeedPosts(resolved.query), getSiteInfo()]);
  const body = buildFeed(request.format, resolved.channel, posts, { siteUrl, addresses: site.addresses });
  return xmlResponse(body, { contentType: contentTypeOf(request.format), revalidateSeconds });
}

function contentTypeOf(format: FeedFormat): string {
  return format === 'atom' ? CONTENT_TYPES.atom : CONTENT_TYPES.rss;
}
