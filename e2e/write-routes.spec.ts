import { expect, test } from '@playwright/test';
import { signedCommentHeaders } from '../lib/wordpress';
import { postFrom, sendHeadAndWait } from './raw-http';
import {
  pathOf,
  wordpressGet,
  wordpressGetAsEditor,
  wordpressUrl,
  wordpressWrite,
  type WordPressPost,
} from './wordpress';

/**
 * What a stranger can send to the routes that accept writes — comments, the unlock form, the
 * webhook — and to WordPress's own comment endpoint. It adds comments, so it runs with the
 * editors. Per-reader limits key on the connection's address and comment-editor.spec.ts uses up
 * 127.0.0.1's allowance, so comments posted here come from other loopback addresses.
 */
test.describe.configure({ mode: 'serial' });

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';
const secret = process.env.E2E_BROADSHEET_SECRET ?? '';
const TEN_MB = 10 * 1024 * 1024;

interface WordPressComment {
  id: number;
  author_name: string;
  author_ip?: string;
  status: string;
}

async function mountainRailway() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
    slug: 'the-mountain-railway-nobody-wanted-to-close',
  });
  if (!data[0]) throw new Error('seeded mountain railway post is missing');
  return { id: data[0].id, path: pathOf(data[0].link) };
}

/** The comment form's fields, as the story's form sends them. */
function commentFields(postId: number, path: string, author: string, comment: string) {
  return {
    comment_post_ID: String(postId),
    redirect_to: path,
    author,
    email: `${author.toLowerCase().replaceAll(' ', '.')}@example.com`,
    url: '',
    comment,
  };
}

/** A browser's same-origin request headers, as the comment island's fetch sends them. */
const SAME_ORIGIN = { Origin: baseURL, 'Sec-Fetch-Site': 'same-origin' };

// The deeply nested comment goes last among the comment tests: WordPress itself renders that
// post's comments slowly from then on.

