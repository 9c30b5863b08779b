// The fast path in front of Next's request handler: cached pages are answered from memory,
// pre-compressed, without entering Next; everything else goes to Next, and what Next answers
// from its ISR cache is copied into memory on the way out. See page-cache.mjs for what may be
// copied and why the copy can never outlive a revalidation.
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { applyCacheTags, staleAnswerCacheControl } from './cache-tags.mjs';
import { chooseEncoding, etagFor, isStorable, matchesEtag } from './page-cache.mjs';
import { contentSecurityPolicy, inlineScriptHashes, isHtml } from './security-headers.mjs';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const MAX_KEY_LENGTH = 2048;
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/;

/**
 * Query parameters that only carry analytics (campaign tags, click ids). Nothing in the app
 * reads them, so a page's copy answers a request that carries them.
 */
const TRACKING_PARAMETER =
  /^(?:utm_[a-z0-9_]+|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok)$/i;

/** Whether a query string (without its "?") holds nothing but tracking parameters. */
function isTrackingOnly(query) {
  return query
    .split('&')
    .every((pair) => pair === '' || TRACKING_PARAMETER.test(pair.slice(0, (pair + '=').indexOf('='))));
}

/**
 * The fast layer's key for a request, or null when the request must reach Next: only plain
 * GET/HEAD page and asset reads; never client-router (RSC) requests, previews (Draft Mode's
 * cookie), Next's own revalidation requests, server actions or API routes.
 *
 * The key is the path alone. Only responses from Next's ISR cache are copied, and those come
 * from routes whose rendering cannot read the query (reading it makes a route dynamic, and
 * Next's own ISR keys static routes by path), so a query string could only multiply copies
 * of the same page: `?x=<random>` on every request would store a new one each time (gzip 9
 * and brotli) and push real pages out. So a query made only of tracking parameters is
 * answered by the path's copy, and any other query string goes to Next, which decides what
 * it means (search, a password error, WordPress's `/?s=`), and is never stored.
 * @param {import('node:http').IncomingMessage} req
 */
export function cacheKeyFor(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '/';
  if (url.length > MAX_KEY_LENGTH || !url.startsWith('/') || url.startsWith('/api/')) return null;
  const headers = req.headers;
  if (
    headers.rsc !== undefined ||
    headers['next-router-prefetch'] !== undefined ||
    headers['next-router-state-tree'] !== undefined ||
    headers['next-router-segment-prefetch'] !== undefined ||
    headers['next-action'] !== undefined ||
    headers['x-prerender-revalidate'] !== undefined
  ) {
    return null;
  }
  if (/(?:^|;\s*)__prerender_bypass=/.test(headers.cookie ?? '')) return null;
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  return isTrackingOnly(url.slice(queryStart + 1)) ? url.slice(0, queryStart) : null;
}

/**
 * Whether a request is for an HTML document Next renders (a page, its 404 or error page), as
 * opposed to a client-router (RSC) payload, a static asset or an API route: the responses that
 * get a page Content-Security-Policy, previews included.
 * @param {import('node:http').IncomingMessage} req
 */
export function isDocumentRequest(req) {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '/';
  if (url.startsWith('/_next/') || url.startsWith('/api/')) return false;
  return req.headers.rsc === undefined && req.headers['next-router-prefetch'] === undefined;
}

