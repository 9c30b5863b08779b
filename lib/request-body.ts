/**
 * Whether a request declares (Content-Length) a body longer than `maxBytes`, so a route can
 * refuse it before reading a byte. server.mjs already refuses such requests, and cuts chunked
 * bodies off at the same caps (serving/body-limits.mjs); this holds the line on a server that
 * does not run it, such as `next start`.
 */
export function declaresBodyOver(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && Number(declared) > maxBytes;
}

/**
 * A request's body, read up to `maxBytes`; null as soon as it grows past them (the rest is never
 * read), whatever the request declared. For routes that must bound what they hold in memory on
 * any server, chunked bodies included.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (declaresBodyOver(request, maxBytes)) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
