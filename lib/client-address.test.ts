import { afterEach, describe, expect, it, vi } from 'vitest';
import { addressKey, clientAddress, isPrivateAddress } from './client-address';
import { RateLimiter } from './rate-limit';

describe('clientAddress behind a trusted proxy', () => {
  it("takes X-Forwarded-For's right-most entry, the one the proxy wrote, not what the client sent", () => {
    const headers = new Headers({
      'x-forwarded-for': '198.51.100.66, 203.0.113.5',
      'x-broadsheet-client-address': '10.0.0.1',
    });
    expect(clientAddress(headers, true)).toBe('203.0.113.5');
  });

  it('reads the last of several X-Forwarded-For headers, and drops ports and brackets', () => {
    const headers = new Headers([
      ['x-forwarded-for', '198.51.100.66'],
      ['x-forwarded-for', '203.0.113.5:4711'],
    ]);
    expect(clientAddress(headers, true)).toBe('203.0.113.5');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'x, [2001:DB8::1]:443' }), true)).toBe(
      '2001:db8::1',
    );
  });
});

describe('addressKey', () => {
  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps IPv4 addresses and other keys as they are', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('unknown')).toBe('unknown');
    expect(addressKey('1:2:3')).toBe('1:2:3');
  });

  it('makes a rate limiter count a whole IPv6 /64 as one reader', () => {
    const limiter = new RateLimiter(2, 60_000);
    expect(limiter.attempt('2001:db8:1:2::1', 0).allowed).toBe(true);
    expect(limiter.attempt('2001:db8:1:2::2', 0).allowed).toBe(true);
    expect(limiter.attempt('2001:db8:1:2:ffff::3', 0).allowed).toBe(false);
    expect(limiter.attempt('2001:db8:1:3::1', 0).allowed).toBe(true);
  });
});

describe('isPrivateAddress', () => {
  it('knows loopback, private and link-local ranges from public addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.1', '::1', 'fd00::5', 'fe80::1'])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['203.0.113.5', '172.32.0.1', '2001:db8::1', '8.8.8.8'])
      expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe('a warning when readers would share one limit', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('says once that a proxy seems to be in front while TRUST_PROXY is off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { clientAddress: fresh } = await import('./client-address');
    // A direct connection from a public address is nothing to warn about, whatever it sends.
    fresh(
      new Headers({ 'x-forwarded-for': '198.51.100.1', 'x-broadsheet-client-address': '203.0.113.5' }),
      false,
    );
    // Nor a direct loopback connection, whose X-Forwarded-For Next filled in with its address.
    fresh(new Headers({ 'x-forwarded-for': '127.0.0.1', 'x-broadsheet-client-address': '127.0.0.1' }), false);
    expect(warn).not.toHaveBeenCalled();
    const proxied = new Headers({
      'x-forwarded-for': '203.0.113.5',
      'x-broadsheet-client-address': '10.0.0.2',
    });
    expect(fresh(proxied, false)).toBe('10.0.0.2');
    expect(fresh(proxied, false)).toBe('10.0.0.2');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('TRUST_PROXY=true');
  });

  it('says once that the connection address is unknown (a server other than server.mjs)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { clientAddress: fresh } = await import('./client-address');
    expect(fresh(new Headers(), false)).toBeNull();
    expect(fresh(new Headers(), false)).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('server.mjs');
  });
});
