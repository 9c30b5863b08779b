import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getCommentPage } from './comments';

vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
vi.stubEnv('SITE_URL', 'http://localhost:3000');
const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

const routesAsked = () =>
  fetchMock.mock.calls.map(([input]) => new URL(String(input)).searchParams.get('rest_route'));

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const route = new URL(String(input)).searchParams.get('rest_route');
    const body =
      route === '/wp/v2/comments'
        ? [
            {
              id: 9,
              post: 42,
              parent: 0,
              author_name: 'Ana',
              author_url: '',
              date_gmt: '2024-01-01T10:00:00',
              content: { rendered: '<p>Lovely.</p>' },
              status: 'approved',
            },
          ]
        : { name: 'Site', description: '', url: 'http://wp.example.test', home: 'http://wp.example.test' };
    return new Response(JSON.stringify(body), {
      headers: { 'Content-Type': 'application/json', 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
    });
  });
});

describe('getCommentPage', () => {
  it('asks WordPress for the comments when it is not known whether there are any', async () => {
    const page = await getCommentPage(42, 1, null);
    expect(page?.totalComments).toBe(1);
    expect(routesAsked()).toContain('/wp/v2/comments');
  });

  it('does not ask for the comments of a post known to have none', async () => {
    const page = await getCommentPage(42, 1, false);
    expect(page).toMatchObject({ postId: 42, page: 1, totalPages: 1, totalComments: 0, threads: [] });
    expect(routesAsked()).not.toContain('/wp/v2/comments');
    expect(await getCommentPage(42, 2, false)).toBeNull();
  });
});
