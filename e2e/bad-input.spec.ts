import { expect, test } from '@playwright/test';
import { rawGet } from './raw-http';

test.describe('bad input', () => {
  test('an unknown path is a 404 page with status 404', async ({ page }) => {
    const response = await page.goto('/no-such-story-anywhere/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  for (const path of [
    '/%2e%2e/%2e%2e/etc/passwd/',
    '/wp-content/../../etc/passwd/',
    '/a%2Fb/',
    `/${'x'.repeat(300)}/`,
    `/${'y'.repeat(201)}/`,
    '/%E0%A4%A/',
    '/%ZZ/',
    '/page/0/',
    '/page/-1/',
    '/page/abc/',
    '/page/01/',
    '/page/99999999/',
    '/page/9999/',
  ]) {
    test(`${path.slice(0, 40)} is a 404, not a server error`, async ({ baseURL }) => {
      const response = await rawGet(baseURL ?? '', path);
      expect(response.status).toBe(404);
    });
  }

  test('dot segments resolve as the URL standard says and never climb out of the site', async ({
    baseURL,
  }) => {
    // Every browser turns /%2E%2E/ into /; the server does the same rather than erroring.
    const response = await rawGet(baseURL ?? '', '/%2E%2E/');
    expect(response.status).toBe(200);
  });

  test('/page/1/ redirects to the front page', async ({ baseURL }) => {
    const response = await rawGet(baseURL ?? '', '/page/1/');
    expect(response.status).toBe(308);
    expect(response.headers.location).toBe('/');
  });
});
