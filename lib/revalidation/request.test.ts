import { describe, expect, it, vi } from 'vitest';

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }));
vi.mock('next/server', () => ({ after: vi.fn() }));

describe('handleRevalidationRequest', () => {
  it('refuses a body declared larger than any event (413) before reading it', async () => {
    const { handleRevalidationRequest } = await import('./request');
    const request = new Request('http://frontend.test/api/revalidate/', {
      method: 'POST',
      headers: { 'content-length': String(10 * 1024 * 1024), 'x-broadsheet-timestamp': '1' },
      body: '{}',
    });
    const response = await handleRevalidationRequest(request);
    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });
});
