import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getBlockLibrary, getContentStylesSource, getSiteInfo, singleAddress } from '@/lib/wordpress';
import {
  answerContentStylesheet,
  contentCss,
  contentStylesheetHash,
  contentStylesheetPath,
  parseContentStylesheetAddress,
} from './content-stylesheet';

vi.mock('@/lib/wordpress', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/wordpress')>()),
  getBlockLibrary: vi.fn(),
  getContentStylesSource: vi.fn(),
  getSiteInfo: vi.fn(),
}));

const addresses = singleAddress('http://wp.example.test');
const BLOCK_LIBRARY = '.wp-block-quote{border-left:4px solid}.wp-block-cover{min-height:430px}';
const CONTENT = '<blockquote class="wp-block-quote"><p>Words</p></blockquote>';

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getBlockLibrary).mockResolvedValue({ stylesheets: [BLOCK_LIBRARY], blocks: null });
  vi.mocked(getSiteInfo).mockResolvedValue({ addresses, globalStylesheet: '' } as Awaited<
    ReturnType<typeof getSiteInfo>
  >);
  vi.mocked(getContentStylesSource).mockResolvedValue({ contentHtml: CONTENT, blockStylesCss: '' });
});

const currentCss = () =>
  contentCss({ contentHtml: CONTENT, blockStylesCss: '', globalStylesheet: '', addresses });

describe('parseContentStylesheetAddress', () => {
  it('reads a type, an id and a digest-named file', () => {
    expect(parseContentStylesheetAddress('post', '93', '0123456789abcdef.css')).toEqual({
      type: 'post',
      id: 93,
      hash: '0123456789abcdef',
    });
    expect(contentStylesheetPath({ type: 'post', id: 93, hash: '0123456789abcdef' })).toBe(
      '/_broadsheet/content-css/post/93/0123456789abcdef.css',
    );
  });

  it.each([
    ['post', '93', '0123456789abcdef'],
    ['post', '93', '0123456789ABCDEF.css'],
    ['post', '93', '0123456789abcde.css'],
    ['post', '93', '../../etc.css'],
    ['post', '093', '0123456789abcdef.css'],
    ['post', '-1', '0123456789abcdef.css'],
    ['post', '99999999999', '0123456789abcdef.css'],
    ['Post Type', '93', '0123456789abcdef.css'],
    ['', '93', '0123456789abcdef.css'],
  ])('refuses %j / %j / %j', (type, id, file) => {
    expect(parseContentStylesheetAddress(type, id, file)).toBeNull();
  });
});

describe('answerContentStylesheet', () => {
  it('sends the rules the content uses, kept for good, at the address of their digest', async () => {
    const css = await currentCss();
    expect(css).toContain('.entry-content .wp-block-quote');
    expect(css).not.toContain('wp-block-cover');
    const response = await answerContentStylesheet({
      type: 'post',
      id: 93,
      hash: contentStylesheetHash(css),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(css);
    expect(getContentStylesSource).toHaveBeenCalledTimes(1);
    expect(getContentStylesSource).toHaveBeenCalledWith(
      { type: 'post', id: 93, hash: contentStylesheetHash(css) },
      { fresh: false },
    );
  });

  it('sends the current rules uncached when the content changed since the page was rendered', async () => {
    const response = await answerContentStylesheet({ type: 'post', id: 93, hash: '0000000000000000' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(await currentCss());
  });

  it("takes, on a site that loads each block's CSS with the block, only the blocks the content rendered", async () => {
    vi.mocked(getBlockLibrary).mockResolvedValue({
      stylesheets: [],
      blocks: { 'core/quote': '.wp-block-quote{margin:0}', 'core/list': 'ul.has-background{padding:1em}' },
    });
    vi.mocked(getContentStylesSource).mockResolvedValue({
      contentHtml: '<ul class="wp-block-latest-posts has-background"><li>A</li></ul>' + CONTENT,
      blockStylesCss: '',
      blockNames: ['core/latest-posts', 'core/quote'],
    });
    const response = await answerContentStylesheet({ type: 'post', id: 93, hash: '0000000000000000' });
    const css = await response.text();
    expect(css).toContain('.entry-content .wp-block-quote{margin:0}');
    expect(css).not.toContain('has-background');
  });

  it('reads the item past the cache when the cache does not give the digest, at most every 5 s', async () => {
    const edited = `${CONTENT}<figure class="wp-block-cover"></figure>`;
    const editedCss = await contentCss({
      contentHtml: edited,
      blockStylesCss: '',
      globalStylesheet: '',
      addresses,
    });
    // The cache still has the item as it was; WordPress has the edit the page was rendered from.
    vi.mocked(getContentStylesSource).mockImplementation(async (_address, options) => ({
      contentHtml: options?.fresh ? edited : CONTENT,
      blockStylesCss: '',
    }));
    const address = { type: 'post', id: 411, hash: contentStylesheetHash(editedCss) };
    const first = await answerContentStylesheet(address);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await first.text()).toBe(editedCss);
    expect(vi.mocked(getContentStylesSource).mock.calls.map(([, options]) => options)).toEqual([
      { fresh: false },
      { fresh: true },
    ]);
    // Another digest of the item at once: the cache's answer, uncached, and WordPress is not asked past it.
    const second = await answerContentStylesheet({ ...address, hash: '0000000000000000' });
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(await second.text()).toBe(await currentCss());
    expect(getContentStylesSource).toHaveBeenCalledTimes(3);
  });

  it('answers an address it answered for good again without recomputing it', async () => {
    const css = await currentCss();
    const address = { type: 'post', id: 512, hash: contentStylesheetHash(css) };
    expect((await answerContentStylesheet(address)).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    vi.mocked(getContentStylesSource).mockClear();
    const again = await answerContentStylesheet(address);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await again.text()).toBe(css);
    expect(getContentStylesSource).not.toHaveBeenCalled();
  });

  it('answers 404 for an address that names nothing, or no public item', async () => {
    expect((await answerContentStylesheet(null)).status).toBe(404);
    vi.mocked(getContentStylesSource).mockResolvedValue(null);
    const response = await answerContentStylesheet({ type: 'post', id: 93, hash: '0000000000000000' });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503, never stored, when WordPress fails with nothing cached', async () => {
    vi.mocked(getContentStylesSource).mockRejectedValue(new Error('WordPress is down'));
    const response = await answerContentStylesheet({ type: 'post', id: 93, hash: '0000000000000000' });
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('holds the content to the sanitiser: a hostile class list adds no rules beyond its classes', async () => {
    vi.mocked(getContentStylesSource).mockResolvedValue({
      contentHtml: '<p class="wp-block-cover" onclick="x()">Hi</p><script>document.write(1)</script>',
      blockStylesCss: '',
    });
    const css = await contentCss({
      contentHtml: '<p class="wp-block-cover">Hi</p>',
      blockStylesCss: '',
      globalStylesheet: '',
      addresses,
    });
    const response = await answerContentStylesheet({ type: 'post', id: 5, hash: contentStylesheetHash(css) });
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(css);
  });
});
