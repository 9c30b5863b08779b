import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pathOf, wordpressGet, type WordPressPost } from './wordpress';

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
