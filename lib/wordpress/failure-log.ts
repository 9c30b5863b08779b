import { WordPressInvalidResponseError, type WordPressError } from './errors';

/**
 * The endpoint a failure is reported under: the REST route with ids generalised, so that a
 * failing WordPress is one episode per kind of request, not one per post.
 */
export function endpointKey(route: string): string {
  return route.replace(/\/\d+(?=\/|$)/g, '/{id}');
}

/**
 * Logs WordPress failures by episode: the first failure of an endpoint is logged in one line,
 * later ones are only counted until a request to it succeeds, which is logged with the count.
 * During an outage every reader's request fails the same way; one line per endpoint says what
 * an operator needs to know, where a line (or a stack trace) per request would bury it.
 */
export function createFailureLog(log: (message: string) => void) {
  const failuresByEndpoint = new Map<string, number>();

  return {
    failed(error: WordPressError) {
      const key = endpointKey(error.endpoint);
      const failures = failuresByEndpoint.get(key);
      if (failures !== undefined) {
        failuresByEndpoint.set(key, failures + 1);
        return;
      }
      failuresByEndpoint.set(key, 1);
      const what = error instanceof WordPressInvalidResponseError ? 'answering invalid data' : 'unavailable';
      log(
        `${key} ${what}: ${error.message} ` +
          '(further failures of this endpoint are counted, not logged, until it recovers)',
      );
    },

    /** WordPress answered this endpoint (content, or a deliberate 404 or refusal). */
    answered(route: string) {
      const key = endpointKey(route);
      const failures = failuresByEndpoint.get(key);
      if (failures === undefined) return;
      failuresByEndpoint.delete(key);
      log(`${key} recovered after ${failures} failed ${failures === 1 ? 'request' : 'requests'}`);
    },
  };
}
