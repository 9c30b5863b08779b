import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pathOf, wordpressGet, type WordPressPost } from './wordpress';
import { siteSettings } from './site-settings';

/** The server's secrets, as the test run knows them. */
const secrets = [
  ['the Application Password', process.env.E2E_WORDPRESS_APPLICATION_PASSWORD ?? ''],
  ['the shared secret', process.env.E2E_BROADSHEET_SECRET ?? ''],
] as const;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('no secret reaches the browser: not in the client bundles, the served HTML or any header', async ({
  request,
}) => {
  for (const [name, value] of secrets)
    expect(value.length, `${name} is known to the test`).toBeGreaterThan(15);

  const bundles = filesUnder(join(process.cwd(), '.next', 'static')).filter((file) =>
    /\.(js|css|json)$/.test(file),
  );
  expect(bundles.length).toBeGreaterThan(0);
  for (const file of bundles) {
    const text = readFileSync(file, 'utf8');
    for (const [name, value] of secrets) expect(text.includes(value), `${name} in ${file}`).toBe(false);
  }

  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
  const paths = [
    '/',
    pathOf(data[0]?.link ?? '/'),
    '/search/?s=bread',
    '/no-such-page/',
    '/feed/',
    '/sitemap.xml',
  ];
  for (const path of paths) {
    const response = await request.get(path);
    const everything = `${JSON.stringify(response.headers())}\n${await response.text()}`;
    for (const [name, value] of secrets) expect(everything.includes(value), `${name} in ${path}`).toBe(false);
  }
});

test.describe('security headers', () => {
  async function htmlPaths() {
    const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1 });
    return ['/', pathOf(data[0]?.link ?? '/'), '/search/?s=bread', '/no-such-page/'];
  }

  test('every page sends a strict Content-Security-Policy and the usual hardening headers', async ({
    request,
  }) => {
    for (const path of await htmlPaths()) {
      // Twice: the second answer comes from the in-memory copy where the page is cacheable.
      for (const attempt of [1, 2]) {
        const response = await request.get(path);
        const headers = response.headers();
        const label = `${path} (${attempt})`;
        const policy = headers['content-security-policy'] ?? '';
        const scriptSrc = policy
          .split(';')
          .map((directive) => directive.trim())
          .find((d) => d.startsWith('script-src'));
        expect(scriptSrc, `${label}: script-src`).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
        for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"])
          expect(policy, label).toContain(directive);
        expect(headers['x-content-type-options'], label).toBe('nosniff');
        expect(headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
      }
    }
  });

  test('the app’s own pages run under that policy without a single violation', async ({ page }) => {
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of await htmlPaths()) {
      await page.goto(path);
      await page.waitForLoadState('load');
      violations.push(
        ...(await page.evaluate(
          () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
        )),
      );
    }
    // A client-side navigation too: the router fetches and runs what it needs under the same policy.
    const { postsListPath } = await siteSettings();
    await page.goto(postsListPath);
    await page.locator('.post-card__title a').first().click();
    await page.waitForURL((url) => url.pathname !== postsListPath);
    await page.waitForLoadState('load');
    violations.push(
      ...(await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      )),
    );
    expect(violations).toEqual([]);
  });

  test('API answers are never cacheable by a shared cache', async ({ request }) => {
    const answers = [
      await request.post('/api/revalidate/', { data: '{}', headers: { 'content-type': 'application/json' } }),
      await request.get('/api/preview/?token=not-a-token', { maxRedirects: 0 }),
      await request.get('/api/preview/exit/', { maxRedirects: 0 }),
    ];
    for (const response of answers) {
      expect(response.headers()['cache-control'], response.url()).toMatch(/private|no-store/);
      expect(response.headers()['cache-control'], response.url()).not.toMatch(/s-maxage|public/);
    }
  });
});
