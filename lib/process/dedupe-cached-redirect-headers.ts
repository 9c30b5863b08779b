import { ServerResponse } from 'node:http';

/** Headers that must appear once; a second, identical value is dropped. */
const SINGLE_VALUED = new Set(['location', 'x-nextjs-stale-time']);

let installed = false;

/**
 * Next 16 replays a cached redirect's headers with appendHeader on top of the ones the render
 * already set, so an ISR redirect (our 308 to a post's right path) carries `Location` twice —
 * invalid HTTP that proxies merge into "/a/, /a/" (vercel/next.js#82117, open). Until that is
 * fixed upstream, identical repeats of single-valued headers are skipped.
 */
export function dedupeCachedRedirectHeaders() {
  if (installed) return;
  installed = true;
  const append = ServerResponse.prototype.appendHeader;
  ServerResponse.prototype.appendHeader = function (this: ServerResponse, name, value) {
    if (SINGLE_VALUED.has(name.toLowerCase())) {
      const current = this.getHeader(name);
      const existing = Array.isArray(current) ? current : current === undefined ? [] : [String(current)];
      const incoming = Array.isArray(value) ? value : [String(value)];
      if (incoming.every((item) => existing.includes(item))) return this;
    }
    return append.call(this, name, value);
  };
}
