import { parsePostListParams } from '@/lib/post-list-api';
import { listPosts, listSearchSuggestions, WordPressError } from '@/lib/wordpress';

/**
 * The JSON route handlers behind the islands. Their answers are public and the same for every
 * reader, so a CDN may keep them briefly; errors are never cached and always say what was wrong.
 */
const SHARED_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';
const NO_STORE = 'no-store';

export const MIN_SEARCH_LENGTH = 2;
export const MAX_SEARCH_LENGTH = 100;

function jsonError(status: number, error: string, message: string) {
  return Response.json({ error, message }, { status, headers: { 'Cache-Control': NO_STORE } });
}

function unavailable(error: unknown) {
  if (!(error instanceof WordPressError)) throw error;
  console.error(`[islands] ${error.message}`);
  return jsonError(503, 'unavailable', 'The content server did not answer. Try again in a moment.');
}

/** GET /api/search/?q=term → { results: [{ title, path, excerpt }] }. */
export async function handleSearchSuggestions(request: Request): Promise<Response> {
  const raw = new URL(request.url).searchParams.get('q');
  // Control characters carry no meaning in a search and would only vary the cache key.
  const term = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (term.length < MIN_SEARCH_LENGTH)
    return jsonError(400, 'too-short', `Search for at least ${MIN_SEARCH_LENGTH} characters (parameter q).`);
  if (term.length > MAX_SEARCH_LENGTH)
    return jsonError(400, 'too-long', `Search for at most ${MAX_SEARCH_LENGTH} characters.`);
  try {
    const results = await listSearchSuggestions(term);
    return Response.json({ results }, { headers: { 'Cache-Control': SHARED_CACHE } });
  } catch (error) {
    return unavailable(error);
  }
}

/** GET /api/posts/?list=…&page=N → one page of a list, the shape the server pages render. */
export async function handlePostListPage(request: Request): Promise<Response> {
  const parsed = parsePostListParams(new URL(request.url).searchParams);
  if (!parsed)
    return jsonError(
      400,
      'bad-request',
      'Name a list (list=home|type|term|author|date, with type, taxonomy and id, or year/month/day) and a page (page=2).',
    );
  try {
    const posts = await listPosts(parsed.list, parsed.page);
    if (!posts || posts.items.length === 0) return jsonError(404, 'not-found', 'That list has no such page.');
    return Response.json(posts, { headers: { 'Cache-Control': SHARED_CACHE } });
  } catch (error) {
    return unavailable(error);
  }
}
