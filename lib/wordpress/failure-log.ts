import { WordPressInvalidResponseError, type WordPressError } from './errors';

/**
 * The endpoint a failure is reported under: the REST route with ids generalised, so that a
 * failing WordPress is one episode per kind of request, not one per post.
 */
export function endpointKey(route: string): string {
  return route.replace(/\/\d+(?=\/|$)/g, '/{id}');
}

/** URLs remembered per failing endpoint: enough to recognise the recovery, bounded for memory. */
const MAX_FAILED_URLS = 100;

/**
 * Logs WordPress failures by episode: the first failure of an endpoint is logged in one line,
 * later ones are only counted until the endpoint recovers, which is logged with the count.
 * During an outage every reader's request fails the same way; one line per endpoint says what
 * an operator needs to know, where a line (or a stack trace) per request would bury it.
 *
 * The recovery is an answer to a URL that failed in the episode. Any answer would not do: Next
 * serves cached answers through the same fetch, so other URLs keep "succeeding" all through an
 * outage; a URL that failed had no fresh cached answer, so its answer comes from WordPress.
 */
export function createFailureLog(log: (message: string) => void) {
  const episodes = new Map<string, { failures: number; failedUrls: Set<string> }>();

  return {
    failed(error: WordPressError, url: string) {
      const key = endpointKey(error.endpoint);
      const episode = episodes.get(key);
      if (episode) {
        episode.failures++;
        if (episode.failedUrls.size < MAX_FAILED_URLS) episode.failedUrls.add(url);
        return;
      }
      episodes.set(key, { failures: 1, failedUrls: new Set([url]) });
      const what = error instanceof WordPressInvalidResponseError ? 'answering invalid data' : 'unavailable';
      log(
        `${key} ${what}: ${error.message} ` +
          '(further failures of this endpoint are counted, not logged, until it recovers)',
      );
    },

    /** WordPress answered this URL (content, or a deliberate 404 or refusal). */
    answered(route: string, url: string) {
      const key = endpointKey(route);
      const episode = episodes.get(key);
      if (!episode?.failedUrls.has(url)) return;
      episodes.delete(key);
      const { failures } = episode;
      log(`${key} recovered after ${failures} failed ${failures === 1 ? 'request' : 'requests'}`);
    },
  };
}
