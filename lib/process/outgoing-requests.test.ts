import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutgoingDispatcher } from './outgoing-requests';

/** A stand-in upstream that answers after `delayMs` and records how many requests it held at once. */
function slowServer(delayMs: number) {
  const seen: string[] = [];
  let open = 0;
  let mostAtOnce = 0;
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    open += 1;
    mostAtOnce = Math.max(mostAtOnce, open);
    setTimeout(() => {
      open -= 1;
      res.end('ok');
    }, delayMs);
  });
  return {
    server,
    seen,
    mostAtOnce: () => mostAtOnce,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('createOutgoingDispatcher', () => {
  it('holds no more than maxConnections requests open upstream; the rest wait their turn', async () => {
    const upstream = slowServer(60);
    servers.push(upstream.server);
    const origin = await upstream.listen();
    const dispatcher = createOutgoingDispatcher({ timeoutMs: 5_000, maxConnections: 2 });

    const bodies = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        fetch(`${origin}/item/${index}`, { dispatcher }).then((response) => response.text()),
      ),
    );

    expect(bodies).toEqual(Array(6).fill('ok'));
    expect(upstream.seen).toHaveLength(6);
    expect(upstream.mostAtOnce()).toBe(2);
    await dispatcher.close();
  });

  it('drops a request whose deadline passes while it waits: upstream never sees it', async () => {
    const upstream = slowServer(400);
    servers.push(upstream.server);
    const origin = await upstream.listen();
    const dispatcher = createOutgoingDispatcher({ timeoutMs: 5_000, maxConnections: 1 });

    const first = fetch(`${origin}/first`, { dispatcher }).then((response) => response.text());
    const abandoned = fetch(`${origin}/abandoned`, { dispatcher, signal: AbortSignal.timeout(100) });

    await expect(abandoned).rejects.toThrow();
    expect(await first).toBe('ok');
    // Long enough for a queued request, had it been kept, to have been sent after the first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(upstream.seen).toEqual(['/first']);
    await dispatcher.close();
  });
});
