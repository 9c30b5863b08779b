import { signPreviewToken } from '../lib/wordpress';
import { expect, test } from '@playwright/test';
import { FRESH_WITHIN, LISTS_FRESH_WITHIN, titleAt } from './freshness';
import { rawGet } from './raw-http';
import { siteSettings } from './site-settings';
import {
  pathOf,
  textOf,
  wordpressGet,
  wordpressGetAsEditor,
  wordpressWrite,
  type WordPressPost,
} from './wordpress';

/**
 * Editors' flows, through the real WordPress REST API and the real companion plugin: nothing
 * here calls the frontend's webhook itself. Runs after the reader suite (it changes content).
 */
test.describe.configure({ mode: 'serial' });

test('a changed title is live on the post’s page within 5 seconds, with no other action', async ({
  request,
}) => {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 3 });
  const post = data[0];
  if (!post) throw new Error('no post');
  const path = pathOf(post.link);
  expect(await titleAt(request, path)).toBe(textOf(post.title.rendered)); // cached now
  const newTitle = `Revised: ${textOf(post.title.rendered)} ${Date.now()}`;
  await wordpressWrite('POST', `/wp/v2/posts/${post.id}`, { title: newTitle });
  await expect.poll(() => titleAt(request, path), FRESH_WITHIN).toBe(newTitle);
});

test('editing one post leaves the other articles’ cached pages fresh: no site-wide purge', async ({
  request,
}) => {
  const [edited, other] = await Promise.all(
    [8, 9].map(async (page) => {
      const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page });
      if (!data[0]) throw new Error('no post');
      return data[0];
    }),
  );
  if (!edited || !other) throw new Error('no posts');
  const otherPath = pathOf(other.link);
  await request.get(otherPath);
  await request.get(otherPath);
  const newTitle = `Edited alone ${Date.now()}`;
  await wordpressWrite('POST', `/wp/v2/posts/${edited.id}`, { title: newTitle });
  await expect.poll(() => titleAt(request, pathOf(edited.link)), FRESH_WITHIN).toBe(newTitle);
  // The revalidation dropped only the copies carrying the edited post's tags: the other
  // article's copy in memory survived it and answers, as fresh as before.
  const response = await request.get(otherPath);
  expect(response.headers()['x-broadsheet-cache']).toBe('HIT');
});

test('a plain edit re-renders the list page that shows the post and leaves the list’s other pages cached', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const { postsListPath } = await siteSettings();
  const [firstPage, secondPage] = [postsListPath, `${postsListPath}page/2/`];
  const htmlOf = async (path: string) => (await request.get(path)).text();
  const [firstHtml, secondHtml] = [await htmlOf(firstPage), await htmlOf(secondPage)];
  // A post the second page shows and the first does not (sticky posts, say, are on the first).
  const { data: candidates } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 50 });
  const post = candidates.find(
    (candidate) =>
      secondHtml.includes(`href="${pathOf(candidate.link)}"`) &&
      !firstHtml.includes(`href="${pathOf(candidate.link)}"`),
  );
  if (!post) throw new Error(`no post is listed on ${secondPage} alone`);
  const { title } = await wordpressGetAsEditor<{ title: { raw: string } }>(`/wp/v2/posts/${post.id}`, {
    context: 'edit',
  });
  const served = async (path: string) => (await request.get(path)).headers()['x-broadsheet-cache'];
  // Both pages in the fast path before the change. The tests before this one edited posts the
  // first page shows, and each edit is marked stale a second time after the settle delay
  // (settleDelayMs in lib/revalidation/request.ts: the default 8 s WordPress timeout + 2 s), so
  // those marks are let pass before the pages are taken as settled.
  const earlierSettlesMs = 8_000 + 2_000 + 1_000;
  for (const page of [firstPage, secondPage]) {
    await expect.poll(() => served(page), { ...LISTS_FRESH_WITHIN, message: page }).toBe('HIT');
  }
  await new Promise((resolve) => setTimeout(resolve, earlierSettlesMs));
  for (const page of [firstPage, secondPage]) {
    await expect.poll(() => served(page), { ...LISTS_FRESH_WITHIN, message: page }).toBe('HIT');
  }
  const newTitle = `Retitled in place ${Date.now()}`;
  try {
    await wordpressWrite('POST', `/wp/v2/posts/${post.id}`, { title: newTitle });
    await expect
      .poll(async () => (await htmlOf(secondPage)).includes(newTitle), LISTS_FRESH_WITHIN)
      .toBe(true);
    // Same terms, date, author and status: the plugin says the listing is unchanged, so the
    // revalidation reached the pages carrying the post's content tag and not the list's own tag.
    const first = await request.get(firstPage);
    expect(first.headers()['x-broadsheet-cache']).toBe('HIT');
    expect(await first.text()).not.toContain(newTitle);
  } finally {
    await wordpressWrite('POST', `/wp/v2/posts/${post.id}`, { title: title.raw });
  }
  await expect
    .poll(async () => (await htmlOf(secondPage)).includes(newTitle), LISTS_FRESH_WITHIN)
    .toBe(false);
});

