import { describe, expect, it } from 'vitest';
import { answerByRule, permanentRedirectWithinSite } from './redirect';

/** What Next's navigation helpers throw: their digest says what the response will be. */
function digestOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return String((error as { digest?: unknown }).digest);
  }
  return 'nothing thrown';
}

describe('permanentRedirectWithinSite', () => {
  it('redirects to a path of this site with a 308', () => {
    expect(digestOf(() => permanentRedirectWithinSite('/2024/03/05/salt-roads/'))).toMatch(
      /^NEXT_REDIRECT;replace;\/2024\/03\/05\/salt-roads\/;308;/,
    );
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    'https://evil.example/',
    'evil.example',
    '/a\r\nSet-Cookie: a=b',
  ])('refuses %j with a 404 instead of a Location header', (target) => {
    expect(digestOf(() => permanentRedirectWithinSite(target))).toBe('NEXT_HTTP_ERROR_FALLBACK;404');
  });
});

describe('answerByRule', () => {
  it.each([
    [301, 308],
    [308, 308],
    [302, 307],
    [307, 307],
  ] as const)('sends a %i rule through the rule-answer address, with a %i', (status, nextStatus) => {
    const digest = digestOf(() =>
      answerByRule('/old-story/', { kind: 'redirect', location: '/new/', status }),
    );
    expect(digest).toBe(
      `NEXT_REDIRECT;replace;/api/redirect/?from=%2Fold-story%2F&status=${status}&to=%2Fnew%2F;${nextStatus};`,
    );
  });

  it('sends a gone rule there too, temporarily and without a target', () => {
    expect(digestOf(() => answerByRule('/withdrawn/', { kind: 'gone' }))).toBe(
      'NEXT_REDIRECT;replace;/api/redirect/?from=%2Fwithdrawn%2F&status=410;307;',
    );
  });

  it.each(['//evil.example/', 'javascript:alert(1)', '/a\r\nSet-Cookie: a=b'])(
    'refuses a target of %j with a 404',
    (location) => {
      expect(digestOf(() => answerByRule('/x/', { kind: 'redirect', location, status: 301 }))).toBe(
        'NEXT_HTTP_ERROR_FALLBACK;404',
      );
    },
  );
});
