import { describe, expect, it, vi } from 'vitest';
import { contentCss, contentStylesheetHash } from '@/lib/content/content-stylesheet';
import { singleAddress } from '@/lib/wordpress';
import { ContentStyles } from './content-styles';
import { renderToHtml } from './render-html.test-helpers';

vi.mock('@/lib/wordpress/block-library', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/wordpress/block-library')>()),
  getBlockLibrary: async () => ({
    stylesheets: [
      '.wp-block-quote{border-left:4px solid}.wp-block-pullquote{padding:3em 0}.wp-block-cover{min-height:430px}',
    ],
    blocks: null,
  }),
}));

const addresses = singleAddress('http://wp.example.test');
const QUOTE = '<blockquote class="wp-block-quote"><p>Words</p></blockquote>';
const PULLQUOTE = '<figure class="wp-block-pullquote"><blockquote><p>More</p></blockquote></figure>';
const post = { id: 93, type: 'post', blockStylesCss: '' };

describe('ContentStyles', () => {
  it("links a published item's rules at the address of their digest, kept out of the page", async () => {
    const html = await renderToHtml(
      <ContentStyles post={post} contentHtml={QUOTE} globalStylesheet="" addresses={addresses} />,
    );
    const css = await contentCss({ contentHtml: QUOTE, blockStylesCss: '', globalStylesheet: '', addresses });
    expect(html).toContain(
      `<link rel="stylesheet" href="/_broadsheet/content-css/post/93/${contentStylesheetHash(css)}.css" data-precedence="content"/>`,
    );
    expect(html).not.toContain('<style');
    expect(html).not.toContain('wp-block-quote');
  });

  it("inlines a preview's or an unlocked post's rules: they are one reader's", async () => {
    const html = await renderToHtml(
      <ContentStyles
        post={{ ...post, fetchedPrivately: true }}
        contentHtml={QUOTE}
        globalStylesheet=""
        addresses={addresses}
      />,
    );
    expect(html).toMatch(/^<style data-scope="\.entry-content">[^<]*\.entry-content \.wp-block-quote\{/);
    expect(html).not.toContain('<link');
  });

  it('gives every page of a split post the stylesheet of its whole content', async () => {
    const whole = `${QUOTE}<!--nextpage-->${PULLQUOTE}`;
    const pageOne = await renderToHtml(
      <ContentStyles
        post={{ ...post, wholeContentHtml: whole, fetchedPrivately: true }}
        contentHtml={QUOTE}
        globalStylesheet=""
        addresses={addresses}
      />,
    );
    expect(pageOne).toContain('.wp-block-pullquote');
    expect(pageOne).not.toContain('.wp-block-cover');
  });

  it('renders nothing when no rule applies', async () => {
    const html = await renderToHtml(
      <ContentStyles post={post} contentHtml="<p>Plain</p>" globalStylesheet="" addresses={addresses} />,
    );
    expect(html).toBe('');
  });
});
