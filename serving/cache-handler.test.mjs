import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { describe, expect, it } from 'vitest';
import { applyTagState } from './cache-handler.mjs';

const { tagsManifest, areTagsStale, areTagsExpired } = tagsManifestModule;

describe('a revalidation heard from another instance', () => {
  it('marks the tags stale in Next’s own manifest, at the time it happened', () => {
    const at = Date.now() - 1_000;
    applyTagState(['wp:content:7', 'wp:list:home'], at, 31_536_000);
    expect(tagsManifest.get('wp:content:7')).toEqual({ stale: at, expired: at + 31_536_000_000 });
    // An entry written before the revalidation is stale; one written after it is not.
    expect(areTagsStale(['wp:content:7'], at - 1)).toBe(true);
    expect(areTagsStale(['wp:content:7'], at + 1)).toBe(false);
    expect(areTagsExpired(['wp:content:7'], at - 1)).toBe(false);
  });

  it('never moves a tag back to an older revalidation', () => {
    const newer = Date.now();
    applyTagState(['wp:list:tag:3'], newer, undefined);
    applyTagState(['wp:list:tag:3'], newer - 60_000, undefined);
    expect(tagsManifest.get('wp:list:tag:3')?.stale).toBe(newer);
  });

  it('expires at once when the revalidation asked for it', () => {
    const at = Date.now() - 10;
    applyTagState(['wp:site'], at, 0);
    expect(areTagsExpired(['wp:site'], at - 1)).toBe(true);
  });
});

describe('a page whose path holds a NUL byte', () => {
  it('is neither stored nor looked up, where no file could be named by it', async () => {
    const { default: BroadsheetCacheHandler } = await import('./cache-handler.mjs');
    const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { promises: fs } = await import('node:fs');
    const folder = mkdtempSync(join(tmpdir(), 'cache-handler-'));
    try {
      const handler = new BroadsheetCacheHandler({
        fs: { ...fs, existsSync: () => false },
        flushToDisk: true,
        serverDistDir: folder,
        revalidatedTags: [],
      });
      const page = { kind: 'APP_PAGE', html: '<p>x</p>', headers: {}, status: 404 };
      await expect(handler.set('/route-cache/APP_PAGE/x/$/a\0b', page, {})).resolves.toBeUndefined();
      await expect(handler.get('/route-cache/APP_PAGE/x/$/a\0b', { kind: 'APP_PAGE' })).resolves.toBeNull();
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
