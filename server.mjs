#!/usr/bin/env node
// Broadsheet's production server: Next's own request handler, inside a plain Node HTTP server
// that adds six things Next 16 cannot express for a headless WordPress frontend:
//
// - A page that has never been cached and cannot be rendered because WordPress is down, slow or
//   answering garbage gets a 503 with Retry-After and a readable page, never stored by any
//   cache. (App Router pages can only end in 404/401/403/redirects; their errors are 500s.) The
//   last good copy of a cached page is still served by ISR and never reaches this path. A reader
//   also gets that 503 once the WordPress deadline (plus a margin) has passed without an answer:
//   a render may make several WordPress requests in turn, and Next may render a failing page
//   twice, so the deadline of each request does not bound the reader's wait by itself. Next's
//   render is left to finish on its own.
// - A 404 raised with notFound() in a page rendered on request arrives as an empty HTML shell
//   that only JavaScript fills (vercel/next.js#62228); readers without JavaScript and crawlers
//   get the prerendered not-found page instead, with the same status.
// - Pages Next answers from its ISR cache are kept in memory, gzip and brotli computed once,
//   and later requests for them are answered from there without entering Next (serving/).
//   A revalidation makes the copies of the pages that carry one of its tags stale, on this
//   instance and, through Redis, on every other (the cache handler carries the message): they
//   are served, marked stale, only while one request at a time fetches the fresh page. Every
//   response from Next's cache names its tags for the HTTP caches in front (serving/cache-tags.mjs).
// - A path a Redirection rule matches is answered with the rule's own status (301, 302, 307, 308
//   or 410), where Next's page can only redirect with 307 or 308: the page redirects to a
//   rule-answer address that says what the rule says, and that redirect is rewritten here into
//   the rule's answer (serving/rule-answers.mjs).
// - A request body over its route's cap is refused with 413 before Next would buffer it
//   (serving/body-limits.mjs).
// - Every request carries the address of the connection it came on (x-broadsheet-client-address,
//   always overwritten), from which the app's per-reader limits read the reader's address.
//
// It reads WordPress's address and deadline from the app's own configuration reader
// (lib/environment.mjs), so both agree; PORT, HOSTNAME, PAGE_CACHE and PAGE_CACHE_MAX_MB are
// read here only, as only this server uses them.
//
// Usage: node server.mjs [--port 3000] [--hostname 0.0.0.0]   (after `next build`)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import next from 'next';
import { configurationFailureMessage, ConfigurationError, parseConfig } from './lib/environment.mjs';
import { enforceBodyLimit } from './serving/body-limits.mjs';
import { applyCacheTags, tagPrefixFrom } from './serving/cache-tags.mjs';
import { purgersFromEnvironment } from './serving/purge.mjs';
import { cacheKeyFor, captureIntoCache, isDocumentRequest, sendEntry } from './serving/fast-path.mjs';
import { PageCache } from './serving/page-cache.mjs';
import { readRuleAnswerAddress } from './serving/rule-answers.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string' }, hostname: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const config = readConfig();

const pageCache = new PageCache({
  maxBytes: Number(process.env.PAGE_CACHE_MAX_MB ?? 256) * 1024 * 1024,
  // A ceiling, not the freshness mechanism: revalidations empty the store at once. It bounds
  // how late a time-based (backstop) revalidation is seen, and any message lost with Redis.
  maxAgeMs: 60_000,
  minRenderIntervalMs: readRenderInterval(),
});
const pageCacheEnabled = process.env.PAGE_CACHE !== 'off';
const tagPrefix = readTagPrefix();
// Uploaded media is served by WordPress; pages' Content-Security-Policy allows its origin.
const mediaOrigin = new URL(config.wordpressUrl).origin;

/**
 * The app's own configuration (lib/environment.mjs), read as the app reads it. The app has
 * checked it already while starting (instrumentation.ts) and stopped on a mistake; this says the
 * same should it ever be read here first.
 */
function readConfig() {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(configurationFailureMessage(error));
    process.exit(1);
  }
}

/**
 * PAGE_CACHE_RENDER_INTERVAL_MS: how soon after a page was rendered a change may have it rendered
 * again (serving/page-cache.mjs); unset, the store's own default.
 */
