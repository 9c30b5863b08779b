import { describe, expect, it } from 'vitest';
import { permanentRedirectWithinSite } from './redirect';

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
