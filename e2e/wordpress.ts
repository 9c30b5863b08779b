import { randomUUID } from 'node:crypto';
import { signWebhook } from '../lib/wordpress';
/**
 * The tests' own window on the embedded WordPress: what WordPress says, to compare with what
 * the frontend shows. (The app itself only talks to WordPress through lib/wordpress.)
 */
export const wordpressUrl = process.env.E2E_WORDPRESS_URL ?? 'http://127.0.0.1:9411';
/**
 * The WordPress Address (`siteurl`), in every link WordPress writes to its own files. It differs
 * from `wordpressUrl` when the app reaches WordPress through the fault proxy (the tests talk to
 * WordPress directly).
 */
export const wordpressAddress = process.env.E2E_WORDPRESS_SITE_URL || wordpressUrl;
/**
 * The Site Address (`home`) WordPress writes its permalinks under: the WordPress Address, unless
 * a run moves it elsewhere (E2E_WORDPRESS_HOME, e.g. a sub-folder of another origin).
 */
export const home = (process.env.E2E_WORDPRESS_HOME || wordpressAddress).replace(/\/+$/, '');
export const permalinkStructure = process.env.E2E_PERMALINK_STRUCTURE ?? '/%postname%/';

export interface WordPressPost {
  id: number;
  slug: string;
  link: string;
  title: { rendered: string };
  sticky: boolean;
  featured_media: number;
  content: { rendered: string; protected: boolean };
}

/** WordPress answered a read with an error status. */
export class WordPressAnswerError extends Error {
  constructor(
    route: string,
    readonly status: number,
  ) {
    super(`WordPress ${route} answered ${status}`);
  }
}

export async function wordpressGet<T>(route: string, params: Record<string, string | number> = {}) {
  const url = new URL(`${wordpressUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const response = await fetch(url);
  if (!response.ok) throw new WordPressAnswerError(route, response.status);
  return {
    data: (await response.json()) as T,
    total: Number(response.headers.get('X-WP-Total')),
    totalPages: Number(response.headers.get('X-WP-TotalPages')),
  };
}

/** Every published post, newest first. */
export async function allPublishedPosts(): Promise<WordPressPost[]> {
  const posts: WordPressPost[] = [];
  for (let page = 1; ; page++) {
    const { data, totalPages } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { per_page: 100, page });
    posts.push(...data);
    if (page >= totalPages) return posts;
  }
}

/** The frontend path of a WordPress link: its path after the Site Address. */
export function pathOf(link: string, siteAddress = home): string {
  const url = new URL(link);
  const base = new URL(`${siteAddress.replace(/\/+$/, '')}/`);
  if (url.origin !== base.origin) return url.pathname;
  if (`${url.pathname}/` === base.pathname) return '/';
  return url.pathname.startsWith(base.pathname)
    ? `/${url.pathname.slice(base.pathname.length)}`
    : url.pathname;
}

/** WordPress titles are HTML; this is the text a reader sees. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

const editorUser = process.env.E2E_WORDPRESS_USER ?? 'admin';
const editorPassword = process.env.E2E_WORDPRESS_APPLICATION_PASSWORD ?? '';

/** What an editor does in WordPress, through its REST API with an Application Password. */
export async function wordpressWrite<T>(
  method: 'POST' | 'DELETE',
  route: string,
  body: Record<string, unknown> = {},
  params: Record<string, string | number> = {},
): Promise<T> {
  const url = new URL(`${wordpressUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${editorUser}:${editorPassword}`).toString('base64')}`,
    },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  });
  if (!response.ok)
    throw new Error(`WordPress ${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** An authenticated read (drafts, edit context). */
export async function wordpressGetAsEditor<T>(
  route: string,
  params: Record<string, string | number> = {},
): Promise<T> {
  const url = new URL(`${wordpressUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const response = await fetch(url, {
    headers: { Authorization: `Basic ${Buffer.from(`${editorUser}:${editorPassword}`).toString('base64')}` },
  });
  if (!response.ok) throw new WordPressAnswerError(route, response.status);
  return (await response.json()) as T;
}

const broadsheetSecret = process.env.E2E_BROADSHEET_SECRET ?? '';

/** The headers the companion plugin signs a webhook body with, as of now. */
export function webhookSignatureHeaders(body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    'X-Broadsheet-Timestamp': timestamp,
    'X-Broadsheet-Signature': signWebhook(broadsheetSecret, timestamp, body),
  };
}

/** What the companion plugin sends when a post changes: the app marks its page and lists stale. */
export async function sendPostUpdatedWebhook(baseURL: string, object: { id: number; slug: string }) {
  const body = JSON.stringify({ id: randomUUID(), type: 'post', action: 'updated', object });
  return fetch(`${baseURL}/api/revalidate/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...webhookSignatureHeaders(body) },
    body,
  });
}

/** A WordPress user the tests act as, with one of their Application Passwords. */
export interface WordPressAccount {
  id: number;
  user: string;
  applicationPassword: string;
}

/** A REST request as `account` (a Contributor, an Editor…), to see what that role may do. */
export async function wordpressRequestAs<T>(
  account: WordPressAccount,
  method: 'GET' | 'POST',
  route: string,
  options: { body?: Record<string, unknown>; params?: Record<string, string | number> } = {},
): Promise<T> {
  const url = new URL(`${wordpressUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(options.params ?? {})) url.searchParams.set(key, String(value));
  const response = await fetch(url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${account.user}:${account.applicationPassword}`).toString('base64')}`,
    },
    body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
  });
  if (!response.ok)
    throw new Error(
      `WordPress ${method} ${route} as ${account.user} answered ${response.status}: ${await response.text()}`,
    );
  return (await response.json()) as T;
}

/** A new WordPress user with `role`, created by the administrator, and an Application Password for them. */
export async function createWordPressAccount(
  role: 'contributor' | 'author' | 'editor',
): Promise<WordPressAccount> {
  const user = `${role}-${Date.now()}-${randomUUID().slice(0, 8)}`;
  const created = await wordpressWrite<{ id: number }>('POST', '/wp/v2/users', {
    username: user,
    email: `${user}@example.com`,
    password: randomUUID(),
    roles: [role],
  });
  const { password } = await wordpressWrite<{ password: string }>(
    'POST',
    `/wp/v2/users/${created.id}/application-passwords`,
    { name: 'End-to-end tests' },
  );
  return { id: created.id, user, applicationPassword: password };
}
