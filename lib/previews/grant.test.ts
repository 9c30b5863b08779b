import { describe, expect, it } from 'vitest';
import { signPreviewToken } from '@/lib/wordpress';
import { previewGrantCookieName, signPreviewGrant, verifyPreviewGrant } from './grant';

const SECRET = 'a-shared-secret-of-some-length';
const NOW = 1_800_000_000;
const post12 = { type: 'post', id: 12 } as const;

describe('preview grants', () => {
  it('accept a grant for exactly the post it names, until it expires', () => {
    const grant = signPreviewGrant(SECRET, post12, NOW + 60);
    expect(verifyPreviewGrant(SECRET, grant, post12, NOW)).toBe(true);
    expect(verifyPreviewGrant(SECRET, grant, post12, NOW + 59)).toBe(true);
    expect(verifyPreviewGrant(SECRET, grant, post12, NOW + 60)).toBe(false);
    expect(verifyPreviewGrant(SECRET, grant, post12, NOW + 3600)).toBe(false);
  });

  it('accept a grant for an item of a custom post type', () => {
    const event = { type: 'event', id: 143 };
    const grant = signPreviewGrant(SECRET, event, NOW + 60);
    expect(verifyPreviewGrant(SECRET, grant, event, NOW)).toBe(true);
    expect(verifyPreviewGrant(SECRET, grant, { type: 'post', id: 143 }, NOW)).toBe(false);
  });

  it('refuse a grant for another post or another type', () => {
    const grant = signPreviewGrant(SECRET, post12, NOW + 60);
    expect(verifyPreviewGrant(SECRET, grant, { type: 'post', id: 13 }, NOW)).toBe(false);
    expect(verifyPreviewGrant(SECRET, grant, { type: 'page', id: 12 }, NOW)).toBe(false);
  });

  it('refuse a grant signed with another secret', () => {
    const grant = signPreviewGrant('another-secret-of-some-length', post12, NOW + 60);
    expect(verifyPreviewGrant(SECRET, grant, post12, NOW)).toBe(false);
  });

  it('refuse a tampered payload or signature', () => {
    const grant = signPreviewGrant(SECRET, post12, NOW + 60);
    const [, signature = ''] = grant.split('.');
    const widened = Buffer.from(JSON.stringify({ type: 'post', id: 13, exp: NOW + 60 })).toString(
      'base64url',
    );
    expect(verifyPreviewGrant(SECRET, `${widened}.${signature}`, { type: 'post', id: 13 }, NOW)).toBe(false);
    const extended = Buffer.from(JSON.stringify({ type: 'post', id: 12, exp: NOW + 10_000 })).toString(
      'base64url',
    );
    expect(verifyPreviewGrant(SECRET, `${extended}.${signature}`, post12, NOW + 100)).toBe(false);
    const flipped = `${grant.slice(0, -1)}${grant.endsWith('0') ? '1' : '0'}`;
    expect(verifyPreviewGrant(SECRET, flipped, post12, NOW)).toBe(false);
  });

  it('refuse the plugin’s preview token itself: the signatures are domain-separated', () => {
    const token = signPreviewToken(SECRET, post12, NOW + 60);
    expect(verifyPreviewGrant(SECRET, token, post12, NOW)).toBe(false);
  });

  it('refuse malformed values without throwing', () => {
    for (const value of [
      '',
      '.',
      'abc',
      'a.b.c',
      `${'a'.repeat(600)}.${'0'.repeat(64)}`,
      `%%%.${'0'.repeat(64)}`,
    ])
      expect(verifyPreviewGrant(SECRET, value, post12, NOW)).toBe(false);
    const notJson = `${Buffer.from('not json').toString('base64url')}`;
    expect(verifyPreviewGrant(SECRET, `${notJson}.${'0'.repeat(64)}`, post12, NOW)).toBe(false);
  });

  it('are named per post, so several previews in one browser keep their own', () => {
    expect(previewGrantCookieName(post12)).not.toBe(previewGrantCookieName({ type: 'post', id: 13 }));
    expect(previewGrantCookieName(post12)).not.toBe(previewGrantCookieName({ type: 'page', id: 12 }));
  });
});
