#!/usr/bin/env node
// A fault-injecting HTTP proxy for tests: it sits between Broadsheet and a WordPress and, on
// command, makes WordPress misbehave the ways real ones do — slow, failing, resetting
// connections, answering broken or unexpected JSON, or not answering at all. The end-to-end
// fault suite (e2e/faults.spec.ts) drives it; nothing in the app knows it exists.
//
// It forwards everything to the upstream unchanged until told otherwise through its control
// API, which listens on a port of its own so that it stays reachable whatever the fault:
//
//   PUT    /fault  {"mode": "status:503", "route": "/wp/v2/posts"}   set the fault (route optional)
//   GET    /fault                                                    the current fault
//   DELETE /fault                                                    back to forwarding
//   GET    /stats                                                    requests seen and faulted
//   DELETE /stats                                                    counts back to zero
//
// Modes (see FAULT_MODES): none, latency:<ms>, status:<code>, reset, truncate, malformed-json,
// wrong-shape, blackhole, refuse. A `route` scopes the fault to REST routes starting with it
// (`/wp/v2/posts` covers `/wp/v2/posts/12`); other requests are forwarded untouched.
//
// Usage: node scripts/fault-proxy.mjs --port 9411 --upstream http://127.0.0.1:9413 --control-port 9414
import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** What each mode does to a request it applies to. */
export const FAULT_MODES = {
  none: 'forward unchanged',
  'latency:<ms>': 'wait that long, then forward',
  'status:<code>': 'answer that HTTP status with a WordPress-style error body, without asking upstream',
  reset: 'reset the connection before answering (ECONNRESET)',
  truncate: "upstream's answer cut in half, delivered as a complete response (PHP dying mid-output)",
  'malformed-json': "a PHP warning printed before upstream's JSON (WP_DEBUG_DISPLAY on a live site)",
  'wrong-shape': "upstream's JSON wrapped in an object: valid JSON, not the shape asked for",
  blackhole: 'accept the request and never answer',
  refuse: 'stop listening: connections are refused, as at a dead port',
};

/**
 * Parses a fault as the control API receives it. Throws a readable error for anything else.
 * @param {{ mode?: unknown, route?: unknown }} input
 * @returns {{ mode: string, kind: string, value: number | null, route: string | null }}
 */
export function parseFault(input) {
  const mode = typeof input?.mode === 'string' ? input.mode.trim() : '';
  const route = input?.route === undefined || input.route === null ? null : input.route;
  if (route !== null && (typeof route !== 'string' || !route.startsWith('/'))) {
    throw new Error(`"route" must be a REST route starting with "/", such as "/wp/v2/posts"`);
  }
  const [kind = '', argument, ...extra] = mode.split(':');
  const simple = ['none', 'reset', 'truncate', 'malformed-json', 'wrong-shape', 'blackhole', 'refuse'];
  if (simple.includes(kind) && argument === undefined) return { mode, kind, value: null, route };
  if (kind === 'latency' && extra.length === 0 && /^\d{1,6}$/.test(argument ?? '')) {
    return { mode, kind, value: Number(argument), route };
  }
  if (kind === 'status' && extra.length === 0 && /^[1-5]\d\d$/.test(argument ?? '')) {
    return { mode, kind, value: Number(argument), route };
  }
  throw new Error(`Unknown fault mode "${mode}"; use one of: ${Object.keys(FAULT_MODES).join(', ')}`);
}

/**
 * The REST route a request is for: WordPress's `?rest_route=` (how Broadsheet asks), the path
 * after /wp-json otherwise, and the plain path for everything else (media, pages).
 * @param {string} requestUrl
 */
export function restRouteOf(requestUrl) {
  const url = new URL(requestUrl, 'http://proxy.invalid');
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) return restRoute || '/';
  if (url.pathname === '/wp-json' || url.pathname.startsWith('/wp-json/')) {
    return url.pathname.slice('/wp-json'.length) || '/';
  }
  return url.pathname;
}

/** Whether a fault scoped to `scope` covers `route`: the same route or one below it. */
export function routeInScope(route, scope) {
  if (scope === null) return true;
  const base = scope.replace(/\/+$/, '');
  return base === '' || route === base || route.startsWith(`${base}/`);
}

/** The body of a `status:<code>` answer, in the shape WordPress gives its own errors. */
function errorBody(status) {
  return JSON.stringify({
    code: 'broadsheet_fault_injected',
    message: `Fault injected by the test proxy: HTTP ${status}.`,
    data: { status },
  });
}

const PHP_WARNING =
  '<br />\n<b>Warning</b>:  Undefined variable $layout in <b>/wordpress/wp-content/plugins/example/example.php</b> on line <b>42</b><br />\n';

/** What `mode` makes of a complete upstream body; null when the mode does not rewrite bodies. */
export function rewriteBody(kind, body) {
  switch (kind) {
    case 'truncate':
      return body.subarray(0, Math.floor(body.length / 2));
    case 'malformed-json':
      return Buffer.concat([Buffer.from(PHP_WARNING), body]);
    case 'wrong-shape': {
      let parsed;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = body.toString('utf8');
      }
      return Buffer.from(JSON.stringify({ data: parsed }));
    }
    default:
      return null;
  }
}

/** Headers that describe one hop, not the message (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function endToEndHeaders(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/**
 * Starts the proxy and its control API.
 * @param {{ port: number, upstream: string, controlPort?: number, host?: string }} options
 *   port 0 / controlPort 0 (the default) take any free port.
 */
