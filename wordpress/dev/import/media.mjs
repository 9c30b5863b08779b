// Fetches attachments' files from where the exported site kept them. An unreachable file is an
// expected outcome (the old site is gone, or there is no network), never an error: it becomes a
// reason string, and the attachment gets a placeholder.

/** Longest wait for one file; offline, DNS fails at once, but a silent host must not stall the import. */
export const MEDIA_TIMEOUT_MS = 8000;
/** Larger files are left behind: they would travel base64-encoded in one request to WordPress. */
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;

/**
 * @typedef {{ ok: true, data: Buffer } | { ok: false, reason: string }} MediaDownload
 */

/**
 * Downloads one file.
 * @param {string} url
 * @param {{ timeoutMs?: number, maxBytes?: number }} [options]
 * @returns {Promise<MediaDownload>}
 */
export async function downloadMedia(url, { timeoutMs = MEDIA_TIMEOUT_MS, maxBytes = MEDIA_MAX_BYTES } = {}) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `"${url}" is not a URL` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: `${parsed.protocol} URLs are not fetched` };
  }
  try {
    const response = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `the source answered HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: `the file is over the size limit (${maxBytes} bytes)` };
    }
    const data = Buffer.from(await response.arrayBuffer());
    if (data.length > maxBytes)
      return { ok: false, reason: `the file is over the size limit (${maxBytes} bytes)` };
    return { ok: true, data };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { ok: false, reason: `the source did not answer within ${timeoutMs / 1000} s` };
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
    const code = cause && 'code' in cause ? String(cause.code) : '';
    return {
      ok: false,
      reason: `the source is unreachable (${code || (error instanceof Error ? error.message : error)})`,
    };
  }
}

/**
 * Downloads several files a few at a time.
 * @param {string[]} urls
 * @param {{ concurrency?: number, timeoutMs?: number, onEach?: () => void,
 *   download?: typeof downloadMedia }} [options]
 * @returns {Promise<Map<string, MediaDownload>>}
 */
export async function downloadAll(
  urls,
  { concurrency = 4, timeoutMs, onEach, download = downloadMedia } = {},
) {
  /** @type {Map<string, MediaDownload>} */
  const results = new Map();
  const queue = [...new Set(urls)];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      results.set(url, await download(url, { timeoutMs }));
      onEach?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return results;
}
