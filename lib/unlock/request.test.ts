import { describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '@/lib/rate-limit';
import type { Post } from '@/lib/wordpress';
import { openUnlockCookie } from './cookie';
import { handleUnlockRequest, unlockLimits, type UnlockDependencies } from './request';

const SECRET = 'a-shared-secret-of-some-length';
const PASSWORD = 'lantern';
const unlockedPost = { id: 12, title: 'Behind the door' } as Post;

function deps(overrides: Partial<UnlockDependencies> = {}): UnlockDependencies {
  return {
    getProtectedPost: vi.fn(async (_target, password: string) =>
      password === PASSWORD ? unlockedPost : null,
    ),
    limits: unlockLimits(),
    secret: SECRET,
    siteUrl: 'http://localhost:3000',
    trustProxy: false,
    ...overrides,
  };
}

function unlock(fields: Record<string, string>, address = '198.51.100.7') {
  return new Request('http://localhost:3000/api/unlock/', {
    method: 'POST',
    headers: { 'x-broadsheet-client-address': address },
    body: new URLSearchParams(fields),
  });
}

const post12 = { id: '12', type: 'post' };

describe('handleUnlockRequest', () => {
  it('keeps the right password only encrypted, in a cookie for that post’s page, for a day', async () => {
    const response = await handleUnlockRequest(unlock({ ...post12, password: PASSWORD }), deps());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/protected/post/12/');
    const [sealed, legacy] = response.headers.getSetCookie();
    expect(sealed).toMatch(/^broadsheet-unlock-post-12=[A-Za-z0-9_-]+; Path=\/protected\/post\/12\/;/);
    expect(sealed).toMatch(/Max-Age=86400;.*HttpOnly; SameSite=lax/);
    expect(sealed).not.toContain(PASSWORD);
    const value = /^[^=]+=([^;]+)/.exec(sealed ?? '')?.[1] ?? '';
    const now = Math.floor(Date.now() / 1000);
    expect(openUnlockCookie(SECRET, { type: 'post', id: 12 }, value, now)).toBe(PASSWORD);
    expect(openUnlockCookie(SECRET, { type: 'post', id: 12 }, value, now + 86_401)).toBeNull();
    // The plaintext cookie earlier releases set is cleared.
    expect(legacy).toMatch(/^broadsheet-postpass-12=; Path=\/protected\/post\/12\/; Max-Age=0/);
  });

  it('sends a wrong password back to the form, with no cookie', async () => {
    const response = await handleUnlockRequest(unlock({ ...post12, password: 'guess' }), deps());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/protected/post/12/?error=wrong-password');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a reader’s eleventh attempt in ten minutes with 429, without asking WordPress', async () => {
    const dependencies = deps();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await handleUnlockRequest(
        unlock({ ...post12, password: `guess-${attempt}` }),
        dependencies,
      );
      expect(response.status).toBe(303);
    }
    const refused = await handleUnlockRequest(unlock({ ...post12, password: PASSWORD }), dependencies);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(dependencies.getProtectedPost).toHaveBeenCalledTimes(10);
    // Another reader is not held up by the first one's attempts.
    const other = await handleUnlockRequest(
      unlock({ ...post12, password: PASSWORD }, '203.0.113.9'),
      dependencies,
    );
    expect(other.status).toBe(303);
  });

  it('limits attempts on one post from many addresses, and leaves other posts open', async () => {
    const dependencies = deps({
      limits: { perReader: new RateLimiter(10, 600_000), perPost: new RateLimiter(3, 600_000) },
    });
    for (let reader = 1; reader <= 3; reader++) {
      const response = await handleUnlockRequest(
        unlock({ ...post12, password: 'guess' }, `198.51.100.${reader}`),
        dependencies,
      );
      expect(response.status).toBe(303);
    }
    const refused = await handleUnlockRequest(
      unlock({ ...post12, password: 'guess' }, '198.51.100.4'),
      dependencies,
    );
    expect(refused.status).toBe(429);
    const otherPost = await handleUnlockRequest(
      unlock({ id: '13', type: 'post', password: 'guess' }, '198.51.100.4'),
      dependencies,
    );
    expect(otherPost.status).toBe(303);
  });

  it('answers malformed forms with 400, not counting them and not asking WordPress', async () => {
    const dependencies = deps();
    const malformed: Record<string, string>[] = [
      { id: 'x', type: 'post', password: PASSWORD },
      { id: '12', type: 'No Such/Type', password: PASSWORD },
      { id: '12', type: 'x'.repeat(33), password: PASSWORD },
      { id: '12', type: 'post', password: '' },
      { id: '12', type: 'post', password: 'x'.repeat(256) },
      { id: '12', type: 'post' },
    ];
    for (const fields of malformed) {
      expect((await handleUnlockRequest(unlock(fields), dependencies)).status).toBe(400);
    }
    const notAForm = new Request('http://localhost:3000/api/unlock/', { method: 'POST', body: '{' });
    expect((await handleUnlockRequest(notAForm, dependencies)).status).toBe(400);
    expect(dependencies.getProtectedPost).not.toHaveBeenCalled();
  });
});
