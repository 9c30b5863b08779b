/**
 * The header server.mjs sets on every request to the address of the connection itself,
 * replacing anything a client sent under that name.
 */
export const CONNECTION_ADDRESS_HEADER = 'x-broadsheet-client-address';

/**
 * The reader's address, for per-reader limits and for WordPress's own flood and spam checks.
 *
 * Behind a trusted reverse proxy (TRUST_PROXY=true) it is the right-most entry of
 * X-Forwarded-For: the one that proxy wrote itself. Entries to its left came with the request
 * and are whatever the client chose to send, since a proxy that appends keeps them. (Several
 * proxies in a row: the one next to this server must pass on the reader's address as the last
 * entry, e.g. nginx's real_ip module trusting the outer proxies' ranges.) Otherwise it is the
 * connection's own address, and X-Forwarded-For is never read: any client can send it.
 * Returns null when neither is known (e.g. `next start` or `next dev`, which do not run
 * server.mjs), and says once in the log when readers are about to share one address.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string | null {
  const connection = headers.get(CONNECTION_ADDRESS_HEADER)?.trim();
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  const forwarded = last ? normalizeAddress(last) : null;
  if (trustProxy && forwarded) return forwarded;
  const address = connection ? normalizeAddress(connection) : null;
  warnOnceIfShared(address, trustProxy ? null : forwarded);
  return address;
}

let warned = false;

/**
 * Per-reader limits key on the address; when every request seems to come from one place, every
 * reader shares one allowance (five comments in ten minutes for the whole site). That happens
 * behind a proxy with TRUST_PROXY off, and on a server other than server.mjs: the operator must
 * hear about it, once.
 */
function warnOnceIfShared(address: string | null, untrustedForwarded: string | null) {
  if (warned) return;
  let problem: string | null = null;
  if (address === null) {
    problem =
      'the connection address is unknown (is the app served by server.mjs? `next start` does not set it)';
  } else if (untrustedForwarded && untrustedForwarded !== address && isPrivateAddress(address)) {
    // Next itself fills in X-Forwarded-For with the connection's address when none came, so
    // only another address there tells of a proxy.
    problem = `requests arrive from ${address} with X-Forwarded-For, so a proxy seems to be in front; if it writes the reader's address there, set TRUST_PROXY=true`;
  }
  if (problem === null) return;
  warned = true;
  console.warn(`[client-address] ${problem}. Until then every reader shares one per-reader limit.`);
}

/**
 * "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) is the same reader as "127.0.0.1";
 * a port or brackets a proxy may add ("203.0.113.5:4711", "[2001:db8::1]:443") are dropped.
 */
function normalizeAddress(address: string): string | null {
  const withoutPort = address
    .replace(/^\[([^\]]+)\](?::\d+)?$/, '$1')
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  const unmapped = withoutPort.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return /^[0-9a-f:.]{2,45}$/i.test(unmapped) ? unmapped.toLowerCase() : null;
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): number[] | null => {
    if (!part) return [];
    const groups: number[] = [];
    for (const piece of part.split(':')) {
      if (/^\d+\.\d+\.\d+\.\d+$/.test(piece)) {
        const octets = piece.split('.').map(Number);
        if (octets.some((octet) => octet > 255)) return null;
        const [a = 0, b = 0, c = 0, d = 0] = octets;
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

/**
 * The key a per-reader limit counts an address under: an IPv4 address as it is, an IPv6 address
 * by its /64 network. One IPv6 subscriber or server usually holds a whole /64 (2^64 addresses),
 * so counting single IPv6 addresses would give each of them an unlimited supply of fresh keys.
 * Anything that is not an IPv6 address is returned unchanged.
 */
export function addressKey(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** Loopback, private and link-local ranges: where a reverse proxy next to this server would be. */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(address);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const first = groups[0] ?? 0;
  const isLoopback = groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1;
  return isLoopback || (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
