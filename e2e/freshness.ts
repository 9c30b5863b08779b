import type { APIRequestContext } from '@playwright/test';

/** How soon an editor's change in WordPress must show on the item's own page. */
export const FRESH_WITHIN = { timeout: 5_000, intervals: [250] };
/**
 * Lists re-render several WordPress queries; on the embedded WordPress (PHP in WebAssembly,
 * about ten times slower than native PHP) that can take longer than one page does.
 */
export const LISTS_FRESH_WITHIN = { timeout: 30_000, intervals: [250] };

/** The title an article's page shows, as HTML text; null when it shows none. */
export async function titleAt(request: APIRequestContext, path: string) {
  const html = await (await request.get(path)).text();
  return /<h1 class="article__title">([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
}
