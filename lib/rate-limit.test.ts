import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the limit per window, then says when to come back', () => {
    const limiter = new RateLimiter(2, 10_000);
    expect(limiter.attempt('a', 0)).toEqual({ allowed: true });
    expect(limiter.attempt('a', 1_000)).toEqual({ allowed: true });
    expect(limiter.attempt('a', 2_000)).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(limiter.attempt('b', 2_000)).toEqual({ allowed: true });
    expect(limiter.attempt('a', 10_000)).toEqual({ allowed: true });
  });

  it('keeps memory bounded', () => {
    const limiter = new RateLimiter(1, 10_000, 3);
    for (let key = 0; key < 100; key++) limiter.attempt(String(key), key);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(3);
  });
});

describe('clientAddress', () => {
  const headers = new Headers({
    'x-forwarded-for': '203.0.113.5, 10.0.0.1',
    'x-broadsheet-client-address': '::ffff:10.0.0.1',
  });

  it("uses the connection's address unless a proxy is trusted", () => {
    expect(clientAddress(headers, false)).toBe('10.0.0.1');
  });

  it("uses X-Forwarded-For's last entry, the one the trusted proxy wrote", () => {
    expect(clientAddress(headers, true)).toBe('10.0.0.1');
  });

  it('returns null when nothing usable is known', () => {
    expect(clientAddress(new Headers(), false)).toBeNull();
    expect(clientAddress(new Headers({ 'x-broadsheet-client-address': 'garbage<>' }), false)).toBeNull();
  });
});
