import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT, ROUTE_BODY_LIMITS, bodyLimitFor, enforceBodyLimit } from './body-limits.mjs';

const LIMIT = 1024;
const TEN_MB = 10 * 1024 * 1024;

/**
 * A server that reads every body it is handed to the end, as Next does, and counts what the
 * application received.
 */
async function startServer() {
  const app = { requests: 0, bytes: 0, answered: 0 };
  const server = createServer((req, res) => {
    if (enforceBodyLimit(req, res, LIMIT)) return;
    app.requests++;
    req.on('data', (chunk) => {
      app.bytes += chunk.length;
    });
    req.on('end', () => {
      app.answered++;
      res.end(`read ${app.bytes}`);
    });
    req.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  return { app, port: server.address().port };
}

const servers = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/**
 * Sends the request head and part of the body over a raw socket, then waits for the answer
 * without sending the rest: an answer proves the server did not wait for the whole body.
 */
function sendPartially(port, head, bodyParts) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('connect', () => {
      socket.write(head);
      for (const part of bodyParts) socket.write(part);
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (/\r\n\r\n[\s\S]*\n$/.test(answer)) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

/** Sends a whole chunked body, `size` bytes in 64 KiB chunks, and returns the answer. */
function sendChunked(port, size) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('connect', async () => {
      socket.write('POST /api/comments/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < size && !socket.destroyed; sent += chunk.length) {
        const ok =
          socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk) && socket.write('\r\n');
        // The server may close the connection mid-send; that ends the loop, not the test.
        const settled = (event) => once(socket, event).catch(() => {});
        if (!ok && !socket.destroyed) await Promise.race([settled('drain'), settled('close')]);
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n');
    });
    socket.on('data', (data) => {
      answer += data.toString('latin1');
    });
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.on('close', () => resolve(answer));
  });
}

describe('enforceBodyLimit', () => {
  it('answers 413 to a declared 10 MB body before it is sent, and the application never sees it', async () => {
    const { app, port } = await startServer();
    const answer = await sendPartially(
      port,
      `POST /api/comments/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${TEN_MB}\r\n\r\n`,
      ['comment=' + 'a'.repeat(100)],
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(app.requests).toBe(0);
  });

  it('cuts a chunked body off at the limit while it streams, answering 413 before the rest is sent', async () => {
    const { app, port } = await startServer();
    const chunk = (size) => `${size.toString(16)}\r\n${'a'.repeat(size)}\r\n`;
    const answer = await sendPartially(
      port,
      'POST /api/comments/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
      [chunk(600), chunk(600)],
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(app.bytes).toBeLessThanOrEqual(LIMIT);
    expect(app.answered).toBe(0);
  });

  it('holds at most the limit in the application however much is streamed (10 MB, chunked)', async () => {
    const { app, port } = await startServer();
    const answer = await sendChunked(port, TEN_MB);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(app.bytes).toBeLessThanOrEqual(LIMIT);
    // The application never got an end of body to act on, and its answer went nowhere.
    expect(app.answered).toBe(0);
    expect(answer).not.toContain('read ');
  });

  it('hands bodies within the limit on untouched, declared or chunked', async () => {
    const { app, port } = await startServer();
    const declared = await sendPartially(
      port,
      `POST /api/comments/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${LIMIT}\r\n\r\n`,
      ['a'.repeat(LIMIT)],
    );
    expect(declared).toMatch(/^HTTP\/1\.1 200 /);
    expect(declared).toContain(`read ${LIMIT}`);
    const chunked = await sendPartially(
      port,
      'POST /api/comments/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n',
      ['200\r\n' + 'a'.repeat(512) + '\r\n0\r\n\r\n'],
    );
    expect(chunked).toContain(`read ${LIMIT + 512}`);
    expect(app.answered).toBe(2);
  });
});

describe('bodyLimitFor', () => {
  it('gives each write route its own cap and every other request a small default', () => {
    expect(bodyLimitFor('/api/comments/')).toBe(ROUTE_BODY_LIMITS.get('/api/comments'));
    expect(bodyLimitFor('/api/comments')).toBe(ROUTE_BODY_LIMITS.get('/api/comments'));
    expect(bodyLimitFor('/api/unlock/?x=1')).toBe(ROUTE_BODY_LIMITS.get('/api/unlock'));
    expect(bodyLimitFor('/api/revalidate/')).toBe(64 * 1024);
    for (const other of ['/api/posts/?list=home&page=2', '/api/search/?q=x', '/a-story/', '/api/comments/x/'])
      expect(bodyLimitFor(other), other).toBe(DEFAULT_BODY_LIMIT);
    for (const cap of ROUTE_BODY_LIMITS.values()) expect(cap).toBeLessThan(TEN_MB);
  });
});
