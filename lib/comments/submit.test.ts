import { describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '@/lib/rate-limit';
import type { Comment } from '@/lib/wordpress';
import { handleCommentSubmission, type SubmissionDependencies } from './submit';

const held: Comment = {
  id: 31,
  parentId: 0,
  authorName: 'Nell',
  authorUrl: null,
  publishedAt: '2026-01-01T00:00:00Z',
  contentHtml: '<p>Hello</p>',
  status: 'hold',
  depth: 1,
  replies: [],
};

const valid = {
  comment_post_ID: '12',
  redirect_to: '/a-story/',
  author: 'Nell',
  email: 'nell@example.com',
  url: '',
  comment: 'Hello',
};

function deps(overrides: Partial<SubmissionDependencies> = {}): SubmissionDependencies {
  return {
    createComment: vi.fn(async () => held),
    revalidateComments: vi.fn(),
    rateLimiter: new RateLimiter(5, 60_000),
    trustProxy: false,
    siteUrl: 'https://www.example.com',
    ...overrides,
  };
}

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request('http://frontend.test/api/comments/', {
    method: 'POST',
    headers: { 'x-broadsheet-client-address': '198.51.100.7', ...headers },
    body: new URLSearchParams(fields),
  });
}

function jsonPost(body: unknown) {
  return new Request('http://frontend.test/api/comments/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-broadsheet-client-address': '198.51.100.7' },
    body: JSON.stringify(body),
  });
}

describe('handleCommentSubmission', () => {
  it('without JavaScript, redirects back to the story at the outcome (303)', async () => {
    const dependencies = deps();
    const response = await handleCommentSubmission(formPost(valid), dependencies);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/a-story/#comment-status-pending');
    expect(dependencies.createComment).toHaveBeenCalledWith(
      expect.objectContaining({ postId: 12, parentId: 0, clientAddress: '198.51.100.7' }),
    );
  });

  it('lands on an approved comment, after expiring the cached thread', async () => {
    const dependencies = deps({
      createComment: vi.fn(async () => ({ ...held, status: 'approved' as const })),
    });
    const response = await handleCommentSubmission(formPost(valid), dependencies);
    expect(response.headers.get('location')).toBe('/a-story/#comment-31');
    expect(dependencies.revalidateComments).toHaveBeenCalledWith(12);
  });

  it('answers a script with JSON, field errors included, without asking WordPress', async () => {
    const dependencies = deps();
    const response = await handleCommentSubmission(
      jsonPost({ ...valid, email: 'nope', author: '' }),
      dependencies,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, outcome: 'invalid' });
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['author', 'email']);
    expect(dependencies.createComment).not.toHaveBeenCalled();
  });

  it('drops a filled honeypot silently', async () => {
    const dependencies = deps();
    const response = await handleCommentSubmission(formPost({ ...valid, company: 'Spam' }), dependencies);
    expect(response.status).toBe(303);
    expect(dependencies.createComment).not.toHaveBeenCalled();
  });

  it('refuses a redirect target that is not a path on this site', async () => {
    for (const target of ['https://evil.test/', '//evil.test/', '/\\evil.test']) {
      const response = await handleCommentSubmission(formPost({ ...valid, redirect_to: target }), deps());
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('limits each reader, with 429 and Retry-After', async () => {
    const dependencies = deps({ rateLimiter: new RateLimiter(1, 60_000) });
    await handleCommentSubmission(jsonPost(valid), dependencies);
    const response = await handleCommentSubmission(jsonPost(valid), dependencies);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("maps WordPress's refusals to outcomes a reader understands", async () => {
    const refuse = (reason: string) =>
      deps({
        createComment: vi.fn(async () => Promise.reject(Object.assign(new Error(reason), { reason }))),
      });
    expect((await handleCommentSubmission(jsonPost(valid), refuse('duplicate'))).status).toBe(409);
    expect((await handleCommentSubmission(jsonPost(valid), refuse('closed'))).status).toBe(403);
    expect((await handleCommentSubmission(jsonPost(valid), refuse('flood'))).status).toBe(429);
    const unavailable = deps({ createComment: vi.fn(async () => Promise.reject(new Error('down'))) });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await handleCommentSubmission(jsonPost(valid), unavailable)).status).toBe(503);
  });

  it("refuses a form posted from another site (403), without asking WordPress; accepts the site's own", async () => {
    for (const headers of [
      { origin: 'https://evil.example.net' } as Record<string, string>,
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ]) {
      const dependencies = deps();
      const response = await handleCommentSubmission(formPost(valid, headers), dependencies);
      expect(response.status).toBe(403);
      expect(response.headers.get('location')).toBeNull();
      expect(dependencies.createComment).not.toHaveBeenCalled();
    }
    for (const headers of [
      { origin: 'https://www.example.com', 'sec-fetch-site': 'same-origin' } as Record<string, string>,
      { origin: 'http://frontend.test', host: 'frontend.test', 'sec-fetch-site': 'same-origin' },
    ]) {
      const dependencies = deps();
      const response = await handleCommentSubmission(formPost(valid, headers), dependencies);
      expect(response.status).toBe(303);
      expect(dependencies.createComment).toHaveBeenCalledOnce();
    }
  });

  it('refuses a body declared longer than any comment (413) before reading it', async () => {
    const dependencies = deps();
    const request = formPost(valid, { 'content-length': String(10 * 1024 * 1024) });
    const response = await handleCommentSubmission(request, dependencies);
    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
    expect(dependencies.createComment).not.toHaveBeenCalled();
  });

  it('stops reading a body that grows past the limit, whatever it declared (413)', async () => {
    const dependencies = deps();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const request = new Request('http://frontend.test/api/comments/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const response = await handleCommentSubmission(request, dependencies);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(20);
    expect(dependencies.createComment).not.toHaveBeenCalled();
  });

  it('refuses a body that names no story (400)', async () => {
    const response = await handleCommentSubmission(jsonPost({ author: 'x' }), deps());
    expect(response.status).toBe(400);
  });
});
