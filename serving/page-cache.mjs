// The fast serving layer's store: finished responses Next's ISR cache already holds, kept in
// memory with their gzip and brotli encodings computed once, so a cache hit costs a lookup and
// one write instead of a render, a cache read and per-request compression.
//
// It is a copy, never a source of truth: an entry is taken only from a response Next marked as
// served from (or freshly written to) its ISR cache, it lives at most `maxAgeMs`, and a
// revalidation makes every copy that carries one of its tags (and every copy whose tags are not
// known) stale, while copies no change touched stay. The next request for a stale copy asks Next
// again (once the copy is MIN_RENDER_INTERVAL_MS old) — which answers from ISR with its own
// stale-while-revalidate and outage behaviour intact, and starts the re-render — and so does one
// request every STALE_RETRY_MS after it, until one
// brings the fresh page; meanwhile everyone else is served the stale copy, marked as such (as
// Next itself would serve its stale entry, but without every concurrent reader queueing on
// Next while the page re-renders). A copy still not replaced after MAX_STALE_MS is dropped.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** How long others are served an aged copy while one request fetches its replacement. */
const REFRESH_GRACE_MS = 5_000;
/** How often a request for a revalidated (stale) copy goes on to Next for the fresh page. */
const STALE_RETRY_MS = 250;
/** How long a revalidated copy may be served at most while its fresh page is being rendered. */
const MAX_STALE_MS = 10_000;
/**
 * How soon after a page's copy was stored a revalidation may have it rendered again. A page that
 * a stream of edits keeps touching (the front page while a newsroom edits a story every second)
 * is re-rendered at most this often, its stale copy served in between, instead of once per edit:
 * each render costs the machine serving its readers a render, a compression and WordPress's
 * queries. An edit still shows within this, a render and STALE_RETRY_MS, well inside the five
 * seconds editors are promised; a page not rendered this recently is asked for at once.
 */
const MIN_RENDER_INTERVAL_MS = 2_000;
/**
 * Brotli at its best quality costs 70–100 ms of CPU for a 40–50 KB page, against about 1 ms at
 * quality 5 for output some 12 % larger. A copy is stored with the quick encoding and re-encoded
 * at the best quality only once it has been asked for again after this long: a page that is
 * revalidated every few seconds (a busy editor, a live blog) never pays for it, one that stays
 * cached pays once.
 */
const QUICK_BROTLI_QUALITY = 5;
const BEST_BROTLI_QUALITY = zlibConstants.BROTLI_MAX_QUALITY;
const BEST_BROTLI_AFTER_MS = 10_000;
/**
 * How many revalidated tags are remembered for isOutdated before the store is emptied instead
 * (which forgets them all): a bound on memory for a site that changes all day.
 */
const MAX_REMEMBERED_TAGS = 50_000;

function brotli(body, quality) {
  return brotliAsync(body, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: quality,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** Headers that belong to one transfer, not to the stored representation. */
const TRANSFER_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'x-nextjs-cache',
]);

/**
 * Whether a finished response may be copied into the fast layer: a complete 200 from Next's
 * ISR cache (HIT, or MISS meaning rendered and stored just now), shareable by any cache, and
 * carrying nothing personal. STALE responses are served but not kept: their fresh version is
 * being rendered, and the next request should get it.
 * @param {number} status
 * @param {Record<string, string | string[] | number | undefined>} headers lower-case names
 */
export function isStorable(status, headers) {
  if (status !== 200) return false;
  const isr = String(headers['x-nextjs-cache'] ?? '').toUpperCase();
  if (isr !== 'HIT' && isr !== 'MISS') return false;
  if (headers['set-cookie'] !== undefined) return false;
  const cacheControl = String(headers['cache-control'] ?? '').toLowerCase();
  if (!/\bs-maxage=\d+/.test(cacheControl)) return false;
  return !/\b(private|no-store|no-cache)\b/.test(cacheControl);
}

const ENCODING_PREFERENCE = ['br', 'gzip'];
/** Accept-Encoding values repeat endlessly (one per browser family); parsing them once is enough. */
const parsedAcceptEncodings = new Map();

