import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listFeedPosts, type FeedQuery } from './feeds';
import postsFixture from './fixtures/posts.json';
import protectedFixture from './fixtures/post-protected.json';
import { DEFAULT_SITE_SETTINGS } from './settings';
import { getSiteSettings } from './site';

vi.mock('./site', async (importOriginal) =>
  (await import('./site.test-helpers')).withFixedAddresses(await importOriginal()),
);
vi.mock('./kinds', async (importOriginal) =>
  (await import('./kinds.test-helpers')).withFixedKinds(await importOriginal()),
);

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
vi.stubEnv('REVALIDATE_SECONDS', '900');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

function requested(call: number): { url: URL; init: FetchInit } {
  const [input, init] = fetchMock.mock.calls[call] ?? [];
  if (typeof input !== 'string' || !init) throw new Error(`no fetch call ${call}`);
  return { url: new URL(input), init };
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async () => Response.json(postsFixture));
});

describe('listFeedPosts', () => {
  it.each<[FeedQuery, string, string | null, string]>([
    [{ kind: 'home' }, 'sticky', null, 'wp:list:home'],
    [{ kind: 'term', taxonomy: 'category', id: 6 }, 'categories[terms]', '6', 'wp:list:term:category:6'],
    [{ kind: 'term', taxonomy: 'post_tag', id: 12 }, 'tags', '12', 'wp:list:term:post_tag:12'],
    [{ kind: 'author', id: 5 }, 'author', '5', 'wp:list:author:5'],
  ])(
    'reads %o in one request, tagged with the feeds and the archive list',
    async (query, param, value, tag) => {
      await listFeedPosts(query);
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const { url, init } = requested(0);
      expect(url.searchParams.get('rest_route')).toBe('/wp/v2/posts');
      expect(url.searchParams.get(param)).toBe(value);
      expect(url.searchParams.get('per_page')).toBe('10');
      expect(url.searchParams.get('_fields')?.split(',')).toEqual(
        expect.arrayContaining(['content', 'link']),
      );
      expect(url.searchParams.get('_embed')).toBe('author,wp:term');
      expect(init.next).toEqual({ revalidate: 900, tags: ['wp:feeds:post', tag] });
    },
  );

  it('carries as many items as Settings → Reading → "Syndication feeds show" says', async () => {
    vi.mocked(getSiteSettings).mockResolvedValueOnce({
      ...DEFAULT_SITE_SETTINGS,
      reading: { ...DEFAULT_SITE_SETTINGS.reading, postsPerFeed: 6 },
    });
    await listFeedPosts({ kind: 'home' });
    expect(requested(0).url.searchParams.get('per_page')).toBe('6');
  });

  it('maps posts with their content, authors and terms, newest first as WordPress lists them', async () => {
    const posts = await listFeedPosts({ kind: 'home' });
    expect(posts.map((post) => post.id)).toEqual(postsFixture.map((post) => post.id));
    const first = posts[0];
    expect(first?.title).toBe('Salt Roads & the Winter Ferries');
    expect(first?.path).toBe('/2024/04/02/salt-roads/');
    expect(first?.authors.map((author) => author.name)).toEqual(['Priya Castellane']);
    expect(first?.categories.map((term) => term.name)).toEqual(['Reportage']);
  });

  it('marks password-protected posts, whose content WordPress withholds', async () => {
    fetchMock.mockImplementation(async () => Response.json([protectedFixture]));
    const [post] = await listFeedPosts({ kind: 'home' });
    expect(post?.isPasswordProtected).toBe(true);
    expect(post?.contentHtml).toBe('');
  });
});