function readRenderInterval() {
  const value = process.env.PAGE_CACHE_RENDER_INTERVAL_MS;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value)) {
    console.error(`PAGE_CACHE_RENDER_INTERVAL_MS must be a whole number of milliseconds, not "${value}"`);
    process.exit(1);
  }
  return Number(value);
}

/** CACHE_TAG_PREFIX, with the purgers' variables checked at start rather than at the first edit. */
function readTagPrefix() {
  try {
    purgersFromEnvironment(process.env);
    return tagPrefixFrom(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

// Next's cache handler (serving/cache-handler.mjs) calls this after every revalidation it
// applies, local or from another instance, with its tags.
globalThis[Symbol.for('broadsheet.revalidated')] = (tags) => pageCache.invalidate(tags ?? []);

/**
 * Turns the tags Next's cache entry carries into the public cache-tag headers on any response
 * that is not captured into the fast path (which does so itself), e.g. client-router payloads.
 */
function tagResponse(res) {
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithTags(...args) {
    applyCacheTags(res, tagPrefix);
    return writeHead.apply(this, args);
  };
}

const distDir = join(process.cwd(), '.next');
const notFoundHtml = readFileOrNull(join(distDir, 'server/app/_not-found.html'));

const UNAVAILABLE_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Temporarily unavailable</title>
<style>body{font:1.125rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1b17;background:#fbf8f3}
@media (prefers-color-scheme:dark){body{color:#eee8dc;background:#16140f}a{color:#f0a36b}}</style></head>
<body><main><h1>This page is unavailable right now</h1>
<p>Our content server did not answer in time. Please try again in a moment; the page will be back by itself.</p>
<p><a href="/">Go to the front page</a></p></main></body></html>`;

const UNAVAILABLE_RESPONSE = {
  status: 503,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'private, no-store',
    'retry-after': '30',
  },
  body: UNAVAILABLE_HTML,
};

/** How long a reader may wait for a page: the WordPress deadline and time to render. */
const READER_DEADLINE_MS = config.wordpressTimeoutMs + 2000;

function readFileOrNull(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function decode(body, encoding) {
  try {
    if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  } catch {
    return '';
  }
  return body.toString('utf8');
}

/** Pages a reader opens, as opposed to API routes, assets and client-side data requests. */
function isPageRequest(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (url.startsWith('/_next/') || url.startsWith('/api/')) return false;
  // Client navigations fetch RSC payloads; the browser router handles their errors itself.
  return !req.headers.rsc && !req.headers['next-router-prefetch'];
}

/**
 * The rule's own answer in place of a page's redirect to a rule-answer address: its status and
 * target, or 410 with the site's not-found page. Null for any other response.
 */
function ruleAnswerFor(status, location) {
  if (status !== 307 && status !== 308) return null;
  const answer = readRuleAnswerAddress(location);
  if (!answer) return null;
  if (answer.status === 410) {
    return {
      status: 410,
      headers: { 'content-type': 'text/html; charset=utf-8', location: undefined },
      body: notFoundHtml ?? 'Gone',
    };
  }
  return { status: answer.status, headers: { location: answer.location }, body: '' };
}

/**
 * Replaces a response's status, headers and body before anything is sent, when `decide`
 * (called with the status Next chose, its content type and a reader of its other headers)
 * returns a replacement. Returns a
 * function that sends a replacement at once, if nothing was sent yet, and drops what Next
 * writes afterwards.
 */
function interceptResponse(res, decide) {
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    setHeader: res.setHeader,
    appendHeader: res.appendHeader,
    removeHeader: res.removeHeader,
  };
  let replacement = null;
  let buffered = null;
  let abandoned = false;

  // Once answered without Next, what Next still does to the response goes nowhere.
  for (const name of ['setHeader', 'appendHeader', 'removeHeader']) {
    res[name] = function headerOperation(...args) {
      return abandoned ? this : original[name].apply(this, args);
    };
  }

  res.writeHead = function writeHead(status, ...rest) {
    if (abandoned) return this;
    const headers = rest.find((item) => item && typeof item === 'object') ?? {};
    const type = String(
      headers['content-type'] ?? headers['Content-Type'] ?? res.getHeader('content-type') ?? '',
    );
    replacement = decide(status, type, (name) => headers[name] ?? res.getHeader(name));
    if (!replacement) return original.writeHead.call(this, status, ...rest);
    if (replacement.bufferAndCheck) {
      // Decide once the body is known; hold everything until then.
      buffered = [];
      res.statusCode = status;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      return this;
    }
    // A header the replacement sets to undefined is one it must not carry (a 410's Location).
    for (const [name, value] of Object.entries(replacement.headers)) {
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    }
    for (const name of ['content-length', 'content-encoding', 'etag', 'x-nextjs-cache'])
      res.removeHeader(name);
    return original.writeHead.call(this, replacement.status);
  };
  res.write = function write(chunk, ...rest) {
    if (abandoned) return true;
    if (buffered) {
      if (chunk) buffered.push(Buffer.from(chunk));
      return true;
    }
    if (replacement) return true;
    return original.write.call(this, chunk, ...rest);
  };
  res.end = function end(chunk, ...rest) {
    if (abandoned) return this;
    if (buffered) {
      if (chunk && typeof chunk !== 'function') buffered.push(Buffer.from(chunk));
      const raw = Buffer.concat(buffered);
      const swap = replacement.bufferAndCheck(decode(raw, String(res.getHeader('content-encoding') ?? '')));
      res.removeHeader('content-length');
      if (swap) {
        for (const name of ['content-encoding', 'etag']) res.removeHeader(name);
      }
      const finalBody = swap === null ? raw : Buffer.from(swap);
      original.writeHead.call(this, res.statusCode, { 'content-length': finalBody.length });
      return original.end.call(this, this.req?.method === 'HEAD' ? undefined : finalBody);
    }
    if (replacement) {
      return original.end.call(this, this.req?.method === 'HEAD' ? undefined : replacement.body);
    }
    return original.end.call(this, chunk, ...rest);
  };

  return function answerNow({ status, headers, body }) {
    if (abandoned || res.headersSent || buffered) return;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    for (const name of ['content-length', 'content-encoding', 'etag', 'x-nextjs-cache'])
      res.removeHeader(name);
    abandoned = true;
    original.writeHead.call(res, status);
    original.end.call(res, res.req?.method === 'HEAD' ? undefined : body);
  };
}

const server = createServer((req, res) => {
  // The connection's own address, for per-reader limits (lib/client-address.ts). Always
  // overwritten, so a client cannot choose it.
  req.headers['x-broadsheet-client-address'] = req.socket.remoteAddress ?? '';
  // A body over its route's cap is refused before Next would buffer it (up to 10 MB).
  if (enforceBodyLimit(req, res)) return;
  const cacheKey = pageCacheEnabled ? cacheKeyFor(req) : null;
  const entry = cacheKey ? pageCache.get(cacheKey) : undefined;
  if (entry) {
    sendEntry(req, res, entry, entry.staleSince === undefined ? 'HIT' : 'STALE');
    return;
  }
  tagResponse(res);
  // Installed first, so it receives what the corrections below finally write.
  if (isDocumentRequest(req)) {
    captureIntoCache(req, res, { key: cacheKey, pageCache, mediaOrigin, tagPrefix, log: console.error });
  }
  if (isPageRequest(req)) {
    const answerNow = interceptResponse(res, (status, type, headerOf) => {
      if (status >= 500) return UNAVAILABLE_RESPONSE;
      const ruleAnswer = ruleAnswerFor(status, headerOf('location') ?? headerOf('Location'));
      if (ruleAnswer) return ruleAnswer;
      if (status === 404 && notFoundHtml && type.startsWith('text/html')) {
        return { bufferAndCheck: (body) => (body.includes('id="__next_error__"') ? notFoundHtml : null) };
      }
      return null;
    });
    const readerDeadline = setTimeout(() => answerNow(UNAVAILABLE_RESPONSE), READER_DEADLINE_MS);
    res.on('close', () => clearTimeout(readerDeadline));
  }
  handle(req, res);
});
// Idle keep-alive connections are kept longer than the proxies and clients in front keep theirs
// (load balancers commonly 60 s): when the server closes an idle connection at the moment a client
// reuses it, the client gets a reset instead of an answer. Node's default is 5 s.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Broadsheet is listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
