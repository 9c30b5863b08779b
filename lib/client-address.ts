/**
 * The header server.mjs sets on every request to the address of the connection itself,
 * replacing anything a client sent under that name.
 */
export const CONNECTION_ADDRESS_HEADER = 'x-broadsheet-client-address';

/**
 * The reader's address, for per-reader limits. Behind a trusted reverse proxy (TRUST_PROXY=true)
 * it is the first entry of X-Forwarded-For, which that proxy must write; otherwise the
 * connection's own address. X-Forwarded-For is never read otherwise: any client can send it.
 * Returns null when neither is known (e.g. `next dev`, which has no server.mjs).
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string | null {
  if (trustProxy) {
    const first = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return normalizeAddress(first);
  }
  const connection = headers.get(CONNECTION_ADDRESS_HEADER)?.trim();
  return connection ? normalizeAddress(connection) : null;
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is the same reader as "127.0.0.1". */
function normalizeAddress(address: string): string | null {
  const unmapped = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return /^[0-9a-f:.]{2,45}$/i.test(unmapped) ? unmapped.toLowerCase() : null;
}
