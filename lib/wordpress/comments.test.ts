import { describe, expect, it } from 'vitest';
import { signedCommentHeaders } from './comment-signature';
import { pageOfThreads, safeAuthorUrl, threadComments } from './comments';
import { createHmac } from 'node:crypto';
import type { Comment } from './types';

function comment(id: number, parentId: number, minute: number): Comment {
  return {
    id,
    parentId,
    authorName: `Reader ${id}`,
    authorUrl: null,
    publishedAt: `2024-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
    contentHtml: `<p>Comment ${id}</p>`,
    status: 'approved',
    depth: 1,
    replies: [],
  };
}

/** id(children) notation of a thread, e.g. "1(2(3)) 4". */
function shape(comments: Comment[]): string {
  return comments.map((c) => (c.replies.length ? `${c.id}(${shape(c.replies)})` : String(c.id))).join(' ');
}

describe('threadComments', () => {
  const flat = [comment(4, 0, 5), comment(2, 1, 2), comment(1, 0, 1), comment(3, 2, 3), comment(5, 4, 6)];

  it('nests replies under their parents, oldest first at every level', () => {
    const threads = threadComments(flat, 5);
    expect(shape(threads)).toBe('1(2(3)) 4(5)');
    expect(threads[0]?.replies[0]?.replies[0]?.depth).toBe(3);
  });

  it('keeps replies deeper than the site allows at the deepest level, as WordPress shows them', () => {
    expect(shape(threadComments(flat, 2))).toBe('1(2 3) 4(5)');
    expect(shape(threadComments(flat, 1))).toBe('1 2 3 4 5');
  });

  it('starts a thread with a reply whose parent is not shown (held or deleted)', () => {
    expect(shape(threadComments([comment(7, 99, 1), comment(8, 7, 2)], 5))).toBe('7(8)');
  });

  it('survives a parent cycle in malformed data', () => {
    const cyclic = [comment(1, 2, 1), comment(2, 1, 2)];
    expect(() => threadComments(cyclic, 5)).not.toThrow();
  });
});

describe('pageOfThreads', () => {
  const threads = threadComments([comment(1, 0, 1), comment(2, 0, 2), comment(3, 0, 3), comment(4, 3, 4)], 5);

  it('pages whole threads, replies staying with their thread', () => {
    const second = pageOfThreads(threads, 2, { maxDepth: 5, perPage: 2, order: 'asc' });
    expect(second.totalPages).toBe(2);
    expect(shape(second.threads)).toBe('3(4)');
  });

  it('shows everything on one page when the site does not page comments', () => {
    expect(pageOfThreads(threads, 1, { maxDepth: 5, perPage: 0, order: 'asc' }).totalPages).toBe(1);
  });

  it('puts the newest threads first when the site says so', () => {
    expect(shape(pageOfThreads(threads, 1, { maxDepth: 5, perPage: 0, order: 'desc' }).threads)).toBe(
      '3(4) 2 1',
    );
  });
});

describe('safeAuthorUrl', () => {
  it('keeps http(s) addresses and drops everything else', () => {
    expect(safeAuthorUrl('https://example.com/me')).toBe('https://example.com/me');
    expect(safeAuthorUrl('javascript:alert(1)')).toBeNull();
    expect(safeAuthorUrl('data:text/html,hi')).toBeNull();
    expect(safeAuthorUrl('not a url')).toBeNull();
    expect(safeAuthorUrl('')).toBeNull();
  });
});

describe('signedCommentHeaders', () => {
  const secret = 'a-shared-secret-of-some-length';
  const body = '{"post":7,"content":"Hello"}';
  const hmac = (message: string) => createHmac('sha256', secret).update(message).digest('hex');

  it('signs the timestamp, the reader address and the exact body, apart from other signatures', () => {
    const headers = signedCommentHeaders(body, '203.0.113.9', secret, 1_790_000_000);
    expect(headers).toEqual({
      'X-Broadsheet-Commenter-Address': '203.0.113.9',
      'X-Broadsheet-Comment-Timestamp': '1790000000',
      'X-Broadsheet-Comment-Signature': `sha256=${hmac(`comment:1790000000\n203.0.113.9\n${body}`)}`,
    });
    // Another body, address or time is another signature; a webhook's is never a comment's.
    const other = (b: string, a: string | null, t: number) =>
      signedCommentHeaders(b, a, secret, t)['X-Broadsheet-Comment-Signature'];
    const signature = headers['X-Broadsheet-Comment-Signature'];
    expect(other('{"post":7,"content":"Hullo"}', '203.0.113.9', 1_790_000_000)).not.toBe(signature);
    expect(other(body, '203.0.113.10', 1_790_000_000)).not.toBe(signature);
    expect(other(body, '203.0.113.9', 1_790_000_001)).not.toBe(signature);
    expect(signature).not.toBe(`sha256=${hmac(`webhook:1790000000.${body}`)}`);
  });

  it('signs a comment whose reader address is unknown, with an empty address', () => {
    expect(signedCommentHeaders(body, null, secret, 1_790_000_000)).toEqual({
      'X-Broadsheet-Comment-Timestamp': '1790000000',
      'X-Broadsheet-Comment-Signature': `sha256=${hmac(`comment:1790000000\n\n${body}`)}`,
    });
  });

  it('sends nothing without a secret', () => {
    expect(signedCommentHeaders(body, '203.0.113.9', null)).toEqual({});
  });
});
