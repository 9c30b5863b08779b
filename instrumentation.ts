/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { dedupeCachedRedirectHeaders } = await import('@/lib/process/dedupe-cached-redirect-headers');
    dedupeCachedRedirectHeaders();
    // WordPress failures are logged once per endpoint and episode by the transport; Next's
    // stack trace per failed render would repeat them for every reader.
    const { silenceReportedWordPressFailures } = await import('@/lib/process/failure-traces');
    silenceReportedWordPressFailures();
    const { checkStartup } = await import('@/lib/process/startup');
    checkStartup();
  }
}
