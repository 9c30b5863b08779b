import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RedirectAction } from '@/lib/wordpress';

const rules = new Map<string, RedirectAction>();
vi.mock('@/lib/wordpress', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/wordpress')>()),
  findSiteRedirect: vi.fn(async (path: string) => rules.get(path) ?? null),
}));
const { ruleAnswerResponse } = await import('./redirect');

describe('ruleAnswerResponse (the rule-answer address without the production server)', () => {
  beforeEach(() => {
    rules.clear();
    rules.set('/old/', { kind: 'redirect', location: '/new/', status: 301 });
    rules.set('/promo/', { kind: 'redirect', location: 'https://offers.example/', status: 302 });
    rules.set('/withdrawn/', { kind: 'gone' });
    rules.set('/bad-target/', { kind: 'redirect', location: '//evil.example/', status: 301 });
  });

  it.each([
    ['/old/', 301, '/new/'],
    ['/promo/', 302, 'https://offers.example/'],
  ])('answers %s with the rule’s own %i and target', async (from, status, location) => {
    const response = await ruleAnswerResponse(from);
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe(location);
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
  });

  it('answers a gone rule with 410 and a page that says so', async () => {
    const response = await ruleAnswerResponse('/withdrawn/');
    expect(response.status).toBe(410);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('has been removed');
  });

  it.each([null, '', '/no-rule/', 'old/', '//old/', '/bad-target/'])(
    'answers %j with a 404: only a rule decides where this address leads',
    async (from) => {
      const response = await ruleAnswerResponse(from);
      expect(response.status).toBe(404);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );
});
