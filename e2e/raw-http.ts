import { request } from 'node:http';
import { connect } from 'node:net';

/**
 * GET with the path sent byte for byte. Browsers and Playwright's request API normalise paths
 * (`/%2E%2E/` becomes `/`) before sending; attackers' clients do not.
 */
export function rawGet(
  baseUrl: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Sends a request head and only the start of its body, then waits for the answer without
 * sending the rest: an answer shows the server decided before reading the body. Rejects when
 * no answer comes within `waitMs`.
 */
export function sendHeadAndWait(
  baseUrl: string,
  head: { method: string; path: string; headers: Record<string, string> },
  bodyStart: string,
  waitMs = 15_000,
): Promise<{ status: number; connection: string | null }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${head.method} ${head.path} while its body was still unsent`));
    }, waitMs);
    const finish = () => {
      clearTimeout(giveUp);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!status) return reject(new Error(`not an HTTP answer: ${JSON.stringify(answer.slice(0, 80))}`));
      const connection = /\r\nconnection: ([^\r]*)\r\n/i.exec(answer);
      resolve({ status: Number(status[1]), connection: connection?.[1]?.toLowerCase() ?? null });
    };
    socket.on('connect', () => {
      const lines = Object.entries({ Host: url.host, ...head.headers }).map(
        ([name, value]) => `${name}: ${value}`,
      );
      socket.write(`${head.method} ${head.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${bodyStart}`);
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        finish();
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => (answer ? finish() : undefined));
  });
}

/**
 * A POST from a given loopback address (127.0.0.x), so the server counts it as another reader
 * than the tests' usual 127.0.0.1 (per-reader limits key on the connection's address).
 */
export function postFrom(
  localAddress: string,
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        localAddress,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