function withVary(headers) {
  const vary = String(headers.vary ?? '');
  return /\baccept-encoding\b/i.test(vary)
    ? headers
    : { ...headers, vary: vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding' };
}

const PREPARED_HEADERS = Symbol('response headers per encoding and cache status');

/** The headers of one way of sending an entry, built once per entry and reused for every hit. */
function preparedHeaders(entry, encoding, fastCache, body) {
  entry[PREPARED_HEADERS] ??= new Map();
  const key = `${encoding}:${fastCache}`;
  let headers = entry[PREPARED_HEADERS].get(key);
  if (!headers) {
    headers = withVary({
      ...entry.headers,
      etag: etagFor(entry.etag, encoding, entry.brotliQuality),
      'x-broadsheet-cache': fastCache,
    });
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    // A stale copy is kept by shared caches for a second only, as Next's own stale answers are.
    if (fastCache === 'STALE' && typeof headers['cache-control'] === 'string')
      headers['cache-control'] = staleAnswerCacheControl(headers['cache-control']);
    headers['content-length'] = String(body.length);
    // The answer that filled the copy says what Next's own cache did; later copies do not ask it.
    if (fastCache === 'MISS' && entry.isrStatus) headers['x-nextjs-cache'] = entry.isrStatus;
    entry[PREPARED_HEADERS].set(key, headers);
  }
  return headers;
}

/**
 * Writes a stored entry in the encoding the client prefers among those it has.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {import('./page-cache.mjs').PageEntry} entry
 * @param {'HIT' | 'MISS' | 'STALE'} fastCache whether the answer came from memory, was just stored,
 *   or came from a copy a revalidation made stale (its fresh page being rendered meanwhile)
 */
export function sendEntry(req, res, entry, fastCache) {
  const encoding = chooseEncoding(req.headers['accept-encoding'], { br: entry.bodies.br !== null });
  const body = entry.bodies[encoding] ?? entry.bodies.identity;
  const headers = preparedHeaders(entry, encoding, fastCache, body);
  if (req.headers['if-none-match'] !== undefined && matchesEtag(req.headers['if-none-match'], entry.etag)) {
    res.writeHead(304, {
      etag: headers.etag,
      vary: headers.vary,
      'cache-control': headers['cache-control'],
      'x-broadsheet-cache': fastCache,
    });
    res.end();
    return;
  }
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Holds back everything Next writes for this request, then either stores it (and sends the
 * stored entry) or sends it as it is, compressed for the client when worth it. Accept-Encoding
 * is removed from the request first, so Next hands over the plain body to compress once. An
 * HTML page gets its Content-Security-Policy here, from its own inline scripts.
 * Returns nothing; installs itself on `res`.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ key: string | null, pageCache: import('./page-cache.mjs').PageCache | null,
 *   mediaOrigin?: string, tagPrefix?: string, log: (message: string) => void }} options
 *   key or pageCache null: nothing is stored (the policy and compression still apply);
 *   tagPrefix: CACHE_TAG_PREFIX, for the cache-tag headers (cache-tags.mjs)
 */
export function captureIntoCache(req, res, { key, pageCache, mediaOrigin, tagPrefix = '', log }) {
  const generation = pageCache?.generation ?? 0;
  const acceptEncoding = req.headers['accept-encoding'];
  delete req.headers['accept-encoding'];
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  };
  const chunks = [];

  const push = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'),
    );
  };
  const restore = () => Object.assign(res, original);

  res.writeHead = function writeHead(status, ...rest) {
    res.statusCode = status;
    const headers = rest.find((item) => item && typeof item === 'object' && !Array.isArray(item));
    if (headers)
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined) res.setHeader(name, value);
    return this;
  };
  res.flushHeaders = () => {};
  res.write = function write(chunk, encoding, callback) {
    push(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    push(chunk, encoding);
    const done = [chunk, encoding, callback].find((item) => typeof item === 'function');
    restore();
    req.headers['accept-encoding'] = acceptEncoding;
    finish().then(
      () => done?.(),
      (error) => {
        log(
          `[fast-path] could not send ${req.url}: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!res.headersSent) {
          res.statusCode = 500;
        }
        res.end();
      },
    );
    return this;
  };

  async function finish() {
    const body = Buffer.concat(chunks);
    const status = res.statusCode;
    if (isHtml(res.getHeader('content-type')) && !res.getHeader('content-encoding')) {
      const scriptHashes = inlineScriptHashes(body.toString('utf8'));
      res.setHeader('content-security-policy', contentSecurityPolicy({ scriptHashes, mediaOrigin }));
    }
    const tags = applyCacheTags(res, tagPrefix);
    const headers = res.getHeaders();
    if (key && pageCache && !headers['content-encoding'] && isStorable(status, headers)) {
      const entry = await pageCache.store(key, { status, headers, body }, generation, tags);
      if (entry) {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        sendEntry(req, res, entry, 'MISS');
        return;
      }
    }
    await sendAsIs(req, res, body, String(acceptEncoding ?? ''));
  }
}

async function sendAsIs(req, res, body, acceptEncoding) {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const type = String(res.getHeader('content-type') ?? '');
  const alreadyEncoded = res.getHeader('content-encoding') !== undefined;
  const encoding = chooseEncoding(acceptEncoding);
  if (
    !alreadyEncoded &&
    encoding !== 'identity' &&
    body.length > 1024 &&
    COMPRESSIBLE.test(type) &&
    res.statusCode !== 304
  ) {
    // Not stored (personal, stale or an error): compressed for this one response, quickly.
    const compressed =
      encoding === 'br'
        ? await brotliAsync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } })
        : await gzipAsync(body, { level: 6 });
    res.setHeader('content-encoding', encoding);
    res.setHeader('vary', withVary({ vary: res.getHeader('vary') }).vary);
    res.removeHeader('etag');
    body = compressed;
  }
  if (!res.headersSent) res.setHeader('content-length', String(body.length));
  res.end(body);
}
