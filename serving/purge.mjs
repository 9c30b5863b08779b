// Purging the HTTP cache in front of Broadsheet (Varnish, Fastly, Cloudflare) by cache tag.
//
// Every page names its tags (cache-tags.mjs); after every revalidation the cache handler hands
// the revalidated tags to purgeAfterRevalidation, which tells each configured cache to drop the
// pages carrying them. It is called once the revalidation is applied here and published to the
// other instances, so a cache that refetches at once gets the new page (or a stale answer it may
// keep for a second only, see staleAnswerCacheControl) rather than the old one for `s-maxage`.
// It never delays the webhook's answer: purges run on their own, retried with backoff, and a
// cache that keeps failing is logged once per failure episode, not once per attempt.
//
// Configured by environment variables (README, Deployment):
//   VARNISH_PURGE_URLS   comma-separated addresses of Varnish instances (deploy/varnish/)
//   VARNISH_PURGE_MODE   soft (default: objects stay in grace) or hard
//   FASTLY_SERVICE_ID + FASTLY_API_TOKEN, FASTLY_SOFT_PURGE (on by default)
//   CLOUDFLARE_ZONE_ID + CLOUDFLARE_API_TOKEN
//   CACHE_TAG_PREFIX     as on the pages
import { purgeTags, tagPrefixFrom } from './cache-tags.mjs';

/**
 * @typedef {object} Purger
 * @property {string} name
 * @property {(tags: readonly string[]) => Promise<void>} purge resolves once every request was
 *   accepted; rejects with the first failure
 */

/** @typedef {(url: string, init: RequestInit) => Promise<Response>} Fetch */

const REQUEST_TIMEOUT_MS = 5_000;
/** Varnish refuses a request header line over 8 KiB (http_req_hdr_len). */
const VARNISH_HEADER_BYTES = 7_000;
/** Fastly purges at most 256 surrogate keys per request. */
const FASTLY_KEYS_PER_REQUEST = 256;
/** Cloudflare's documented limit per purge request was 30 tags (100 on current plans). */
const CLOUDFLARE_TAGS_PER_REQUEST = 30;

/**
 * @template T
 * @param {readonly T[]} items @param {number} size @returns {T[][]}
 */
