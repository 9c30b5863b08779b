// When each re-render began, so that one which read WordPress before an edit and finished after
// it is not kept as fresh.
//
// Next judges an entry fresh when it was stored after its tags' last revalidation. A render that
// began before an edit's revalidation and ended after it (its WordPress requests answered with
// the old content) is stored after the revalidation, so it would count as fresh, and readers
// would see the old content until the time-based backstop or the webhook's second, settling
// revalidation (lib/revalidation/request.ts). Knowing when the render began, the cache handler
// instead keeps the entry it had (stale, still served while the page re-renders) and lets the
// next request render again, now after the edit.
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { NEXT_TAGS_HEADER, parseEntryTags } from './cache-tags.mjs';

const { areTagsStale } = tagsManifestModule;

/** Renders remembered at once; a lookup never followed by a store (a 404, a failure) ages out. */
const MAX_PENDING = 10_000;
const PENDING_FOR_MS = 5 * 60_000;

/**
 * The tags an entry is judged by: a page's or route handler's from its headers, a data fetch's
 * (unstable_cache, fetch) from the context Next passes with it.
 * @param {{ headers?: Record<string, unknown> } | null | undefined} value
 * @param {{ tags?: unknown } | undefined} context
 * @returns {string[]}
 */
export function tagsOfEntry(value, context) {
  const fromHeaders = parseEntryTags(value?.headers?.[NEXT_TAGS_HEADER]) ?? [];
  const fromContext = Array.isArray(context?.tags)
    ? context.tags.filter((tag) => typeof tag === 'string')
    : [];
  return [...fromHeaders, ...fromContext];
}

export class RenderStarts {
  /** @type {Map<string, number>} key → when the lookup that started its render happened */
  #pending = new Map();
  /** Keys whose last render was not kept: the next one is, so a page under constant edits still moves on. */
  #skippedLast = new Set();

  /**
   * A lookup of `key` answered `entry`: when there is none, or its tags were revalidated since
   * it was stored, Next renders it now (unless a render is already under way).
   * @param {string} key
   * @param {{ lastModified?: number } | null | undefined} entry
   * @param {string[]} tags
   * @param {number} [now]
   */
  lookedUp(key, entry, tags, now = Date.now()) {
    if (this.#pending.has(key)) return;
    const stale = !entry || (tags.length > 0 && areTagsStale(tags, entry.lastModified ?? 0));
    if (!stale) return;
    this.#forgetOld(now);
    this.#pending.set(key, now);
  }

  /**
   * Whether what a render of `key` is about to store should not be kept: one of its tags was
   * revalidated after the render began. Ends the render either way.
   * @param {string} key
   * @param {string[]} tags
   */
  outdated(key, tags) {
    const startedAt = this.#pending.get(key);
    this.#pending.delete(key);
    const outdated =
      startedAt !== undefined &&
      tags.length > 0 &&
      areTagsStale(tags, startedAt) &&
      !this.#skippedLast.has(key);
    if (outdated) {
      if (this.#skippedLast.size >= MAX_PENDING) this.#skippedLast.clear();
      this.#skippedLast.add(key);
    } else {
      this.#skippedLast.delete(key);
    }
    return outdated;
  }

  #forgetOld(now) {
    for (const [key, startedAt] of this.#pending) {
      if (this.#pending.size < MAX_PENDING && now - startedAt < PENDING_FOR_MS) break;
      this.#pending.delete(key);
      this.#skippedLast.delete(key);
    }
  }
}
