/** Runs once when the server starts: a wrong configuration stops it with a readable message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigurationOrExit } = await import('@/lib/config-check');
    checkConfigurationOrExit();
  }
}
