import { describe, expect, it } from 'vitest';
import { openUnlockCookie, sealUnlockCookie } from './cookie';

const SECRET = 'a-shared-secret-of-some-length';
const NOW = 1_800_000_000;
const post12 = { type: 'post', id: 12 } as const;

describe('unlock cookies', () => {
  it('give the password back for the post they were sealed for, until they expire', () => {
    const cookie = sealUnlockCookie(SECRET, post12, 'lantern', NOW + 60);
    expect(openUnlockCookie(SECRET, post12, cookie, NOW)).toBe('lantern');
    expect(openUnlockCookie(SECRET, post12, cookie, NOW + 60)).toBeNull();
  });

  it('never hold the password in a readable form', () => {
    const password = 'a rather memorable passphrase';
    const cookie = sealUnlockCookie(SECRET, post12, password, NOW + 60);
    const decoded = Buffer.from(cookie, 'base64url');
    expect(cookie).not.toContain(password);
    expect(decoded.includes(Buffer.from(password))).toBe(false);
    expect(decoded.includes(Buffer.from('memorable'))).toBe(false);
    // A fresh IV every time: the same password does not give the same cookie.
    expect(sealUnlockCookie(SECRET, post12, password, NOW + 60)).not.toBe(cookie);
  });

  it('do not open for another post, another type or another secret', () => {
    const cookie = sealUnlockCookie(SECRET, post12, 'lantern', NOW + 60);
    expect(openUnlockCookie(SECRET, { type: 'post', id: 13 }, cookie, NOW)).toBeNull();
    expect(openUnlockCookie(SECRET, { type: 'page', id: 12 }, cookie, NOW)).toBeNull();
    expect(openUnlockCookie('another-secret-of-some-length', post12, cookie, NOW)).toBeNull();
  });

  it('do not open once altered', () => {
    const cookie = Buffer.from(sealUnlockCookie(SECRET, post12, 'lantern', NOW + 60), 'base64url');
    for (const at of [0, 12, 28, cookie.length - 1]) {
      const altered = Buffer.from(cookie);
      altered[at] = (altered[at] ?? 0) ^ 1;
      expect(openUnlockCookie(SECRET, post12, altered.toString('base64url'), NOW)).toBeNull();
    }
  });

  it('refuse malformed values, including the plaintext cookies of earlier releases', () => {
    for (const value of ['', 'lantern', 'not base64url!', 'AAAA', 'A'.repeat(5000)])
      expect(openUnlockCookie(SECRET, post12, value, NOW)).toBeNull();
  });

  it('without a shared secret, still seal and open within this process', () => {
    const cookie = sealUnlockCookie(null, post12, 'lantern', NOW + 60);
    expect(cookie).not.toContain('lantern');
    expect(openUnlockCookie(null, post12, cookie, NOW)).toBe('lantern');
    expect(openUnlockCookie(SECRET, post12, cookie, NOW)).toBeNull();
  });
});
