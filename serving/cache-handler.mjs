// Next's ISR cache handler for Broadsheet (next.config.ts `cacheHandler`).
//
// Without REDIS_URL it is Next's own file-system cache, unchanged. With REDIS_URL, several
// instances share one cache:
//
// - Entries (pages, route handlers, WordPress fetches) are read from and written to Redis through
//   @trieb.work/nextjs-turbo-redis-cache, and also kept locally, so an instance keeps serving from
//   its own copy while Redis is unreachable (logged once) and picks Redis up again by itself.
// - Revalidation keeps Next's stale-while-revalidate meaning. The package's own revalidateTag
//   deletes entries, which would turn a revalidation during a WordPress outage into an error page;
//   so tags are instead marked stale in Next's tag manifest on every instance: locally at once, on
//   the others through a Redis message, and in a Redis hash that an instance reads when it
//   (re)connects, so one that missed messages catches up; a revalidation applied while Redis was
//   away is shared once it is back. Each instance then serves the last good
//   page while it re-renders, exactly as a single instance does.
// - Every revalidation also empties the fast layer's in-memory copies of the pages that carry one
//   of its tags (serving/), here and, through the same message, on every other instance.
// - After every revalidation applied here, the HTTP caches in front are told to purge its tags
//   (purge.mjs), without the revalidation waiting for them.
// - A render that began before one of its tags was revalidated and ended after it is not kept
//   as fresh: the handler keeps the entry it had, and the next request renders again
//   (render-starts.mjs).
// - Every entry read or written has its tags (Next's `x-next-cache-tags`) copied to a header Next
//   sends with the page, so the server knows the tags of what it serves (see cache-tags.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { RedisStringsHandler } from '@trieb.work/nextjs-turbo-redis-cache';
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { createClient } from 'redis';
import { exposeEntryTags } from './cache-tags.mjs';
import { purgeAfterRevalidation } from './purge.mjs';
import { RenderStarts, tagsOfEntry } from './render-starts.mjs';

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule;
const { tagsManifest } = tagsManifestModule;

export const REVALIDATION_CHANNEL = 'broadsheet:revalidated';
export const TAG_STATE_KEY = 'broadsheet:tag-state';
const PAGE_COPIES_LISTENER = Symbol.for('broadsheet.revalidated');

const log = (message) => console.log(`[cache] ${message}`);

/**
 * Marks tags stale (and expired after `expire` seconds when given) in this process's tag
 * manifest, as Next's own revalidateTag does, at the time the revalidation happened.
 * @param {string[]} tags
 * @param {number} at epoch ms
 * @param {number | undefined} expireSeconds
 */
export function applyTagState(tags, at, expireSeconds) {
  for (const tag of tags) {
    const current = tagsManifest.get(tag) ?? {};
    if (typeof current.stale === 'number' && current.stale >= at) continue;
    const next = { ...current, stale: at };
    if (typeof expireSeconds === 'number') next.expired = at + expireSeconds * 1000;
    tagsManifest.set(tag, next);
  }
}

function emptyPageCopies(tags) {
  const listener = globalThis[PAGE_COPIES_LISTENER];
  if (typeof listener === 'function') listener(tags);
}

/** One connection set per process: Next may construct the handler more than once. */
let shared = null;
/** Likewise one record of renders under way. */
const renderStarts = new RenderStarts();

function connectShared(redisUrl, keyPrefix) {
  if (shared) return shared;
  const instance = randomUUID();
  const socket = {
    connectTimeout: 2_000,
    reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5_000),
  };
  const publisher = createClient({ url: redisUrl, socket });
  const subscriber = createClient({ url: redisUrl, socket });
  /**
   * Revalidations applied here while Redis could not take them, shared once it can: without
   * them the other instances would keep those pages until the time-based backstop.
   * @type {{ tags: string[], at: number, expire: number | undefined }[]}
   */
  const unshared = [];
  const state = { instance, publisher, subscriber, down: false, entries: null, unshared };

  const onError = (error) => {
    if (state.down) return;
    state.down = true;
    log(
      `Redis is unreachable (${error?.message ?? error}); serving from this instance's own cache until it is back`,
    );
  };
  publisher.on('error', onError);
  subscriber.on('error', onError);

  const catchUp = async () => {
    // Revalidations this instance may have missed while it was away.
    const all = await publisher.hGetAll(TAG_STATE_KEY);
    for (const [tag, raw] of Object.entries(all)) {
      try {
        const { at, expire } = JSON.parse(raw);
        if (typeof at === 'number') applyTagState([tag], at, typeof expire === 'number' ? expire : undefined);
      } catch {
        // A malformed field is skipped; the time-based backstop still applies.
      }
    }
    emptyPageCopies([]);
  };
  const shareMissed = async () => {
    // Those waiting now, once each: one that fails again waits for the next time.
    for (let waiting = unshared.length; waiting > 0 && publisher.isReady; waiting--) {
      const [missed] = unshared.splice(0, 1);
      if (missed) await publishRevalidation(state, missed.tags, missed.at, missed.expire);
    }
  };
  publisher.on('ready', () => {
    if (state.down) log('Redis is back; catching up on revalidations');
    state.down = false;
    catchUp().then(shareMissed).catch(onError);
  });

  // The publisher can be back before the subscriber has subscribed again, and a revalidation
  // published in between never arrives here: once the subscriber is ready again (its channel
  // subscribed anew), catch up once more.
  let subscriberWasReady = false;
  subscriber.on('ready', () => {
    if (subscriberWasReady) catchUp().then(shareMissed).catch(onError);
    subscriberWasReady = true;
  });

  publisher.connect().catch(onError);
  subscriber
    .connect()
    .then(() =>
      subscriber.subscribe(REVALIDATION_CHANNEL, (message) => {
        let parsed;
        try {
          parsed = JSON.parse(message);
        } catch {
          return;
        }
        if (parsed?.instance === instance || !Array.isArray(parsed?.tags)) return;
        const tags = parsed.tags.filter((tag) => typeof tag === 'string');
        applyTagState(
          tags,
          Number(parsed.at) || Date.now(),
          typeof parsed.expire === 'number' ? parsed.expire : undefined,
        );
        emptyPageCopies(tags);
      }),
    )
    .catch(onError);

  state.entries = new RedisStringsHandler({
    redisUrl,
    database: 0,
    keyPrefix,
    // Freshness is decided by the tag manifest; a local copy of a Redis read would only add lag.
    inMemoryCachingTime: 0,
    getTimeoutMs: 500,
    socketOptions: socket,
  });
  shared = state;
  return state;
}

