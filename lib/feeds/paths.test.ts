import { describe, expect, it } from 'vitest';
import { feedAlternates, feedPath, internalFeedPath, isInternalFeedPath, parseFeedPath } from './paths';

describe('internalFeedPath', () => {
  it.each([
    ['/feed/', '/feeds.internal/feed/'],
    ['/feed/atom/', '/feeds.internal/feed/atom/'],
    ['/feed/rss2/', '/feeds.internal/feed/rss2/'],
    ['/category/cities/bridges/feed/', '/feeds.internal/category/cities/bridges/feed/'],
    ['/tag/bread/feed/atom/', '/feeds.internal/tag/bread/feed/atom/'],
    ['/some-post/feed/', '/feeds.internal/some-post/feed/'],
  ])('rewrites %s', (path, internal) => {
    expect(internalFeedPath(path)).toBe(internal);
  });

  it.each(['/', '/feed', '/feeds/', '/feedback/', '/my-feed/', '/feed/atom', '/feed/rdf/', '/feed/x/'])(
    'leaves %s alone',
    (path) => {
      expect(internalFeedPath(path)).toBeNull();
    },
  );

  it('recognises the internal route itself, and nothing that merely starts alike', () => {
    expect(isInternalFeedPath('/feeds.internal/feed/')).toBe(true);
    expect(isInternalFeedPath('/feeds.internal')).toBe(true);
    expect(isInternalFeedPath('/feeds.internally/')).toBe(false);
    expect(isInternalFeedPath('/feeds/')).toBe(false);
  });
});

describe('parseFeedPath', () => {
  it('reads the format and the archive path before it (which archive it is, the registry decides)', () => {
    expect(parseFeedPath(['feed'])).toEqual({ format: 'rss', archive: [] });
    expect(parseFeedPath(['feed', 'atom'])).toEqual({ format: 'atom', archive: [] });
    expect(parseFeedPath(['feed', 'rss2'])).toEqual({ format: 'rss', archive: [] });
    expect(parseFeedPath(['category', 'cities', 'bridges', 'feed'])).toEqual({
      format: 'rss',
      archive: ['category', 'cities', 'bridges'],
    });
    expect(parseFeedPath(['tag', 'bread', 'feed', 'atom'])).toEqual({
      format: 'atom',
      archive: ['tag', 'bread'],
    });
    expect(parseFeedPath(['series', 'lantern-evenings', 'walks', 'feed'])).toEqual({
      format: 'rss',
      archive: ['series', 'lantern-evenings', 'walks'],
    });
    expect(parseFeedPath(['events', 'feed'])).toEqual({ format: 'rss', archive: ['events'] });
  });

  it.each([[['feed', 'rdf']], [['feed', 'atom', 'x']], [['some-post']], [[]]])(
    'is no feed URL: %j',
    (segments) => {
      expect(parseFeedPath(segments)).toBeNull();
    },
  );
});

describe('feed URLs for pages', () => {
  it('puts feed/ and feed/atom/ after the archive path', () => {
    expect(feedPath('/', 'rss')).toBe('/feed/');
    expect(feedPath('/category/food/', 'atom')).toBe('/category/food/feed/atom/');
    expect(feedPath('/tag/bread', 'rss')).toBe('/tag/bread/feed/');
  });

  it('gives metadata alternates for autodiscovery', () => {
    expect(feedAlternates('/category/food/', 'Food')).toEqual({
      'application/rss+xml': [{ url: '/category/food/feed/', title: 'Food (RSS)' }],
      'application/atom+xml': [{ url: '/category/food/feed/atom/', title: 'Food (Atom)' }],
    });
    expect(feedAlternates('/')).toEqual({
      'application/rss+xml': [{ url: '/feed/' }],
      'application/atom+xml': [{ url: '/feed/atom/' }],
    });
  });
});