function chunks(items, size) {
  const result = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/** Groups tags into space-separated lists of at most `maxBytes`. @param {readonly string[]} tags */
function headerLines(tags, maxBytes) {
  const lines = [];
  let line = '';
  for (const tag of tags) {
    const candidate = line ? `${line} ${tag}` : tag;
    if (line && Buffer.byteLength(candidate) > maxBytes) {
      lines.push(line);
      line = tag;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** @param {Response} response @param {string} what */
async function ensureAccepted(response, what) {
  if (response.ok) return;
  const text = await response.text().catch(() => '');
  throw new Error(`${what} answered ${response.status}${text ? `: ${text.slice(0, 200).trim()}` : ''}`);
}

/**
 * POSTs a JSON body to a CDN's API and fails unless it is accepted.
 * @param {Fetch} fetch @param {string} url @param {Record<string, string>} headers
 * @param {unknown} body @param {string} what
 */
async function postJson(fetch, url, headers, body, what) {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await ensureAccepted(response, what);
  return response;
}

/**
 * Varnish with the xkey module: `PURGE` to every address with the tags in `xkey-purge` (or
 * `xkey-softpurge`), as deploy/varnish/broadsheet.vcl expects.
 * @param {{ urls: readonly string[], soft: boolean, fetch?: Fetch }} options
 * @returns {Purger}
 */
export function varnishPurger({ urls, soft, fetch = globalThis.fetch }) {
  const header = soft ? 'xkey-softpurge' : 'xkey-purge';
  return {
    name: 'Varnish',
    async purge(tags) {
      const requests = urls.flatMap((url) =>
        headerLines(tags, VARNISH_HEADER_BYTES).map(async (line) => {
          const response = await fetch(url, {
            method: 'PURGE',
            headers: { [header]: line },
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          await ensureAccepted(response, `Varnish at ${url}`);
        }),
      );
      await Promise.all(requests);
    },
  };
}

/**
 * A purger that sends tags in batches of at most `size`, one request after another.
 * @param {string} name @param {number} size
 * @param {(batch: string[]) => Promise<void>} purgeBatch
 * @returns {Purger}
 */
function batchedPurger(name, size, purgeBatch) {
  return {
    name,
    async purge(tags) {
      for (const batch of chunks(tags, size)) await purgeBatch(batch);
    },
  };
}

/**
 * Fastly's batch surrogate-key purge: `POST /service/{id}/purge` with `{"surrogate_keys": […]}`.
 * @param {{ serviceId: string, token: string, soft: boolean, fetch?: Fetch, api?: string }} options
 * @returns {Purger}
 */
export function fastlyPurger(options) {
  const fetch = options.fetch ?? globalThis.fetch;
  const url = `${options.api ?? 'https://api.fastly.com'}/service/${encodeURIComponent(options.serviceId)}/purge`;
  /** @type {Record<string, string>} */
  const headers = {
    'fastly-key': options.token,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  if (options.soft) headers['fastly-soft-purge'] = '1';
  return batchedPurger('Fastly', FASTLY_KEYS_PER_REQUEST, async (keys) => {
    await postJson(fetch, url, headers, { surrogate_keys: keys }, 'Fastly');
  });
}

/**
 * Cloudflare's purge by cache tag: `POST /zones/{zone}/purge_cache` with `{"tags": […]}`.
 * @param {{ zoneId: string, token: string, fetch?: Fetch, api?: string }} options
 * @returns {Purger}
 */
export function cloudflarePurger(options) {
  const fetch = options.fetch ?? globalThis.fetch;
  const api = options.api ?? 'https://api.cloudflare.com/client/v4';
  const url = `${api}/zones/${encodeURIComponent(options.zoneId)}/purge_cache`;
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  return batchedPurger('Cloudflare', CLOUDFLARE_TAGS_PER_REQUEST, async (tags) => {
    const response = await postJson(fetch, url, headers, { tags }, 'Cloudflare');
    const answer = await response.json().catch(() => null);
    if (answer?.success !== true) throw new Error('Cloudflare did not confirm the purge');
  });
}

/** @param {string | undefined} value @param {string} variable @param {boolean} fallback */
function onOff(value, variable, fallback) {
  if (value === undefined || value.trim() === '') return fallback;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`${variable} must be "on" or "off"`);
}

/**
 * The purgers the environment configures (none by default).
 * @param {Record<string, string | undefined>} env
 * @param {Fetch} [fetch]
 * @returns {Purger[]}
 */
export function purgersFromEnvironment(env, fetch = globalThis.fetch) {
  /** @type {Purger[]} */
  const purgers = [];
  const varnishUrls = (env.VARNISH_PURGE_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  if (varnishUrls.length > 0) {
    for (const url of varnishUrls) {
      let parsed;
      try {
        parsed = new URL(url);
      } catch {
        parsed = null;
      }
      if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
        throw new Error(
          `VARNISH_PURGE_URLS must list http(s) addresses, e.g. http://varnish:6081; got ${url}`,
        );
      }
    }
    const mode = (env.VARNISH_PURGE_MODE ?? 'soft').trim() || 'soft';
    if (mode !== 'soft' && mode !== 'hard') throw new Error('VARNISH_PURGE_MODE must be "soft" or "hard"');
    purgers.push(varnishPurger({ urls: varnishUrls, soft: mode === 'soft', fetch }));
  }
  const fastly = [env.FASTLY_SERVICE_ID?.trim(), env.FASTLY_API_TOKEN?.trim()];
  if (fastly.some(Boolean)) {
    const [serviceId, token] = fastly;
    if (!serviceId || !token)
      throw new Error('Fastly purging needs both FASTLY_SERVICE_ID and FASTLY_API_TOKEN');
    const soft = onOff(env.FASTLY_SOFT_PURGE, 'FASTLY_SOFT_PURGE', true);
    purgers.push(fastlyPurger({ serviceId, token, soft, fetch }));
  }
  const cloudflare = [env.CLOUDFLARE_ZONE_ID?.trim(), env.CLOUDFLARE_API_TOKEN?.trim()];
  if (cloudflare.some(Boolean)) {
    const [zoneId, token] = cloudflare;
    if (!zoneId || !token)
      throw new Error('Cloudflare purging needs both CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN');
    purgers.push(cloudflarePurger({ zoneId, token, fetch }));
  }
  return purgers;
}

/**
 * Runs purges for a set of purgers: each purge on its own, retried with exponential backoff, and
 * a purger's failures logged once per episode (the first failure, then nothing until one of its
 * purges succeeds again, which is logged too).
 */
export class PurgeQueue {
  /** @type {Map<Purger, boolean>} whether each purger is in a failure episode */
  #failing = new Map();

  /**
   * @param {{ purgers: readonly Purger[], prefix: string, log?: (line: string) => void,
   *   attempts?: number, firstDelayMs?: number, maxDelayMs?: number,
   *   sleep?: (ms: number) => Promise<void> }} options
   */
  constructor({
    purgers,
    prefix,
    log = (line) => console.log(line),
    attempts = 6,
    firstDelayMs = 500,
    maxDelayMs = 8_000,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref?.()),
  }) {
    this.purgers = purgers;
    this.prefix = prefix;
    this.log = log;
    this.attempts = attempts;
    this.firstDelayMs = firstDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.sleep = sleep;
  }

  /**
   * Purges the pages carrying any of the (unprefixed) tags from every cache. Resolves when every
   * purger has succeeded or given up; never rejects.
   * @param {readonly string[]} tags
   */
  async purge(tags) {
    if (this.purgers.length === 0 || tags.length === 0) return;
    const names = purgeTags(tags, this.prefix);
    await Promise.all(this.purgers.map((purger) => this.#purgeWith(purger, names)));
  }

  /** @param {Purger} purger @param {readonly string[]} names */
  async #purgeWith(purger, names) {
    for (let attempt = 0; attempt < this.attempts; attempt += 1) {
      if (attempt > 0) await this.sleep(Math.min(this.firstDelayMs * 2 ** (attempt - 1), this.maxDelayMs));
      try {
        await purger.purge(names);
        if (this.#failing.get(purger)) {
          this.#failing.set(purger, false);
          this.log(`[purge] ${purger.name}: purging works again`);
        }
        return;
      } catch (error) {
        if (!this.#failing.get(purger)) {
          this.#failing.set(purger, true);
          const reason =
            error instanceof Error
              ? error.cause instanceof Error
                ? `${error.message}: ${error.cause.message}`
                : error.message
              : String(error);
          this.log(
            `[purge] ${purger.name}: purge failed (${reason}); retrying with backoff, and not logging again until a purge succeeds`,
          );
        }
      }
    }
  }
}

/** One queue per process, built from the environment on first use. */
let queue = null;

/**
 * Called by the cache handler after every revalidation it applies: purges the caches in front,
 * without waiting for them.
 * @param {readonly string[]} tags
 */
export function purgeAfterRevalidation(tags) {
  queue ??= new PurgeQueue({
    purgers: purgersFromEnvironment(process.env),
    prefix: tagPrefixFrom(process.env),
  });
  void queue.purge(tags);
}
