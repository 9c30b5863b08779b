import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  pathOf,
  webhookSignatureHeaders,
  wordpressGet,
  wordpressWrite,
  type WordPressPost,
} from './wordpress';

/**
 * The usual headless set-up, on the running WordPress: its Site Address moved to a sub-folder
 * of another origin, while the frontend still reaches it at WORDPRESS_URL. The move goes
 * through the development-only mu-plugin broadsheet-dev-site-address.php and is undone after
 * the test, whatever happens; the spec runs last, after the readers' and editors' specs.
 */
const SUB_FOLDER_HOME = 'https://example.org/en';

/** Lists re-render several WordPress queries; on the embedded WordPress that can take a while. */
const LISTS_FRESH_WITHIN = { timeout: 30_000, intervals: [500] };

async function setSiteAddress(home: string) {
  const answer = await wordpressWrite<{ home: string }>('POST', '/broadsheet-dev/v1/site-address', { home });
  return answer.home;
}

/**
 * What the companion plugin sends when a setting changes that shapes the front page: the app
 * forgets the site's settings (the Site Address among them) and the front page's lists.
 */
async function sendFrontPageSettingsWebhook(baseURL: string) {
  const body = JSON.stringify({
    id: randomUUID(),
    type: 'settings',
    action: 'updated',
    object: { option: 'posts_per_page' },
  });
  const response = await fetch(`${baseURL}/api/revalidate/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...webhookSignatureHeaders(body) },
    body,
  });
  expect(response.status).toBe(200);
}

/** The story links of the front page, in order. */
async function frontPageStoryLinks(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get('/')).text();
  return [...html.matchAll(/<h[23] class="post-card__title"><a href="([^"]*)"/g)].map(
    (match) => match[1] ?? '',
  );
}

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ baseURL }) => {
  await setSiteAddress('');
  await sendFrontPageSettingsWebhook(baseURL ?? '');
});

test('with the Site Address in a sub-folder of another origin, every story on the front page opens', async ({
  request,
  baseURL,
}) => {
  expect(await setSiteAddress(SUB_FOLDER_HOME)).toBe(SUB_FOLDER_HOME);
  const { data: index } = await wordpressGet<{ home: string }>('/');
  expect(index.home).toBe(SUB_FOLDER_HOME);
  const { data: posts } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
    per_page: 10,
    sticky: 'false',
  });
  expect(posts.length).toBeGreaterThan(0);
  for (const post of posts) expect(post.link.startsWith(`${SUB_FOLDER_HOME}/`), post.link).toBe(true);
  const expected = posts.map((post) => pathOf(post.link, SUB_FOLDER_HOME));

  await sendFrontPageSettingsWebhook(baseURL ?? '');
  await expect
    .poll(async () => {
      const links = await frontPageStoryLinks(request);
      return expected.filter((path) => !links.includes(path));
    }, LISTS_FRESH_WITHIN)
    .toEqual([]);
  const links = await frontPageStoryLinks(request);
  expect(
    links.filter((link) => !link.startsWith('/') || link.startsWith('/?')),
    'links off the site',
  ).toEqual([]);

  for (const path of expected) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    expect(html, path).toContain('<h1 class="article__title">');
    expect(html, `${path}: canonical on this site`).toContain(
      `<link rel="canonical" href="${baseURL}${path}"`,
    );
  }
});
