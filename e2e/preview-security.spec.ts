import { randomUUID } from 'node:crypto';
import { expect, test, type BrowserContext } from '@playwright/test';
import { previewGrantCookieName, signPreviewGrant } from '../lib/previews/grant';
import {
  createWordPressAccount,
  pathOf,
  wordpressGet,
  wordpressRequestAs,
  wordpressWrite,
  type WordPressAccount,
  type WordPressPost,
} from './wordpress';

/**
 * Who may see what through previews, with real WordPress users: a Contributor, an Editor, and
 * the administrator's content. A preview link opens the one post it was made for; any other
 * preview URL answers 404 — the same answer whether the post exists, is someone else's draft,
 * private or password-protected, so the refusal tells nothing about what is there.
 */
type Previewable = WordPressPost & { broadsheet_preview_link?: string | null };

interface Draft {
  id: number;
  title: string;
  /** Text only its body holds, to prove it never reached a page. */
  marker: string;
  link: string;
}

const secret = process.env.E2E_BROADSHEET_SECRET ?? '';

function contentWith(marker: string) {
  return `<!-- wp:paragraph --><p>${marker}</p><!-- /wp:paragraph -->`;
}

/** A draft written by `account`, and the preview link the companion plugin gives them for it. */
async function draftBy(account: WordPressAccount, title: string): Promise<Draft> {
  const marker = `draft-body-${randomUUID()}`;
  const created = await wordpressRequestAs<WordPressPost>(account, 'POST', '/wp/v2/posts', {
    body: { title, content: contentWith(marker), status: 'draft' },
  });
  const own = await wordpressRequestAs<Previewable>(account, 'GET', `/wp/v2/posts/${created.id}`, {
    params: { context: 'edit' },
  });
  if (!own.broadsheet_preview_link) throw new Error('WordPress gives no preview link: is the plugin active?');
  return { id: created.id, title, marker, link: own.broadsheet_preview_link };
}

/** Content by the administrator that a Contributor must never read. */
async function administratorsPost(status: 'draft' | 'private' | 'publish', password?: string) {
  const marker = `${status}-body-${randomUUID()}`;
  const post = await wordpressWrite<WordPressPost>('POST', '/wp/v2/posts', {
    title: `Not yours (${status}${password ? ', password' : ''})`,
    content: contentWith(marker),
    status,
    ...(password ? { password } : {}),
  });
  return { id: post.id, marker };
}

let contributor: WordPressAccount;
let editor: WordPressAccount;
let contributorsDraft: Draft;
let editorsDraft: Draft;
let forbidden: { what: string; id: number; marker: string }[];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [contributor, editor] = [
    await createWordPressAccount('contributor'),
    await createWordPressAccount('editor'),
  ];
  contributorsDraft = await draftBy(contributor, 'A contributor’s first draft');
  editorsDraft = await draftBy(editor, 'An editor’s own draft');
  forbidden = [
    { what: 'another author’s draft', ...(await administratorsPost('draft')) },
    { what: 'a private post', ...(await administratorsPost('private')) },
    { what: 'a password-protected post', ...(await administratorsPost('publish', 'e2e-door-key')) },
    { what: 'an editor’s draft', id: editorsDraft.id, marker: editorsDraft.marker },
  ];
});