test('publishing a draft puts it on the home page and in its category within seconds', async ({
  request,
}) => {
  const drafts = await wordpressGetAsEditor<(WordPressPost & { categories: number[] })[]>('/wp/v2/posts', {
    status: 'draft',
  });
  const draft = drafts[0];
  if (!draft) throw new Error('no draft seeded');
  const { data: categories } = await wordpressGet<{ id: number; link: string }[]>('/wp/v2/categories', {
    include: draft.categories.join(','),
  });
  const category = categories[0];
  if (!category) throw new Error('the draft has no category');
  // The latest posts are on the front page, or on the posts page of a static front page.
  const { postsListPath, searchEngineVisible } = await siteSettings();
  await request.get(postsListPath); // both lists are cached before the change
  await request.get(pathOf(category.link));
  const published = await wordpressWrite<WordPressPost>('POST', `/wp/v2/posts/${draft.id}`, {
    status: 'publish',
  });
  const title = textOf(published.title.rendered);
  await expect
    .poll(async () => (await (await request.get(postsListPath)).text()).includes(title), LISTS_FRESH_WITHIN)
    .toBe(true);
  await expect
    .poll(
      async () => (await (await request.get(pathOf(category.link))).text()).includes(title),
      LISTS_FRESH_WITHIN,
    )
    .toBe(true);
  expect((await request.get(pathOf(published.link))).status()).toBe(200);
  // …and in the feed and the sitemap, the other lists a publish reaches.
  await expect
    .poll(async () => (await (await request.get('/feed/')).text()).includes(title), LISTS_FRESH_WITHIN)
    .toBe(true);
  // A site that discourages search engines has no sitemap.
  if (!searchEngineVisible) return;
  await expect
    .poll(async () => {
      const index = await (await request.get('/sitemap.xml')).text();
      const chunks = [...index.matchAll(/<loc>([^<]*\/sitemaps\/posts-\d+\.xml)<\/loc>/g)].map(
        (match) => match[1] ?? '',
      );
      const bodies = await Promise.all(
        chunks.map(async (chunk) => (await request.get(new URL(chunk).pathname)).text()),
      );
      return bodies.some((body) => body.includes(pathOf(published.link)));
    }, LISTS_FRESH_WITHIN)
    .toBe(true);
});

test('a trashed post’s page answers 404 and it leaves the home page', async ({ request }) => {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, sticky: 'false' });
  const post = data[0];
  if (!post) throw new Error('no post');
  const path = pathOf(post.link);
  const title = textOf(post.title.rendered);
  const { postsListPath } = await siteSettings();
  expect((await request.get(path)).status()).toBe(200);
  expect((await (await request.get(postsListPath)).text()).includes(title)).toBe(true);
  await wordpressWrite('DELETE', `/wp/v2/posts/${post.id}`);
  await expect.poll(async () => (await request.get(path)).status(), LISTS_FRESH_WITHIN).toBe(404);
  await expect
    .poll(async () => (await (await request.get(postsListPath)).text()).includes(title), LISTS_FRESH_WITHIN)
    .toBe(false);
});

test.describe('previews', () => {
  async function draftWithPreviewLink() {
    const drafts = await wordpressGetAsEditor<(WordPressPost & { broadsheet_preview_link?: string })[]>(
      '/wp/v2/posts',
      { status: 'draft', context: 'edit' },
    );
    const draft = drafts.find((item) => item.broadsheet_preview_link);
    if (!draft?.broadsheet_preview_link) {
      // Every draft is published by the test above; make a fresh one as an editor would.
      const created = await wordpressWrite<WordPressPost>('POST', '/wp/v2/posts', {
        title: 'An unfinished thought about tides',
        content: '<!-- wp:paragraph --><p>Draft text nobody should see yet.</p><!-- /wp:paragraph -->',
        status: 'draft',
      });
      const [fresh] = await wordpressGetAsEditor<(WordPressPost & { broadsheet_preview_link?: string })[]>(
        '/wp/v2/posts',
        { include: created.id, status: 'draft', context: 'edit' },
      );
      if (!fresh?.broadsheet_preview_link)
        throw new Error('WordPress gives no preview link: is the plugin active?');
      return fresh;
    }
    return draft;
  }

  test('the preview link WordPress gives opens the draft with a banner, uncached and noindex', async ({
    page,
  }) => {
    const draft = await draftWithPreviewLink();
    const link = draft.broadsheet_preview_link ?? '';
    expect(link).not.toContain(process.env.E2E_BROADSHEET_SECRET ?? 'no-secret-configured');
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status')).toContainText('Preview');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(draft.title.rendered));
    expect(response?.headers()['cache-control']).toMatch(/no-store/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await page.getByRole('link', { name: 'Exit preview' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('an altered or expired token is refused with 401', async ({ baseURL }) => {
    const draft = await draftWithPreviewLink();
    const link = new URL(draft.broadsheet_preview_link ?? '');
    const token = link.searchParams.get('token') ?? '';
    const [payload = '', signature = ''] = token.split('.');
    const altered = `${Buffer.from(JSON.stringify({ id: draft.id + 1, type: 'post', exp: 4_000_000_000 })).toString('base64url')}.${signature}`;
    expect((await rawGet(baseURL ?? '', `/api/preview/?token=${altered}`)).status).toBe(401);
    expect((await rawGet(baseURL ?? '', `/api/preview/?token=${payload}.${'0'.repeat(64)}`)).status).toBe(
      401,
    );
    const secret = process.env.E2E_BROADSHEET_SECRET ?? '';
    const expired = signPreviewToken(secret, { id: draft.id, type: 'post' }, 1_000);
    expect((await rawGet(baseURL ?? '', `/api/preview/?token=${expired}`)).status).toBe(401);
    expect((await rawGet(baseURL ?? '', `/preview/post/${draft.id}/`)).status).toBe(404);
  });
});