test('a 10 MB body is refused (413) before it is sent, on every route that takes one and the GET APIs', async () => {
  const targets = [
    { method: 'POST', path: '/api/comments/', type: 'application/x-www-form-urlencoded' },
    { method: 'POST', path: '/api/unlock/', type: 'application/x-www-form-urlencoded' },
    { method: 'POST', path: '/api/revalidate/', type: 'application/json' },
    { method: 'GET', path: '/api/posts/?list=home&page=2', type: 'application/json' },
    { method: 'GET', path: '/api/search/?q=bread', type: 'application/json' },
  ];
  for (const { method, path, type } of targets) {
    const answer = await sendHeadAndWait(
      baseURL,
      { method, path, headers: { 'Content-Type': type, 'Content-Length': String(TEN_MB) } },
      'a'.repeat(1024),
    );
    expect(answer, `${method} ${path}`).toEqual({ status: 413, connection: 'close' });
  }
  // Without a declared length: cut off once the chunks pass the route's cap.
  const chunk = 'a'.repeat(700 * 1024);
  const chunked = await sendHeadAndWait(
    baseURL,
    {
      method: 'POST',
      path: '/api/comments/',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
    },
    `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
  );
  expect(chunked).toEqual({ status: 413, connection: 'close' });
});

test("the comment form refuses another site's posts (403) and accepts its own", async ({ browser }) => {
  const post = await mountainRailway();
  // Another site: the same server under another name is another origin, and another site.
  const elsewhere = baseURL.replace('127.0.0.1', 'localhost');
  const page = await browser.newPage();
  // Any page of the other origin will do; a static one costs WordPress nothing.
  await page.goto(`${elsewhere}/robots.txt`);
  const answer = page.waitForResponse((response) => response.url().includes('/api/comments/'));
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    {
      action: `${baseURL}/api/comments/`,
      fields: commentFields(post.id, post.path, 'Cross Site', 'Posted from a page elsewhere.'),
    },
  );
  expect((await answer).status()).toBe(403);
  await page.close();

  const form = (author: string, comment: string) =>
    new URLSearchParams(commentFields(post.id, post.path, author, comment)).toString();
  const formType = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const crossSite = await postFrom(
    '127.0.0.3',
    baseURL,
    '/api/comments/',
    { ...formType, 'Sec-Fetch-Site': 'cross-site' },
    form('Cross Site', 'Fetch metadata says elsewhere.'),
  );
  expect(crossSite.status).toBe(403);

  const sameSite = await postFrom(
    '127.0.0.3',
    baseURL,
    '/api/comments/',
    { ...formType, ...SAME_ORIGIN },
    form('Wren Halloran', 'Posted from the story itself.'),
  );
  expect(sameSite.status, sameSite.body).toBe(303);
  expect(sameSite.headers.location).toBe(`${post.path}#comment-status-pending`);
  const held = await wordpressGetAsEditor<WordPressComment[]>('/wp/v2/comments', {
    post: post.id,
    status: 'hold',
    context: 'edit',
    per_page: 100,
  });
  expect(held.filter((comment) => comment.author_name === 'Wren Halloran')).toHaveLength(1);
  expect(held.filter((comment) => comment.author_name === 'Cross Site')).toHaveLength(0);
});

test('WordPress refuses anonymous REST comments the frontend did not sign', async () => {
  const post = await mountainRailway();
  const endpoint = `${wordpressUrl}/?rest_route=/wp/v2/comments`;
  const send = (body: string, headers: Record<string, string>) =>
    fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const body = (comment: string) =>
    JSON.stringify({
      post: post.id,
      author_name: 'Straight To WordPress',
      author_email: 'straight@example.com',
      content: comment,
    });
  const now = Math.floor(Date.now() / 1000);

  const unsigned = await send(body(`No signature ${now}`), {});
  expect(unsigned.status).toBe(401);
  expect(((await unsigned.json()) as { code: string }).code).toBe('rest_comment_login_required');

  const refusals = {
    'another secret': [
      body(`Other secret ${now}`),
      signedCommentHeaders(body(`Other secret ${now}`), null, 'not-the-secret-at-all-1234', now),
    ],
    'an old timestamp': [
      body(`Old ${now}`),
      signedCommentHeaders(body(`Old ${now}`), null, secret, now - 600),
    ],
    'another body': [
      body(`Altered ${now}`),
      signedCommentHeaders(body(`Original ${now}`), null, secret, now),
    ],
    'another address': [
      body(`Readdressed ${now}`),
      {
        ...signedCommentHeaders(body(`Readdressed ${now}`), '198.51.100.23', secret, now),
        'X-Broadsheet-Commenter-Address': '198.51.100.24',
      },
    ],
  } as const;
  for (const [what, [sent, headers]] of Object.entries(refusals)) {
    expect((await send(sent, headers)).status, `signed with ${what}`).toBe(401);
  }

  // Signed as the frontend signs: accepted, with the address the frontend vouched for.
  const signedBody = body(`Signed by the frontend ${now}`);
  const signed = await send(signedBody, signedCommentHeaders(signedBody, '198.51.100.23', secret));
  expect(signed.status).toBe(201);
  const created = (await signed.json()) as WordPressComment;
  const stored = await wordpressGetAsEditor<WordPressComment>(`/wp/v2/comments/${created.id}`, {
    context: 'edit',
  });
  expect(stored.author_ip).toBe('198.51.100.23');
});

test('a comment nested 8,000 levels deep neither takes its article down nor stops later comments', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const post = await mountainRailway();
  const { data: before } = await wordpressGet<WordPressComment[]>('/wp/v2/comments', { post: post.id });
  expect(before.length, 'the seeded comments').toBeGreaterThan(0);

  // Alternating tags: WordPress flattens runs of one tag (<b><b>…), not these.
  const deep = `<p>${'<b><i>'.repeat(4000)}Down the well of tags.${'</i></b>'.repeat(4000)}</p>`;
  await wordpressWrite('POST', '/wp/v2/comments', { post: post.id, content: deep, status: 'approved' });

  // A later comment, posted through the frontend by a reader, then approved by an editor.
  const later = 'The funicular smelled of brake dust and oranges.';
  const posted = await postFrom(
    '127.0.0.2',
    baseURL,
    '/api/comments/',
    { ...SAME_ORIGIN, 'Content-Type': 'application/json' },
    JSON.stringify(commentFields(post.id, post.path, 'Ilse Marwood', later)),
  );
  expect(posted.status, posted.body).toBe(200);
  const result = JSON.parse(posted.body) as { ok: boolean; comment: { id: number } };
  expect(result.ok).toBe(true);
  await wordpressWrite('POST', `/wp/v2/comments/${result.comment.id}`, { status: 'approved' });

  await expect
    .poll(
      async () => {
        const response = await request.get(post.path);
        const html = await response.text();
        return {
          status: response.status(),
          deep: html.includes('Down the well of tags.'),
          later: html.includes(later),
          earlier: before.every((comment) => html.includes(comment.author_name)),
        };
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toEqual({ status: 200, deep: true, later: true, earlier: true });
});
