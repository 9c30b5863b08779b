import { getConfig } from '@/lib/config';
import { isSitePath } from '@/lib/wordpress';
import { CONTENT_TYPES, xmlCacheControl, xmlNotFound, xmlResponse } from '@/lib/xml';
import {
  getAuthorBySlug,
  getCategoryByPath,
  getSiteInfo,
  getTagBySlug,
  listFeedPosts,
  type FeedQuery,
  type SiteInfo,
} from '@/lib/wordpress';
import { buildFeed, type FeedChannel } from './build';
import { feedPath, parseFeedPath, type FeedArchive, type FeedFormat } from './paths';

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

/** The archive a feed belongs to, looked up as its page looks it up (same requests, same tags). */
async function resolveArchive(archive: FeedArchive, site: SiteInfo): Promise<Resolved> {
  switch (archive.kind) {
    case 'home':
      return {
        kind: 'found',
        query: { kind: 'home' },
        channel: { siteName: site.name, title: site.name, description: site.description, archivePath: '/' },
      };
    case 'category': {
      const lookup = await getCategoryByPath(archive.segments.join('/'));
      if (lookup.kind !== 'found')
        return lookup.kind === 'redirect' ? { kind: 'redirect', archivePath: lookup.path } : lookup;
      const { id, name, description, path } = lookup.value;
      return {
        kind: 'found',
        query: { kind: 'category', id },
        channel: archiveChannel(site, name, description, path),
      };
    }
    case 'tag': {
      const lookup = await getTagBySlug(archive.slug);
      if (lookup.kind !== 'found') return { kind: 'not-found' };
      const { id, name, description, path } = lookup.value;
      return {
        kind: 'found',
        query: { kind: 'tag', id },
        channel: archiveChannel(site, name, description, path),
      };
    }
    case 'author': {
      const lookup = await getAuthorBySlug(archive.slug);
      // Co-Authors Plus guest authors have no WordPress user, so no /author/ archive or feed.
      if (lookup.kind !== 'found' || lookup.value.id === null) return { kind: 'not-found' };
      const { id, name, bio, path } = lookup.value;
      return { kind: 'found', query: { kind: 'author', id }, channel: archiveChannel(site, name, bio, path) };
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
  const site = await getSiteInfo();
  const resolved = await resolveArchive(request.archive, site);
  if (resolved.kind === 'not-found') return xmlNotFound(revalidateSeconds);
  if (resolved.kind === 'redirect') {
    return redirect(feedPath(resolved.archivePath, request.format), revalidateSeconds);
  }
  const posts = await listFeedPosts(resolved.query);
  const body = buildFeed(request.format, resolved.channel, posts, { siteUrl, addresses: site.addresses });
  return xmlResponse(body, { contentType: contentTypeOf(request.format), revalidateSeconds });
}

function contentTypeOf(format: FeedFormat): string {
  return format === 'atom' ? CONTENT_TYPES.atom : CONTENT_TYPES.rss;
}
