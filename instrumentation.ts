/** Runs once when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { dedupeCachedRedirectHeaders } = await import('@/lib/dedupe-cached-redirect-headers');
    dedupeCachedRedirectHeaders();
    const { checkStartup } = await import('@/lib/startup');
    checkStartup();
  }
}
