import { getConfig } from '@/lib/config';
import { createTransport } from './transport';

let transport: ReturnType<typeof createTransport> | undefined;

/** The process-wide transport to the configured WordPress. */
export function wordpressTransport() {
  const config = getConfig();
  transport ??= createTransport({
    baseUrl: config.wordpressUrl,
    timeoutMs: config.wordpressTimeoutMs,
    log: (message) => console.error(`[wordpress] ${message}`),
  });
  return transport;
}

/** Published content: cached under its tags, with the configured backstop. */
export function publishedCache(tags: readonly string[]) {
  return { tags, revalidateSeconds: getConfig().revalidateSeconds };
}

export function wordpressHome() {
  return getConfig().wordpressUrl;
}
