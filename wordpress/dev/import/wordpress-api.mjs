// The importer's line to the embedded WordPress: the dev-only routes of
// wordpress/dev/mu-plugins/broadsheet-dev-import.php, authenticated as an administrator with an
// Application Password.

/** A request to WordPress that failed as a whole (not one item in it). */
export class ImportApiError extends Error {
  /** @param {string} message @param {{ cause?: unknown }} [options] */
  constructor(message, options) {
    super(message, options);
    this.name = 'ImportApiError';
  }
}

/** PHP in WebAssembly is slow; a batch of posts with images may take a while, but not forever. */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * @param {{ url: string, user: string, applicationPassword: string }} site
 */
export function createImportApi({ url, user, applicationPassword }) {
  const authorization = `Basic ${Buffer.from(`${user}:${applicationPassword}`).toString('base64')}`;

  /** @param {string} route @param {unknown} body */
  async function post(route, body) {
    const target = new URL(`${url.replace(/\/+$/, '')}/`);
    target.searchParams.set('rest_route', `/broadsheet-dev-import/v1${route}`);
    let response;
    try {
      response = await fetch(target, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ImportApiError(`WordPress at ${url} did not answer (${route}): ${String(error)}`, {
        cause: error,
      });
    }
    const text = await response.text();
    if (!response.ok) {
      const hint =
        response.status === 404
          ? ' — the import route is missing: is this the embedded development WordPress, with its mu-plugins?'
          : response.status === 401 || response.status === 403
            ? ' — the Application Password was refused, or the user is not an administrator'
            : '';
      throw new ImportApiError(
        `WordPress answered ${response.status} to ${route}${hint}: ${text.slice(0, 500)}`,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      // PHP notices printed before the JSON would land here; debug.log has the details.
      throw new ImportApiError(
        `WordPress answered ${route} with something other than JSON: ${text.slice(0, 500)}`,
        {
          cause: error,
        },
      );
    }
  }

  return {
    /**
     * Sends one batch of one kind; WordPress answers one result per item, in order.
     * @param {string} source @param {string} kind @param {object[]} items
     * @returns {Promise<{ key: string, outcome: string, id: number, reason?: string, url?: string,
     *   placeholder?: boolean }[]>}
     */
    async sendBatch(source, kind, items) {
      const { results } = await post('/batch', { source, kind, items });
      if (!Array.isArray(results) || results.length !== items.length) {
        throw new ImportApiError(
          `WordPress answered a batch of ${items.length} ${kind} with ${results?.length} results`,
        );
      }
      return results;
    },
    /**
     * What earlier imports left of these posts.
     * @param {string[]} keys
     * @returns {Promise<Record<string, { id: number, hash: string, placeholder: boolean }>>}
     */
    async lookUpPosts(keys) {
      const { found } = await post('/lookup', { keys });
      return found;
    },
    /** Removes one chunk of content; true once nothing is left. @returns {Promise<{ deleted: number, done: boolean }>} */
    async emptyChunk() {
      return post('/empty', {});
    },
  };
}

/** @typedef {ReturnType<typeof createImportApi>} ImportApi */
