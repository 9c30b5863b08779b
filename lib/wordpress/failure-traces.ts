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
 * Drops console.error calls that carry an error the transport has already reported. Everything
 * else — bugs, not-found errors that escaped a route, errors of other services — is printed as before.
 */
export function silenceReportedWordPressFailures(target: Pick<Console, 'error'> = console) {
  const print = target.error.bind(target);
  target.error = (...args: unknown[]) => {
    if (args.some(isReportedWordPressFailure)) return;
    print(...args);
  };
}
