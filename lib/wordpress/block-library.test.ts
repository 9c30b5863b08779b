import { beforeEach, describe, expect, it, vi } from 'vitest';
import { blockLibraryFolderUrl, blockLibraryFor, getBlockLibrary } from './block-library';
import { WordPressUnavailableError } from './errors';
import { singleAddress } from './paths';
import { getSiteAddresses, getSiteIndex } from './site';

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
vi.stubEnv('REVALIDATE_SECONDS', '900');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

vi.mock('./site', async (importOriginal) => {
  const helpers = await import('./site.test-helpers');
  const site = helpers.withFixedAddresses(await importOriginal());
  return { ...site, getSiteIndex: vi.fn() };
});

type FetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

function indexWith(namespaces: string[]) {
  vi.mocked(getSiteIndex).mockResolvedValue({ namespaces } as unknown as Awaited<
    ReturnType<typeof getSiteIndex>
  >);
}

const css = (text: string, status = 200) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/css' } });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  fetchMock.mockReset();
  vi.mocked(getSiteAddresses).mockResolvedValue(singleAddress('http://wp.example.test'));
});

describe('blockLibraryFolderUrl', () => {
  it.each([
    ['WordPress at its own address', singleAddress('http://wp.example.test'), 'http://wp.example.test'],
    [
      'the Site Address on the public origin, WordPress reached inside',
      {
        home: 'https://example.org/en',
        wordpressAddress: 'https://example.org/en',
        wordpressUrl: 'http://cms:8080/',
      },
      'http://cms:8080',
    ],
    [
      'WordPress in its own directory below the Site Address',
      {
        home: 'https://example.org',
        wordpressAddress: 'https://example.org/wp',
        wordpressUrl: 'http://cms:8080',
      },
      'http://cms:8080/wp',
    ],
    [
      'the WordPress Address on another origin',
      {
        home: 'https://example.org/en',
        wordpressAddress: 'https://cms.example.org',
        wordpressUrl: 'http://cms:8080',
      },
      'http://cms:8080',
    ],
  ])('%s', (_, addresses, base) => {
    expect(blockLibraryFolderUrl(addresses)).toBe(`${base}/wp-includes/css/dist/block-library`);
  });
});

describe('getBlockLibrary', () => {
  it('reads them from the companion plugin, cached under the site tag', async () => {
    indexWith(['wp/v2', 'broadsheet/v1']);
    fetchMock.mockResolvedValue(json({ version: '6.5.5', stylesheets: ['.wp-block-quote{margin:0}'] }));
    expect(await getBlockLibrary()).toEqual({ stylesheets: ['.wp-block-quote{margin:0}'], blocks: null });
    const [input, init] = fetchMock.mock.calls[0] ?? [];
    expect(new URL(String(input)).searchParams.get('rest_route')).toBe('/broadsheet/v1/block-library');
    expect((init as FetchInit).next).toEqual({ revalidate: 900, tags: ['wp:site'] });
  });

  it("reads each block's CSS apart when the site loads it only with the block", async () => {
    indexWith(['wp/v2', 'broadsheet/v1']);
    const blocks = {
      'core/list': 'ul.has-background{padding:1em}',
      'core/quote': '.wp-block-quote{margin:0}',
    };
    fetchMock.mockResolvedValue(
      json({ version: '6.5.5', stylesheets: ['.wp-element-button{cursor:pointer}'], blocks }),
    );
    expect(await getBlockLibrary()).toEqual({ stylesheets: ['.wp-element-button{cursor:pointer}'], blocks });
  });

  it('reads the files themselves without the plugin, or with one from before the route', async () => {
    for (const namespaces of [['wp/v2'], ['wp/v2', 'broadsheet/v1']]) {
      fetchMock.mockReset();
      indexWith(namespaces);
      fetchMock.mockImplementation(async (input) => {
        const url = String(input);
        if (url.endsWith('/style.min.css')) return css('.wp-block-image{margin:0}');
        if (url.endsWith('/theme.min.css')) return css('.wp-block-quote{border-left:1px solid}');
        return json({ code: 'rest_no_route' }, 404);
      });
      expect(await getBlockLibrary()).toEqual({
        stylesheets: ['.wp-block-image{margin:0}', '.wp-block-quote{border-left:1px solid}'],
        blocks: null,
      });
      const fileRequest = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/style.min.css'));
      expect(String(fileRequest?.[0])).toBe(
        'http://wp.example.test/wp-includes/css/dist/block-library/style.min.css',
      );
      expect((fileRequest?.[1] as FetchInit).next).toEqual({ revalidate: 900, tags: ['wp:site'] });
    }
  });

  it('gives none for files WordPress does not have, or answers with a page for', async () => {
    indexWith(['wp/v2']);
    fetchMock.mockImplementation(async (input) =>
      String(input).endsWith('/style.min.css') ? css('<!doctype html><p>Home</p>') : css('Not found', 404),
    );
    expect(await getBlockLibrary()).toEqual({ stylesheets: [], blocks: null });
  });

  it('throws when WordPress fails, so a page is not stored without its block styles', async () => {
    indexWith(['wp/v2']);
    fetchMock.mockResolvedValue(css('busy', 503));
    await expect(getBlockLibrary()).rejects.toBeInstanceOf(WordPressUnavailableError);
    fetchMock.mockRejectedValue(new TypeError('fetch failed'));
    await expect(getBlockLibrary()).rejects.toBeInstanceOf(WordPressUnavailableError);
  });
});

describe('blockLibraryFor', () => {
  const blocks = {
    'core/list': 'ul.has-background{padding:1em}',
    'core/quote': '.wp-block-quote{margin:0}',
    'core/latest-posts': '.wp-block-latest-posts{padding:0}',
  };

  it('gives content the rules of the blocks it renders, in their order, then the common ones', () => {
    expect(
      blockLibraryFor({ stylesheets: ['common'], blocks }, ['core/quote', 'my/plugin-block', 'core/list']),
    ).toEqual(['.wp-block-quote{margin:0}', 'ul.has-background{padding:1em}', 'common']);
    // A latest-posts list without a list block: no list padding, as on WordPress.
    expect(blockLibraryFor({ stylesheets: ['common'], blocks }, ['core/latest-posts'])).toEqual([
      '.wp-block-latest-posts{padding:0}',
      'common',
    ]);
    // Names that are not blocks of the library, such as an object's own keys, give nothing.
    expect(blockLibraryFor({ stylesheets: ['common'], blocks }, ['toString', '__proto__'])).toEqual([
      'common',
    ]);
  });

  it("gives every block's rules when the blocks rendered are not known", () => {
    expect(blockLibraryFor({ stylesheets: ['common'], blocks }, undefined)).toEqual([
      ...Object.values(blocks),
      'common',
    ]);
  });

  it('gives the whole library on a site that loads all of it on every page', () => {
    expect(blockLibraryFor({ stylesheets: ['style', 'theme'], blocks: null }, ['core/quote'])).toEqual([
      'style',
      'theme',
    ]);
  });
});
