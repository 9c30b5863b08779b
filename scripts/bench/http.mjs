// Small HTTP helpers for the benchmark: raw reads (bodies exactly as sent, compressed or not,
// with timing), the server's resident memory, and the companion plugin's signed webhook.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';

/**
 * GETs a URL without decompressing anything.
 * @param {string} url
 * @param {Record<string, string>} [headers]
 * @param {import('node:http').Agent | false} [agent] false: a connection of its own
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, ms: number }>}
 */
export function getRaw(url, headers = {}, agent = false) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`No answer from ${url} within 60 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** What a response was, in brief: for checking that a load run measures what it should. */
export function describeResponse({ status, headers, body }) {
  return {
    status,
    encoding: headers['content-encoding'] ?? 'identity',
    bytes: body.length,
    cache: headers['x-broadsheet-cache'] ?? headers['x-nextjs-cache'] ?? null,
  };
}

/** A process's resident memory in bytes (Linux), or null where /proc is not available. */
export function readResidentBytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * POSTs a revalidation event to the frontend exactly as the companion plugin does: the body
 * signed with HMAC-SHA256 over "webhook:<timestamp>.<body>".
 * @returns {Promise<{ status: number, revalidated: string[] }>}
 */
export async function sendSignedWebhook(baseUrl, secret, event) {
  const body = JSON.stringify({ id: randomUUID(), ...event });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac('sha256', secret).update(`webhook:${timestamp}.${body}`).digest('hex')}`;
  const response = await fetch(`${baseUrl}/api/revalidate/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Broadsheet-Timestamp': timestamp,
      'X-Broadsheet-Signature': signature,
    },
    body,
  });
  const answer = await response.json().catch(() => ({}));
  return {
    status: response.status,
    revalidated: Array.isArray(answer.revalidated) ? answer.revalidated : [],
  };
}
