import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Comment, CommentPage } from '@/lib/wordpress';
import { CommentSection } from './comment-section';

const site = { timezone: 'UTC', language: 'en-US' };

function comment(id: number, contentHtml: string, replies: Comment[] = []): Comment {
  return {
    id,
    parentId: 0,
    authorName: `Reader ${id}`,
    authorUrl: null,
    publishedAt: '2026-07-07T10:00:00Z',
    contentHtml,
    status: 'approved',
    depth: 1,
    replies,
  };
}

function render(threads: Comment[]) {
  const page: CommentPage = { postId: 1, page: 1, totalPages: 1, totalComments: 4, maxDepth: 5, threads };
  return renderToStaticMarkup(
    <CommentSection postId={1} postPath="/a-story/" comments={page} open={false} site={site} />,
  );
}

describe('CommentSection isolates each comment', () => {
  afterEach(() => vi.restoreAllMocks());

  // Past what the sanitiser lets through: the renderer must survive what slips by it.
  const unparseable = `${'<b><i>'.repeat(5000)}deep${'</i></b>'.repeat(5000)}`;

  it('shows a comment that cannot be parsed as a placeholder, its siblings and replies intact', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = render([
      comment(1, '<p>Before it.</p>'),
      comment(2, unparseable, [comment(3, '<p>A reply below it.</p>')]),
      comment(4, '<p>After it.</p>'),
    ]);
    expect(html).toContain('Before it.');
    expect(html).toContain('This comment cannot be shown.');
    expect(html).toContain('A reply below it.');
    expect(html).toContain('After it.');
    expect(html).toContain('id="comment-2"');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain('comment #2');
  });

  it('logs a bad comment once, however often its article renders', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    render([comment(7, unparseable)]);
    render([comment(7, unparseable)]);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