/** Whether the package's Redis client can take commands now (it has no public accessor). */
function entriesUsable(state) {
  return !state.down && state.entries?.client?.isReady === true;
}

function buildId(serverDistDir) {
  try {
    return readFileSync(join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

/**
 * Next keys a page by its path, and a request can spell a NUL byte into one (`/%00/`): no file
 * can be named by it, so such a page is rendered for its one request and never stored.
 */
function storable(key) {
  return typeof key === 'string' && !key.includes('\0');
}

/** At most this many revalidations wait for Redis; past it, the oldest go (the backstop remains). */
const MAX_UNSHARED = 1_000;

function rememberUnshared(state, tags, at, expire) {
  if (state.unshared.length >= MAX_UNSHARED) state.unshared.shift();
  state.unshared.push({ tags, at, expire });
}

/**
 * Records a revalidation in Redis's tag state (read by instances catching up) and tells the
 * other instances now; kept for later when Redis cannot take it.
 */
async function publishRevalidation(state, tags, at, expire) {
  const record = JSON.stringify({ at, expire });
  try {
    await state.publisher.hSet(TAG_STATE_KEY, Object.fromEntries(tags.map((tag) => [tag, record])));
    await state.publisher.publish(
      REVALIDATION_CHANNEL,
      JSON.stringify({ instance: state.instance, tags, at, expire }),
    );
  } catch (error) {
    log(
      `could not share a revalidation through Redis (${error?.message ?? error}); applied here, shared when Redis is back`,
    );
    rememberUnshared(state, tags, at, expire);
  }
}

export default class BroadsheetCacheHandler {
  constructor(context) {
    this.local = new FileSystemCache(context);
    const redisUrl = process.env.REDIS_URL;
    const building = process.env.NEXT_PHASE === 'phase-production-build';
    // Entries are per build (an old build's pages do not fit a new one); tags and messages are
    // about content, so every build shares them.
    this.redis =
      redisUrl && !building
        ? connectShared(redisUrl, `broadsheet:${buildId(context.serverDistDir ?? '.next/server')}:`)
        : null;
  }

  async get(key, context) {
    if (!storable(key)) return null;
    const entry = await this.#read(key, context);
    exposeEntryTags(entry?.value);
    renderStarts.lookedUp(key, entry, tagsOfEntry(entry?.value, context));
    return entry;
  }

  async #read(key, context) {
    if (this.redis && entriesUsable(this.redis)) {
      try {
        return await this.redis.entries.get(key, context);
      } catch (error) {
        log(`Redis read failed for one entry (${error?.message ?? error}); using this instance's copy`);
      }
    }
    return this.local.get(key, context);
  }

  async set(key, data, context) {
    // The same object is the response Next is about to send for a page it just rendered.
    exposeEntryTags(data);
    if (!storable(key)) return;
    if (renderStarts.outdated(key, tagsOfEntry(data, context))) {
      log(
        `${key}: rendered from data a revalidation replaced meanwhile; not stored, the next request renders it again`,
      );
      return;
    }
    await this.local.set(key, data, context);
    if (this.redis && entriesUsable(this.redis)) {
      await this.redis.entries.set(key, data, context).catch((error) => {
        log(`Redis write failed for one entry (${error?.message ?? error}); kept locally`);
      });
    }
  }

  async revalidateTag(tagOrTags, durations) {
    const tags = [tagOrTags ?? []].flat();
    if (tags.length === 0) return;
    const at = Date.now();
    await this.local.revalidateTag(tags, durations);
    emptyPageCopies(tags);
    await this.#share(tags, at, durations);
    // Only now, with the tags stale here and published to the other instances: a cache in front
    // that refetches at once must not get the old page from any of them. Not awaited.
    purgeAfterRevalidation(tags);
  }

  async #share(tags, at, durations) {
    const state = this.redis;
    if (!state) return;
    // No durations means "expire now", as in Next's own handler.
    const expire =
      durations === undefined ? 0 : typeof durations.expire === 'number' ? durations.expire : undefined;
    if (!state.publisher.isReady) {
      rememberUnshared(state, tags, at, expire);
      return;
    }
    await publishRevalidation(state, tags, at, expire);
  }

  resetRequestCache() {
    this.local.resetRequestCache?.();
  }
}
