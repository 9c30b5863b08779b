import { expect, test } from '@playwright/test';
import { pathOf, wordpressGet, wordpressGetAsEditor, type WordPressPost } from './wordpress';

/**
 * Posting comments through the frontend, with JavaScript and without. It adds comments to
 * WordPress, so it runs with the editors. WordPress's flood control allows one comment per
 * reader address every 15 seconds, and every test here comes from the same address: the tests
 * run in order and wait for it.
 */
test.describe.configure({ mode: 'serial' });

const FLOOD_INTERVAL_MS = 16_000;
let lastPostedAt = 0;

async function waitOutFloodControl() {
  const wait = lastPostedAt + FLOOD_INTERVAL_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/**
 * Called once the frontend has answered a comment: WordPress stored it before that answer, so the
 * interval counts from here (counting from the click would let a slow answer eat into it).
 */
function commentAnswered() {
  lastPostedAt = Date.now();
}

interface HeldComment {
  id: number;
  parent: number;
  status: string;
  author_name: string;
}

async function sourdough() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', {
    slug: 'sourdough-isnt-a-personality-but-it-helps',
  });
  if (!data[0]) throw new Error('seeded sourdough post is missing');
  return { id: data[0].id, path: pathOf(data[0].link) };
}

async function heldCommentsBy(postId: number, author: string) {
  const held = await wordpressGetAsEditor<HeldComment[]>('/wp/v2/comments', {
    post: postId,
    status: 'hold',
    context: 'edit',
    per_page: 100,
  });
  return held.filter((comment) => comment.author_name === author);
}

test('with JavaScript, a reply is sent in place and shown awaiting moderation', async ({ page }) => {
  test.setTimeout(90_000);
  const post = await sourdough();
  await page.goto(post.path);
  await page.getByRole('button', { name: 'Reply to Gareth Lowe' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Nell Quayle');
  await page.getByLabel('Email (not published)').fill('not-an-address');
  await page.getByLabel('Comment', { exact: true }).fill('Ship of Theseus, but make it bread.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Please enter a valid email address')).toBeVisible();
  await expect(page.getByLabel('Email (not published)')).toBeFocused();

  await page.getByLabel('Email (not published)').fill('nell.quayle@example.com');
  await waitOutFloodControl();
  await page.getByRole('button', { name: 'Post comment' }).click();
  const pending = page.locator('.comment--pending');
  await expect(pending).toContainText('Your comment is awaiting moderation.');
  commentAnswered();
  await expect(pending).toContainText('Ship of Theseus, but make it bread.');
  await expect(page).toHaveURL(new RegExp(`${post.path}$`));

  const [held] = await heldCommentsBy(post.id, 'Nell Quayle');
  expect(held?.parent, 'stored as a reply').toBeGreaterThan(0);
});

test('without JavaScript, the form posts and the story says the comment awaits moderation', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const post = await sourdough();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(post.path);
  await page.getByLabel('Name', { exact: true }).fill('Osric Penhale');
  await page.getByLabel('Email (not published)').fill('osric.penhale@example.com');
  await page.getByLabel('Comment', { exact: true }).fill('Mine lives in the fridge door and sulks.');
  await waitOutFloodControl();
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(/#comment-status-[a-z-]+$/);
  commentAnswered();
  await expect(page).toHaveURL(new RegExp(`${post.path}#comment-status-pending$`));
  await expect(page.getByText('Your comment is awaiting moderation')).toBeVisible();
  expect(await heldCommentsBy(post.id, 'Osric Penhale')).toHaveLength(1);
  await context.close();
});

test('a filled honeypot looks accepted but never reaches WordPress', async ({ request }) => {
  const post = await sourdough();
  const response = await request.post('/api/comments/', {
    form: {
      comment_post_ID: String(post.id),
      redirect_to: post.path,
      author: 'Bot McBotface',
      email: 'bot@example.com',
      comment: 'Cheap watches',
      company: 'Spam Inc.',
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe(`${post.path}#comment-status-pending`);
  expect(await heldCommentsBy(post.id, 'Bot McBotface')).toHaveLength(0);
});

test('too many comments from one reader are refused with 429 and Retry-After', async ({ request }) => {
  const post = await sourdough();
  let last = await request.post('/api/comments/', { data: { comment_post_ID: post.id } });
  for (let attempt = 0; attempt < 6 && last.status() !== 429; attempt++) {
    last = await request.post('/api/comments/', { data: { comment_post_ID: post.id } });
  }
  expect(last.status()).toBe(429);
  expect(Number(last.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await last.json()).toMatchObject({ ok: false, outcome: 'too-fast' });
});
