import { getConfig } from '@/lib/config';
import { createTransport } from './transport';

let transport: ReturnType<typeof createTransport> | undefined;

/**
 * A build prerenders pages with no reader waiting, often while WordPress is busy; a slow answer
 * there should not fail the build, so the deadline is longer than a reader's.
 */
const BUILD_TIMEOUT_MS = 60_000;

/** The process-wide transport to the configured WordPress. */
export function wordpressTransport() {
  const config = getConfig();
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  transport ??= createTransport({
    baseUrl: config.wordpressUrl,
    timeoutMs: building ? Math.max(config.wordpressTimeoutMs, BUILD_TIMEOUT_MS) : config.wordpressTimeoutMs,
    log: (message) => console.error(`[wordpress] ${message}`),
  });
  return transport;
}

/** Published content: cached under its tags, with the configured backstop. */
export function publishedCache(tags: readonly string[]) {
  return { tags, revalidateSeconds: getConfig().revalidateSeconds };
}
