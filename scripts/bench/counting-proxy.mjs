// A pass-through HTTP proxy in front of the embedded WordPress that counts every request the
// frontend makes to it. The site's URL points at the proxy (the instance's `sitePort`), so the
// links WordPress writes agree with where the frontend reaches it.
import { Agent, createServer, request as httpRequest } from 'node:http';

/**
 * What a WordPress request asked for, readably: the REST route and the parameter that names
 * one object, e.g. "/wp/v2/posts?slug=hello" or "/wp/v2/categories".
 * @param {string} url a request's path and query
 */
export function describeWordPressRequest(url) {
  const parsed = new URL(url, 'http://wordpress.invalid');
  const route = parsed.searchParams.get('rest_route') ?? parsed.pathname;
  const slug = parsed.searchParams.get('slug');
  return slug === null ? route : `${route}?slug=${slug}`;
}

/**
 * @param {{ port: number, targetPort: number, host?: string }} options
 */
export async function startCountingProxy({ port, targetPort, host = '127.0.0.1' }) {
  const agent = new Agent({ keepAlive: true });
  /** @type {{ url: string, described: string, at: number }[]} */
  let seen = [];
  let inFlight = 0;
  let lastActivityAt = Date.now();

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    seen.push({ url, described: describeWordPressRequest(url), at: Date.now() });
    inFlight += 1;
    lastActivityAt = Date.now();
    const done = () => {
      inFlight -= 1;
      lastActivityAt = Date.now();
    };
    res.once('close', done);
    const upstream = httpRequest(
      { host, port: targetPort, method: req.method, path: url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`The counting proxy could not reach WordPress: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  return {
    /** Forgets everything counted so far. */
    reset() {
      seen = [];
    },
    /** Requests since the last reset: total, per described request, and each in order. */
    counts() {
      /** @type {Record<string, number>} */
      const byRequest = {};
      for (const { described } of seen) byRequest[described] = (byRequest[described] ?? 0) + 1;
      return { total: seen.length, byRequest, urls: seen.map(({ url }) => url) };
    },
    /**
     * Resolves once no request has been in flight for `quietMs` (background revalidations
     * finish after the reader's answer), or after `timeoutMs` regardless.
     */
    async waitUntilQuiet({ quietMs = 1500, timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight === 0 && Date.now() - lastActivityAt >= quietMs) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
