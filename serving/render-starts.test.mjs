import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { describe, expect, it } from 'vitest';
import { RenderStarts, tagsOfEntry } from './render-starts.mjs';

const { tagsManifest } = tagsManifestModule;
const markStale = (tag, at) => tagsManifest.set(tag, { stale: at });

describe('renders that began before an edit', () => {
  it('are not kept when one of their tags was revalidated while they ran', () => {
    const renders = new RenderStarts();
    const storedAt = Date.now() - 60_000;
    // An edit made the page stale; a reader's lookup starts its re-render.
    markStale('wp:content:41', storedAt + 1_000);
    renders.lookedUp('/story', { lastModified: storedAt }, ['wp:content:41'], storedAt + 2_000);
    // A second edit lands while the render still reads WordPress.
    markStale('wp:content:41', storedAt + 3_000);
    expect(renders.outdated('/story', ['wp:content:41'])).toBe(true);
    // The next render begins after that edit, and is kept.
    renders.lookedUp('/story', { lastModified: storedAt }, ['wp:content:41'], storedAt + 4_000);
    expect(renders.outdated('/story', ['wp:content:41'])).toBe(false);
  });

  it('are kept when nothing was revalidated while they ran, or the page was never stale', () => {
    const renders = new RenderStarts();
    const now = Date.now();
    markStale('wp:content:42', now - 5_000);
    renders.lookedUp('/calm', { lastModified: now - 10_000 }, ['wp:content:42'], now - 4_000);
    expect(renders.outdated('/calm', ['wp:content:42'])).toBe(false);
    // A fresh entry starts no render: a later store (a time-based re-render) is judged as today.
    renders.lookedUp('/fresh', { lastModified: now }, ['wp:content:42'], now);
    markStale('wp:content:42', now + 1_000);
    expect(renders.outdated('/fresh', ['wp:content:42'])).toBe(false);
    // A render with no tags of its own cannot be outdated by one.
    renders.lookedUp('/untagged', null, [], now - 4_000);
    expect(renders.outdated('/untagged', [])).toBe(false);
  });

  it('keep every other render of a page under constant edits, so it still moves on', () => {
    const renders = new RenderStarts();
    const start = Date.now() - 100_000;
    const kept = [];
    for (let round = 0; round < 4; round++) {
      const at = start + round * 10_000;
      renders.lookedUp('/busy', null, ['wp:list:home'], at);
      markStale('wp:list:home', at + 500);
      kept.push(!renders.outdated('/busy', ['wp:list:home']));
    }
    expect(kept).toEqual([false, true, false, true]);
  });

  it('count a miss as a render and the first lookup of concurrent readers as its start', () => {
    const renders = new RenderStarts();
    const now = Date.now();
    renders.lookedUp('/new', undefined, [], now - 3_000);
    renders.lookedUp('/new', undefined, [], now - 1_000);
    markStale('wp:content:43', now - 2_000);
    expect(renders.outdated('/new', ['wp:content:43'])).toBe(true);
  });
});

describe('the tags an entry is judged by', () => {
  it('are a page’s from its headers and a data fetch’s from its context', () => {
    expect(tagsOfEntry({ headers: { 'x-next-cache-tags': 'wp:content:7,wp:list:home' } }, undefined)).toEqual(
      ['wp:content:7', 'wp:list:home'],
    );
    expect(tagsOfEntry(null, { tags: ['wp:kinds', 7] })).toEqual(['wp:kinds']);
    expect(tagsOfEntry(undefined, {})).toEqual([]);
  });
});
