import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { singleAddress, type Comment, type CommentPage } from '@/lib/wordpress';
import { CommentSection } from './comment-section';

// What the caps in the sanitiser make unlikely, but cannot rule out for every input: a body
// whose sanitising or parsing throws (Node's stack, say). This one does.
vi.mock('@/lib/content/sanitize', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/content/sanitize')>();
  return {
    ...original,
    sanitizeCommentContent: (
      html: string,
      ...rest: [Parameters<typeof original.sanitizeCommentContent>[1]]
    ) => {
      if (html.includes('cannot be parsed')) throw new RangeError('Maximum call stack size exceeded');
      return original.sanitizeCommentContent(html, ...rest);
    },
  };
});

const site = {
  timezone: 'UTC',
  language: 'en-US',
  dateFormat: 'F j, Y',
  timeFormat: 'g:i a',
  addresses: singleAddress('http://wp.example.test'),
};

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

  it('shows a comment as WordPress sent it only once sanitised: no script, handler or javascript: link', () => {
    const html = render([
      comment(
        1,
        '<p onclick="steal()">Kind words <script>steal()</script><a href="javascript:steal()">here</a> ' +
          'and <a href="http://wp.example.test/salt-roads/">a story</a></p>',
      ),
    ]);
    expect(html).toContain('Kind words');
    expect(html).not.toMatch(/<script|onclick|javascript:/i);
    // A link into the site becomes a frontend path, as in post content.
    expect(html).toMatch(/href="\/salt-roads\/?"/);
  });

  // A body that fails to sanitise or parse (see the mock above), whatever slips past the caps.
  const unparseable = '<p>a body that cannot be parsed</p>';

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