async function opensPreview(context: BrowserContext, draft: Draft) {
  const page = await context.newPage();
  const response = await page.goto(draft.link);
  expect(response?.status(), `the preview link of ${draft.title}`).toBe(200);
  expect(new URL(page.url()).pathname).toBe(`/preview/post/${draft.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title);
  await expect(page.getByText(draft.marker)).toBeVisible();
  await page.close();
}

test('a Contributor’s preview link opens their own draft and no other post by URL (404)', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await opensPreview(context, contributorsDraft);
  for (const post of forbidden) {
    const response = await context.request.get(`/preview/post/${post.id}/`);
    expect(response.status(), post.what).toBe(404);
    expect(await response.text(), post.what).not.toContain(post.marker);
    // As a page, too: the grant names the type as well as the id.
    expect((await context.request.get(`/preview/page/${post.id}/`)).status(), post.what).toBe(404);
  }
  // Their own draft still opens afterwards: refusals took nothing away.
  expect(await (await context.request.get(`/preview/post/${contributorsDraft.id}/`)).text()).toContain(
    contributorsDraft.marker,
  );
  await context.close();
});

test('an Editor’s previews work, several at once in one browser', async ({ browser }) => {
  const context = await browser.newContext();
  await opensPreview(context, editorsDraft);
  // An Editor may edit the Contributor's draft, so WordPress gives them its link too.
  const theirs = await wordpressRequestAs<Previewable>(
    editor,
    'GET',
    `/wp/v2/posts/${contributorsDraft.id}`,
    {
      params: { context: 'edit' },
    },
  );
  expect(theirs.broadsheet_preview_link).toBeTruthy();
  await opensPreview(context, { ...contributorsDraft, link: theirs.broadsheet_preview_link ?? '' });
  for (const draft of [editorsDraft, contributorsDraft]) {
    const response = await context.request.get(`/preview/post/${draft.id}/`);
    expect(response.status(), draft.title).toBe(200);
    expect(await response.text()).toContain(draft.marker);
  }
  await context.close();
});

test('a grant cookie past its expiry is refused; the same grant unexpired is accepted', async ({
  browser,
  baseURL,
}) => {
  const target = { type: 'post', id: editorsDraft.id } as const;
  const now = Math.floor(Date.now() / 1000);
  const withGrant = async (expiresAt: number) => {
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: previewGrantCookieName(target),
        value: signPreviewGrant(secret, target, expiresAt),
        domain: new URL(baseURL ?? '').hostname,
        path: `/preview/post/${target.id}/`,
      },
    ]);
    const response = await context.request.get(`/preview/post/${target.id}/`);
    const result = { status: response.status(), body: await response.text() };
    await context.close();
    return result;
  };
  const expired = await withGrant(now - 60);
  expect(expired.status).toBe(404);
  expect(expired.body).not.toContain(editorsDraft.marker);
  const current = await withGrant(now + 60);
  expect(current.status).toBe(200);
  expect(current.body).toContain(editorsDraft.marker);
});

test('a preview changes nothing else for that browser: its cookie stays on the preview page, published pages come from the cache', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await opensPreview(context, contributorsDraft);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual([
    previewGrantCookieName({ type: 'post', id: contributorsDraft.id }),
  ]);
  for (const cookie of cookies) {
    expect(cookie.path).toBe(`/preview/post/${contributorsDraft.id}/`);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  }
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 1, page: 2 });
  const article = pathOf(data[0]?.link ?? '/');
  await expect
    .poll(
      async () => {
        await context.request.get(article);
        return (await context.request.get(article)).headers()['x-broadsheet-cache'];
      },
      { timeout: 30_000, intervals: [500] },
    )
    .toBe('HIT');
  await context.close();
});

test.describe('password-protected pages', () => {
  test('unlock with the right password, like posts', async ({ browser }) => {
    const password = 'page-door-key';
    const marker = `page-body-${randomUUID()}`;
    const page = await wordpressWrite<WordPressPost>('POST', '/wp/v2/pages', {
      title: 'Members’ notes',
      content: contentWith(marker),
      status: 'publish',
      password,
    });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(pathOf(page.link));
    await expect(tab.getByText(marker)).toHaveCount(0);
    await tab.getByLabel('Password').fill(password);
    await tab.getByRole('button', { name: 'Unlock' }).click();
    await expect(tab).toHaveURL(new RegExp(`/protected/page/${page.id}/$`));
    await expect(tab.getByText(marker)).toBeVisible();
    for (const cookie of await context.cookies()) expect(cookie.value).not.toContain(password);
    await context.close();
  });
});