/** @param {string} acceptEncoding @returns {(name: string) => number} the q-value of each coding */
function acceptedWeights(acceptEncoding) {
  let weights = parsedAcceptEncodings.get(acceptEncoding);
  if (weights) return weights;
  const accepted = new Map();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [token = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)).find(Boolean);
    accepted.set(token.trim(), q ? Number(q[1]) : 1);
  }
  const wildcard = accepted.get('*');
  weights = (name) => accepted.get(name) ?? wildcard ?? 0;
  if (parsedAcceptEncodings.size >= 200) parsedAcceptEncodings.clear();
  parsedAcceptEncodings.set(acceptEncoding, weights);
  return weights;
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, then none, honouring
 * q=0 refusals, among the encodings an entry has (brotli may have failed).
 * @param {string | undefined} acceptEncoding
 * @param {{ br?: boolean }} [ready]
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(acceptEncoding, ready = { br: true }) {
  if (!acceptEncoding) return 'identity';
  const weight = acceptedWeights(acceptEncoding);
  for (const encoding of ENCODING_PREFERENCE) {
    if (encoding === 'br' && !ready.br) continue;
    if (weight(encoding) > 0) return encoding;
  }
  return 'identity';
}

/**
 * @typedef {object} PageEntry
 * @property {number} status
 * @property {Record<string, string | string[]>} headers the representation's own headers
 * @property {string} etag strong validator of the identity body, e.g. "abc"
 * @property {{ identity: Buffer, gzip: Buffer, br: Buffer | null }} bodies
 * @property {number} brotliQuality the quality `bodies.br` was encoded at
 * @property {number} storedAt epoch ms
 * @property {number} expiresAt epoch ms
 * @property {string} isrStatus what Next's ISR cache said when the copy was taken (HIT or MISS)
 * @property {ReadonlySet<string> | null} tags the cache tags of Next's entry (see cache-tags.mjs);
 *   null when unknown, and then any revalidation makes the copy stale
 * @property {number} [staleSince] epoch ms of the revalidation that made the copy stale
 */

/**
 * The ETag a representation is sent with: the body's own for identity, suffixed per encoding
 * (and brotli's quality), because a strong validator names exact bytes.
 * @param {string} etag
 * @param {'br' | 'gzip' | 'identity'} encoding
 * @param {number} [brotliQuality]
 */
export function etagFor(etag, encoding, brotliQuality) {
  if (encoding === 'identity') return etag;
  const suffix = encoding === 'br' && brotliQuality !== undefined ? `br${brotliQuality}` : encoding;
  return `${etag.slice(0, -1)}-${suffix}"`;
}

