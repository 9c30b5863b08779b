/**
 * Errors the transport has already reported through its failure log (one line per endpoint and
 * episode). Next prints every error a render throws, stack and all, once per request; for these
 * that would be one stack trace per reader during an outage, saying nothing the log line did not.
 * Matched by name: instrumentation and routes are bundled apart, so `instanceof` cannot be used.
 */
const REPORTED_BY_TRANSPORT = new Set(['WordPressUnavailableError', 'WordPressInvalidResponseError']);

export function isReportedWordPressFailure(value: unknown): boolean {
  return value instanceof Error && REPORTED_BY_TRANSPORT.has(value.name);
}

/**
 * The network error code of a failed `fetch` ("fetch failed" caused by ECONNRESET,
 * UND_ERR_HEADERS_TIMEOUT…), or null for anything else. When a cached WordPress answer goes
 * stale, Next refreshes it in the background, outside the transport, and prints such failures
 * with their stack; lib/wordpress is the only code that fetches, so they are WordPress's.
 */
export function backgroundRefreshFailureCode(value: unknown): string | null {
  if (!(value instanceof TypeError) || value.message !== 'fetch failed') return null;
  const cause: unknown = value.cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? code : null;
}

/** A background refresh failing the same way is reported again after this long at the soonest. */
const REFRESH_REPORT_INTERVAL_MS = 60_000;

/**
 * Drops console.error calls that carry an error the transport has already reported, and turns
 * Next's failed background refreshes into one line per kind of failure and minute. Everything
 * else — bugs, not-found errors that escaped a route, errors of other services — is printed as before.
 */
export function silenceReportedWordPressFailures(target: Pick<Console, 'error'> = console, now = Date.now) {
  const print = target.error.bind(target);
  const lastReported = new Map<string, number>();
  target.error = (...args: unknown[]) => {
    if (args.some(isReportedWordPressFailure)) return;
    const code = args.length === 1 ? backgroundRefreshFailureCode(args[0]) : null;
    if (code === null) {
      print(...args);
      return;
    }
    const last = lastReported.get(code);
    if (last !== undefined && now() - last < REFRESH_REPORT_INTERVAL_MS) return;
    lastReported.set(code, now());
    print(
      `[wordpress] refreshing a cached answer in the background failed (fetch failed: ${code}); ` +
        'the cached answer is kept (repeats within a minute are not logged)',
    );
  };
}
