/**
 * Everything that can go wrong talking to WordPress, as Error subclasses that name the endpoint.
 * Routes translate them: not found → 404, unavailable → an error page that is never cached
 * (so the last good page keeps being served), invalid response → the same, logged loudly.
 */
export class WordPressError extends Error {
  override name = 'WordPressError';
  constructor(
    message: string,
    readonly endpoint: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** WordPress answered 404, or a lookup found nothing. */
export class WordPressNotFoundError extends WordPressError {
  override name = 'WordPressNotFoundError';
}

/** WordPress could not be reached in time, or answered with a server error. Worth retrying later. */
export class WordPressUnavailableError extends WordPressError {
  override name = 'WordPressUnavailableError';
  constructor(
    message: string,
    endpoint: string,
    readonly status: number | null,
    options?: ErrorOptions,
  ) {
    super(message, endpoint, options);
  }
}

/** WordPress answered, but not with what Broadsheet expects (not JSON, or the wrong shape). */
export class WordPressInvalidResponseError extends WordPressError {
  override name = 'WordPressInvalidResponseError';
}

/** WordPress refused the request itself (4xx other than 404): bad credentials, wrong password, bad input. */
export class WordPressRequestRejectedError extends WordPressError {
  override name = 'WordPressRequestRejectedError';
  constructor(
    message: string,
    endpoint: string,
    readonly status: number,
    readonly code: string | null,
    options?: ErrorOptions,
  ) {
    super(message, endpoint, options);
  }
}
