import { describe, expect, it } from 'vitest';
import { signPreviewToken } from '@/lib/wordpress';
import { previewGrantCookieName, verifyPreviewGrant } from './grant';
import { handlePreviewExit, handlePreviewRequest } from './request';

const SECRET = 'a-shared-secret-of-some-length';
const NOW = 1_800_000_000;
const config = { sharedSecret: SECRET, siteUrl: 'http://localhost:3000' };

function previewRequest(token: string, origin = 'http://localhost:3000') {
  return new Request(`${origin}/api/preview/?token=${encodeURIComponent(token)}`);
}

/** name → { value, attributes } of every Set-Cookie header. */
function setCookies(response: Response) {
  return new Map(
    response.headers.getSetCookie().map((line) => {
      const [pair = '', ...attributes] = line.split('; ');
      const at = pair.indexOf('=');
      return [
        pair.slice(0, at),
        { value: pair.slice(at + 1), attributes: attributes.map((a) => a.toLowerCase()) },
      ];
    }),
  );
}

describe('handlePreviewRequest', () => {
  it('grants the one post the token names, in an httpOnly cookie scoped to its preview page', () => {
    const target = { type: 'post', id: 42 } as const;
    const response = handlePreviewRequest(
      previewRequest(signPreviewToken(SECRET, target, NOW + 600)),
      config,
      NOW,
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/preview/post/42/');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const cookies = setCookies(response);
    expect([...cookies.keys()]).toEqual([previewGrantCookieName(target)]);
    const grant = cookies.get(previewGrantCookieName(target));
    expect(grant?.attributes).toEqual(
      expect.arrayContaining(['path=/preview/post/42/', 'httponly', 'samesite=lax', 'max-age=3600']),
    );
    expect(grant?.attributes).not.toContain('secure');
    expect(verifyPreviewGrant(SECRET, grant?.value ?? '', target, NOW + 3599)).toBe(true);
    expect(verifyPreviewGrant(SECRET, grant?.value ?? '', target, NOW + 3600)).toBe(false);
    expect(verifyPreviewGrant(SECRET, grant?.value ?? '', { type: 'post', id: 43 }, NOW)).toBe(false);
  });

  it('turns on nothing global: no Draft Mode cookie', () => {
    const response = handlePreviewRequest(
      previewRequest(signPreviewToken(SECRET, { type: 'page', id: 7 }, NOW + 600)),
      config,
      NOW,
    );
    expect(response.headers.getSetCookie().join('\n')).not.toMatch(/__prerender_bypass|Path=\/;/);
  });

  it('marks the cookie Secure when the site is served over https', () => {
    const token = signPreviewToken(SECRET, { type: 'post', id: 42 }, NOW + 600);
    for (const response of [
      handlePreviewRequest(previewRequest(token, 'https://www.example.com'), config, NOW),
      handlePreviewRequest(previewRequest(token), { ...config, siteUrl: 'https://www.example.com' }, NOW),
    ]) {
      expect(setCookies(response).get('broadsheet-preview-post-42')?.attributes).toContain('secure');
    }
  });

  it('refuses an expired, altered or missing token, or a missing secret, with 401 and no cookie', async () => {
    const expired = signPreviewToken(SECRET, { type: 'post', id: 42 }, NOW - 1);
    const forged = signPreviewToken('another-secret-of-some-length', { type: 'post', id: 42 }, NOW + 600);
    for (const response of [
      handlePreviewRequest(previewRequest(expired), config, NOW),
      handlePreviewRequest(previewRequest(forged), config, NOW),
      handlePreviewRequest(new Request('http://localhost:3000/api/preview/'), config, NOW),
      handlePreviewRequest(previewRequest(expired), { ...config, sharedSecret: null }, NOW - 100),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await response.text()).toMatch(/^Preview refused: /);
    }
  });
});

describe('handlePreviewExit', () => {
  it('forgets the grant of the post it names and returns to the front page', () => {
    const response = handlePreviewExit(new Request('http://localhost:3000/api/preview/exit/?type=page&id=7'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/');
    const cleared = setCookies(response).get('broadsheet-preview-page-7');
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes).toEqual(expect.arrayContaining(['path=/preview/page/7/', 'max-age=0']));
  });

  it('ignores a malformed target', () => {
    const response = handlePreviewExit(new Request('http://localhost:3000/api/preview/exit/?type=user&id=x'));
    expect(response.status).toBe(307);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});
