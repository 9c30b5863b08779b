import { describe, expect, it, vi } from 'vitest';
// Imported with the file (vi.mock is hoisted above it), not inside the test: loading the module
// graph is no part of what the test measures, and on a busy machine it can outlast a test's time.
import { handleRevalidationRequest } from './request';

vi.mock('next/cache', () => ({ revalidateTag: vi.fn() }));
vi.mock('next/server', () => ({ after: vi.fn() }));

describe('handleRevalidationRequest', () => {
  it('refuses a body declared larger than any event (413) before reading it', async () => {
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
