import parse from 'html-react-parser';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { singleAddress } from '@/lib/wordpress';
import { MAX_COMMENT_NESTING_DEPTH, sanitizeCommentContent } from './sanitize';

const HOME = singleAddress('https://cms.example.com');

/** How deep the elements of an HTML string nest (void elements such as <br> aside). */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing] of html.matchAll(/<(\/?)[a-z][^>]*>/gi)) {
    depth += closing ? -1 : 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('sanitizeCommentContent bounds nesting', () => {
  // Alternating tags: WordPress's force_balance_tags flattens only runs of the same tag.
  const deep = `<p>${'<b><i>'.repeat(4000)}At the bottom.${'</i></b>'.repeat(4000)}</p>`;

  it('unwraps elements nested deeper than MAX_COMMENT_NESTING_DEPTH, keeping their text', () => {
    const html = sanitizeCommentContent(deep, HOME);
    expect(html).toContain('At the bottom.');
    expect(nestingDepth(html)).toBe(MAX_COMMENT_NESTING_DEPTH);
    // What commenters really write keeps its nesting.
    const quoted =
      '<blockquote><blockquote><p>Earlier <em>quote</em></p></blockquote></blockquote><ul><li><strong><em>Kept</em></strong></li></ul>';
    expect(sanitizeCommentContent(quoted, HOME)).toBe(quoted);
  });

  it('leaves a comment 8,000 levels deep parseable and renderable', () => {
    const element = parse(sanitizeCommentContent(deep, HOME));
    expect(renderToStaticMarkup(createElement(Fragment, null, element))).toContain('At the bottom.');
  });
});

describe('sanitizeCommentContent and the comment-status anchors', () => {
  it("drops a link's fragment that would show one of the app's comment-status messages", () => {
    expect(sanitizeCommentContent('<a href="#comment-status-refused">look</a>', HOME)).toBe(
      '<a rel="nofollow ugc">look</a>',
    );
    expect(
      sanitizeCommentContent('<a href="https://cms.example.com/story/#comment-status-pending">x</a>', HOME),
    ).toBe('<a href="/story/">x</a>');
    expect(sanitizeCommentContent('<a href="#%63omment-status-approved">x</a>', HOME)).toBe(
      '<a rel="nofollow ugc">x</a>',
    );
  });

  it('keeps every other fragment', () => {
    expect(sanitizeCommentContent('<a href="#comment-12">earlier</a>', HOME)).toBe(
      '<a href="#comment-12" rel="nofollow ugc">earlier</a>',
    );
  });
});
