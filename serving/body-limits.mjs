// Request body caps, enforced before Next sees a request. Next buffers the body of every request
// its proxy (proxy.ts) matches, up to 10 MB, before any route runs, so a route's own size check
// comes after the memory is spent; here an oversize body is refused while it is still on the
// wire: a declared Content-Length over the cap is answered 413 at once, and a chunked body is
// cut off as soon as it passes the cap. Nothing beyond the cap is ever held in memory.

/**
 * Caps of the routes a stranger can POST to, by path (with or without the trailing slash).
 * Comments: WordPress takes 65,525 characters of comment; form-encoded, one character can
 * take up to nine bytes (a three-byte UTF-8 character, percent-encoded), plus the other fields.
 * Unlock: a password of at most 255 characters, likewise. The webhook: the same 64 KiB the
 * handler itself accepts (lib/wordpress/webhook.ts).
 */
export const ROUTE_BODY_LIMITS = new Map([
  ['/api/comments', 640 * 1024],
  ['/api/unlock', 8 * 1024],
  ['/api/revalidate', 64 * 1024],
]);

/**
 * Every other request: pages and the GET APIs (/api/posts, /api/search) read no body at all, and
 * a route added later without an entry above still gets a bound rather than Next's 10 MB.
 */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/** The cap for a request target such as "/api/comments/?x=1". */
export function bodyLimitFor(url) {
  const path = String(url ?? '/').split('?')[0] ?? '/';
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return ROUTE_BODY_LIMITS.get(trimmed) ?? DEFAULT_BODY_LIMIT;
}

const REFUSAL = 'Request body too large.\n';

/** Answers 413 and closes the connection after it, so the rest of the body is never waited for. */
function refuse(res) {
  if (res.headersSent) return;
  res.writeHead(413, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(REFUSAL),
    'cache-control': 'private, no-store',
    connection: 'close',
  });
  res.end(REFUSAL);
}

/**
 * From here on, whatever the application still writes to this response goes nowhere: it was
 * already answered.
 */
function silence(res) {
  for (const name of ['writeHead', 'setHeader', 'appendHeader', 'removeHeader', 'flushHeaders']) {
    res[name] = function ignored() {
      return this;
    };
  }
  res.write = () => true;
  res.end = function ignoredEnd(...args) {
    const callback = args.find((arg) => typeof arg === 'function');
    if (callback) queueMicrotask(callback);
    return this;
  };
}

/**
 * Enforces `limit` on the request body. Returns true when the request was answered here (413)
 * and must not be handed on. Otherwise the request goes on, and a chunked body that grows past
 * the limit is cut off on the way: the application never receives more than the limit (the rest
 * is discarded as it arrives, and the body never ends, so nothing acts on half a body), and the
 * reader gets the 413.
 */
export function enforceBodyLimit(req, res, limit = bodyLimitFor(req.url)) {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    // Node's parser holds the body to the declared length, so checking the declaration suffices.
    if (Number(declared) > limit) {
      refuse(res);
      return true;
    }
    return false;
  }
  if (req.headers['transfer-encoding'] === undefined) return false;
  let received = 0;
  let exceeded = false;
  const push = req.push;
  // Every chunk the HTTP parser reads is pushed here, whoever consumes the stream and however.
  req.push = function countedPush(chunk, encoding) {
    if (exceeded) return chunk === null ? false : true;
    if (chunk !== null && chunk !== undefined) {
      received += chunk.length;
      if (received > limit) {
        exceeded = true;
        refuse(res);
        silence(res);
        return true;
      }
    }
    return push.call(this, chunk, encoding);
  };
  return false;
}
