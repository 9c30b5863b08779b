// Carries "something was revalidated" between instances through Redis pub/sub, so each one
// empties its in-memory page copies (the ISR cache itself is shared through Redis by the cache
// handler). Without REDIS_URL it does nothing; when Redis is down it logs once and every
// instance keeps serving, and when Redis is back each instance empties its copies once, since
// it may have missed messages meanwhile.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';

const CHANNEL = 'broadsheet:revalidated';

/**
 * @param {{ redisUrl?: string, onRemoteRevalidation: (tags: string[]) => void, log: (message: string) => void }} options
 */
export function createRevalidationBus({ redisUrl, onRemoteRevalidation, log }) {
  if (!redisUrl) return { publish() {}, async close() {} };
  const instance = randomUUID();
  const options = {
    url: redisUrl,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5_000) },
  };
  const publisher = createClient(options);
  const subscriber = createClient(options);
  let down = false;
  let everReady = false;

  const onError = (error) => {
    if (down) return;
    down = true;
    log(
      `[cache] Redis is unreachable (${error.message}); serving from this instance's memory until it is back`,
    );
  };
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('ready', () => {
    if (everReady) {
      log('[cache] Redis is back; emptying this instance’s page copies in case a message was missed');
      onRemoteRevalidation([]);
    }
    everReady = true;
    down = false;
  });

  publisher.connect().catch(onError);
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(CHANNEL, (message) => {
        try {
          const parsed = JSON.parse(message);
          if (parsed.instance !== instance)
            onRemoteRevalidation(Array.isArray(parsed.tags) ? parsed.tags : []);
        } catch {
          // Not ours; ignored.
        }
      }),
    )
    .catch(onError);

  return {
    publish(tags) {
      if (!publisher.isReady) return;
      publisher.publish(CHANNEL, JSON.stringify({ instance, tags })).catch(onError);
    },
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
