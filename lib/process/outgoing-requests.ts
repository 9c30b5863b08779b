import { Agent, setGlobalDispatcher } from 'undici';

export interface OutgoingRequestLimits {
  /** The WordPress deadline, applied again at the socket level. */
  timeoutMs: number;
  /** Open connections per origin; further requests wait in line in this process. */
  maxConnections: number;
}

/**
 * The connection pool for every outgoing HTTP request of this process (in practice, WordPress).
 *
 * - The deadline is applied at the socket level too. The transport's own AbortSignal covers the
 *   requests it makes, but when a cached fetch goes stale Next refetches it in the background
 *   WITHOUT the caller's signal (and other renders wait for that refetch): without this, a
 *   WordPress that accepts connections and never answers would hold them for undici's default
 *   five minutes.
 * - Connections are capped, so that when many pages render at once the queue forms here and not
 *   in WordPress. A request still waiting here when its deadline passes is dropped before
 *   WordPress sees it; one queued inside WordPress would still be rendered by PHP after the
 *   reader had given up, and under load that wasted work is what turns a slow WordPress into an
 *   unavailable one.
 */
export function createOutgoingDispatcher({ timeoutMs, maxConnections }: OutgoingRequestLimits) {
  return new Agent({
    connections: maxConnections,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

let installed = false;

/** Installs the pool above as the process-wide dispatcher that `fetch` (and Next's) uses. */
export function installOutgoingRequestLimits(limits: OutgoingRequestLimits) {
  if (installed) return;
  installed = true;
  setGlobalDispatcher(createOutgoingDispatcher(limits));
}
