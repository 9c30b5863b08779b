import { Agent, setGlobalDispatcher } from 'undici';

let installed = false;

/**
 * Bounds every outgoing HTTP request of this process by the WordPress deadline at the socket
 * level. The transport's own AbortSignal covers the requests it makes, but when a cached fetch
 * goes stale Next refetches it in the background WITHOUT the caller's signal (and other renders
 * wait for that refetch): without this, a WordPress that accepts connections and never answers
 * would hold them for undici's default five minutes.
 */
export function installRequestDeadline(timeoutMs: number) {
  if (installed) return;
  installed = true;
  setGlobalDispatcher(
    new Agent({ connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  );
}