export async function startFaultProxy({ port, upstream, controlPort = 0, host = '127.0.0.1' }) {
  const upstreamUrl = new URL(upstream);
  let fault = parseFault({ mode: 'none' });
  const stats = { requests: 0, faulted: 0, byRoute: {} };
  /** Requests held open by `blackhole` or `latency`, released when the fault changes. */
  const held = new Set();
  const sockets = new Set();

  function forward(req, res, rewrite) {
    const upstreamRequest = httpRequest(
      {
        host: upstreamUrl.hostname,
        port: upstreamUrl.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEndHeaders(req.headers), host: req.headers.host ?? upstreamUrl.host },
      },
      async (upstreamResponse) => {
        const headers = endToEndHeaders(upstreamResponse.headers);
        if (!rewrite) {
          res.writeHead(upstreamResponse.statusCode ?? 502, headers);
          upstreamResponse.pipe(res);
          return;
        }
        const chunks = [];
        for await (const chunk of upstreamResponse) chunks.push(chunk);
        const body = rewrite(Buffer.concat(chunks)) ?? Buffer.concat(chunks);
        delete headers['content-length'];
        res.writeHead(upstreamResponse.statusCode ?? 502, { ...headers, 'content-length': body.length });
        res.end(body);
      },
    );
    upstreamRequest.on('error', () => {
      // Upstream itself is down: say so the way a gateway does.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad gateway: the upstream WordPress did not answer.');
    });
    req.pipe(upstreamRequest);
  }

  function hold(res, onRelease) {
    const entry = { res, onRelease };
    held.add(entry);
    res.on('close', () => held.delete(entry));
    return entry;
  }

  function handle(req, res) {
    const route = restRouteOf(req.url ?? '/');
    stats.requests++;
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    const active = fault.kind !== 'none' && routeInScope(route, fault.route) ? fault : null;
    if (!active) {
      forward(req, res, null);
      return;
    }
    stats.faulted++;
    switch (active.kind) {
      case 'latency': {
        // Released early (forwarded at once) when the fault changes.
        const timer = setTimeout(() => {
          held.delete(entry);
          forward(req, res, null);
        }, active.value ?? 0);
        const entry = hold(res, () => {
          clearTimeout(timer);
          forward(req, res, null);
        });
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'status': {
        const status = active.value ?? 500;
        const body = errorBody(status);
        res.writeHead(status, {
          'content-type': 'application/json; charset=UTF-8',
          'content-length': body.length,
        });
        res.end(body);
        return;
      }
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'blackhole':
        // Held until the client gives up or the fault changes; then the connection just closes.
        hold(res, () => res.socket?.destroy());
        return;
      default:
        forward(req, res, (body) => rewriteBody(active.kind, body));
    }
  }

  const proxyServer = createServer(handle);
  proxyServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let listening = false;
  async function listen() {
    if (listening) return;
    proxyServer.listen(port, host);
    await once(proxyServer, 'listening');
    listening = true;
    port = proxyServer.address().port;
  }
  async function stopListening() {
    if (!listening) return;
    listening = false;
    const closed = new Promise((resolve) => proxyServer.close(resolve));
    // A dead port also ends the connections that were open.
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  /** Applies a new fault: held requests are released (forwarded or closed) first. */
  async function setFault(input) {
    const next = parseFault(input);
    for (const entry of [...held]) {
      held.delete(entry);
      entry.onRelease();
    }
    fault = next;
    if (next.kind === 'refuse') await stopListening();
    else await listen();
    return next;
  }

  const controlServer = createServer(async (req, res) => {
    const reply = (status, body) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(text);
    };
    try {
      const path = new URL(req.url ?? '/', 'http://control.invalid').pathname;
      if (path === '/fault' && req.method === 'GET') return reply(200, describe(fault));
      if (path === '/fault' && req.method === 'DELETE')
        return reply(200, describe(await setFault({ mode: 'none' })));
      if (path === '/fault' && req.method === 'PUT') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        let input;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          return reply(400, { error: 'The body must be JSON: {"mode": "...", "route": "..."}' });
        }
        try {
          return reply(200, describe(await setFault(input)));
        } catch (error) {
          return reply(400, { error: error.message });
        }
      }
      if (path === '/stats' && req.method === 'GET') return reply(200, stats);
      if (path === '/stats' && req.method === 'DELETE') {
        Object.assign(stats, { requests: 0, faulted: 0, byRoute: {} });
        return reply(200, stats);
      }
      return reply(404, { error: 'Use /fault (GET, PUT, DELETE) or /stats (GET, DELETE).' });
    } catch (error) {
      return reply(500, { error: String(error?.message ?? error) });
    }
  });

  await listen();
  controlServer.listen(controlPort, host);
  await once(controlServer, 'listening');
  const control = `http://${host}:${controlServer.address().port}`;

  return {
    /** Where the proxied WordPress answers. */
    url: `http://${host}:${port}`,
    /** The control API's origin. */
    controlUrl: control,
    setFault,
    get fault() {
      return describe(fault);
    },
    stats: () => structuredClone(stats),
    async stop() {
      for (const entry of [...held]) entry.res.socket?.destroy();
      held.clear();
      await stopListening();
      await new Promise((resolve) => controlServer.close(resolve));
      controlServer.closeAllConnections();
    },
  };
}

function describe(fault) {
  return { mode: fault.mode, route: fault.route };
}

// Runnable on its own, for trying the app against a misbehaving WordPress by hand.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9411' },
      upstream: { type: 'string', default: 'http://127.0.0.1:9400' },
      'control-port': { type: 'string', default: '0' },
    },
  });
  const proxy = await startFaultProxy({
    port: Number(values.port),
    upstream: values.upstream,
    controlPort: Number(values['control-port']),
  });
  console.log(`Fault proxy: ${proxy.url} → ${values.upstream}; control API at ${proxy.controlUrl}`);
  const stop = () => proxy.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