/**
 * Whether If-None-Match names this entry in any encoding (so a client that switched encodings
 * still revalidates).
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
export function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  const bare = etag.slice(1, -1);
  return ifNoneMatch.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === '*' || value === etag || value.startsWith(`"${bare}-`);
  });
}

export class PageCache {
  /** Entries whose best-quality brotli is being computed; weak, so a dropped entry is forgotten. */
  #upgrading = new WeakSet();

  /**
   * @param {{ maxBytes: number, maxAgeMs: number, minRenderIntervalMs?: number, now?: () => number }} options
   */
  constructor({ maxBytes, maxAgeMs, minRenderIntervalMs, now = Date.now }) {
    this.maxAgeMs = maxAgeMs;
    this.minRenderIntervalMs = minRenderIntervalMs ?? MIN_RENDER_INTERVAL_MS;
    this.now = now;
    /**
     * Bumped by every revalidation, so a response that was on its way when one happened is not
     * stored if the revalidation touched it (see isOutdated).
     */
    this.generation = 0;
    /** The generation of the last revalidation that dropped everything. */
    this.clearedAt = 0;
    /** @type {Map<string, number>} the generation each tag was last revalidated in */
    this.revalidatedAt = new Map();
    /** @type {LRUCache<string, PageEntry>} */
    this.entries = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (entry) =>
        entry.bodies.identity.length + entry.bodies.gzip.length + (entry.bodies.br?.length ?? 0) + 512,
    });
  }

  /**
   * The copy for a key, or undefined when the caller should ask Next. When a copy reaches its
   * maximum age, the one caller that finds it so asks Next for a fresh one while everyone else
   * keeps being served the copy for a few seconds more — without this, every concurrent request
   * at that moment would render and compress the page again.
   * @param {string} key @returns {PageEntry | undefined}
   */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.staleSince !== undefined && now - entry.staleSince >= MAX_STALE_MS) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.expiresAt <= now) {
      entry.expiresAt = now + (entry.staleSince === undefined ? REFRESH_GRACE_MS : STALE_RETRY_MS);
      return undefined;
    }
    if (entry.brotliQuality < BEST_BROTLI_QUALITY && now - entry.storedAt >= BEST_BROTLI_AFTER_MS) {
      this.#encodeAtBestQuality(key, entry);
    }
    return entry;
  }

  /** Replaces a kept copy's brotli body with the best-quality one, once, off the event loop. */
  #encodeAtBestQuality(key, entry) {
    if (this.#upgrading.has(entry)) return;
    this.#upgrading.add(entry);
    brotli(entry.bodies.identity, BEST_BROTLI_QUALITY)
      .then((compressed) => {
        // Only if this very entry is still the one stored (not cleared, not replaced).
        if (this.entries.peek(key) !== entry) return;
        /** @type {PageEntry} a new object: whatever was derived from the old bodies goes with it */
        const upgraded = {
          status: entry.status,
          headers: entry.headers,
          etag: entry.etag,
          bodies: { ...entry.bodies, br: compressed },
          brotliQuality: BEST_BROTLI_QUALITY,
          storedAt: entry.storedAt,
          expiresAt: entry.expiresAt,
          isrStatus: entry.isrStatus,
          tags: entry.tags,
          // Read now, not when the encoding began: a revalidation meanwhile made it stale.
          ...(entry.staleSince === undefined ? {} : { staleSince: entry.staleSince }),
        };
        this.entries.set(key, upgraded, { noUpdateTTL: true });
      })
      .catch(() => {
        // The quick encoding stays; it is an optimisation.
      });
  }

  /**
   * Stores a response Next produced, compressing it once, off the event loop: gzip (the fallback
   * every client accepts) and brotli at a quick quality, upgraded later if the copy lasts (see
   * BEST_BROTLI_AFTER_MS).
   * @param {string} key
   * @param {{ status: number, headers: Record<string, string | string[] | number | undefined>, body: Buffer }} response
   * @param {number} generation the store's generation when the request reached Next: a response
   *   begun before a revalidation of one of its tags may hold the page as it was, and is not kept
   * @param {readonly string[] | null} [tags] the page's cache tags; null when unknown
   * @returns {Promise<PageEntry | null>} null when a revalidation touched the page meanwhile
   */
  async store(key, response, generation = this.generation, tags = null) {
    const tagSet = tags === null ? null : new Set(tags);
    if (this.isOutdated(generation, tagSet)) return null;
    const headers = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined || TRANSFER_HEADERS.has(name)) continue;
      headers[name] = typeof value === 'number' ? String(value) : value;
    }
    const upstreamEtag = response.headers.etag;
    const etag =
      typeof upstreamEtag === 'string' && /^"[^"]*"$/.test(upstreamEtag)
        ? upstreamEtag
        : `"${createHash('sha1').update(response.body).digest('base64url')}"`;
    const [gzipped, brotlied] = await Promise.all([
      gzipAsync(response.body, { level: 9 }),
      // brotli is an optimisation: without it, gzip is sent.
      brotli(response.body, QUICK_BROTLI_QUALITY).catch(() => null),
    ]);
    if (this.isOutdated(generation, tagSet)) return null;
    const now = this.now();
    /** @type {PageEntry} */
    const entry = {
      status: response.status,
      headers,
      etag,
      bodies: { identity: response.body, gzip: gzipped, br: brotlied },
      brotliQuality: QUICK_BROTLI_QUALITY,
      storedAt: now,
      expiresAt: now + this.maxAgeMs,
      isrStatus: String(response.headers['x-nextjs-cache'] ?? ''),
      tags: tagSet,
    };
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Whether a revalidation since `generation` touched a page with these tags (any revalidation
   * touches a page whose tags are unknown).
   * @param {number} generation
   * @param {ReadonlySet<string> | null} tags
   */
  isOutdated(generation, tags) {
    if (generation === this.generation) return false;
    if (this.clearedAt > generation || tags === null) return true;
    for (const tag of tags) if ((this.revalidatedAt.get(tag) ?? -1) > generation) return true;
    return false;
  }

  /**
   * Makes the copies a revalidation of `tags` touched stale (see the top of this file): those
   * carrying one of the tags and those whose tags are unknown. Called on every revalidation, here
   * or on another instance; with no tags (an instance catching up on what it missed) everything
   * goes.
   * @param {readonly string[]} tags
   */
  invalidate(tags) {
    if (tags.length === 0 || this.revalidatedAt.size + tags.length > MAX_REMEMBERED_TAGS) {
      this.clear();
      return;
    }
    this.generation += 1;
    for (const tag of tags) this.revalidatedAt.set(tag, this.generation);
    const now = this.now();
    for (const entry of this.entries.values()) {
      if (entry.tags !== null && !tags.some((tag) => entry.tags?.has(tag))) continue;
      entry.staleSince ??= now;
      entry.expiresAt = Math.min(entry.expiresAt, Math.max(now, entry.storedAt + this.minRenderIntervalMs));
    }
  }

  /** Empties the store. */
  clear() {
    this.generation += 1;
    this.clearedAt = this.generation;
    this.revalidatedAt.clear();
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }

  get bytes() {
    return this.entries.calculatedSize ?? 0;
  }
}
