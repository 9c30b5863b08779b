import { cache } from 'react';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError, WordPressUnavailableError } from './errors';
import { getSiteAddresses, getSiteIndex } from './site';
import { TAGS } from './tags';

/**
 * WordPress's own block CSS (wp-includes/css/dist/block-library), the stylesheets its pages load
 * for blocks, read from the site itself so that they are the ones of its WordPress version. The
 * page gets only the rules its content uses (lib/content/content-stylesheet.ts).
 */

const blockLibrarySchema = z.object({
  version: z.string(),
  stylesheets: z.array(z.string()).max(4),
  /** Each block's own CSS, by block name, on a site that loads it only with the block. */
  blocks: z.record(z.string(), z.string()).optional(),
});

/**
 * The block CSS the site's WordPress loads: the stylesheets every page gets, and, on a site that
 * loads each block's CSS only on pages that render the block (block themes do), that CSS by block
 * name; null when every page gets all of it.
 */
export interface BlockLibrary {
  stylesheets: string[];
  blocks: Record<string, string> | null;
}

/**
 * The block CSS a page of content gets, in WordPress's order: on a site that loads each block's
 * CSS with the block, the CSS of each block its rendering rendered (`blockNames`, as the companion
 * plugin reports them; every block's when they are not known), then the common stylesheet. A
 * block theme renders its template, and so enqueues those, before the head asks for the common
 * one: its rules (`.has-text-align-left`) come last and win over a block's own at equal weight.
 */
export function blockLibraryFor(library: BlockLibrary, blockNames: readonly string[] | undefined): string[] {
  if (!library.blocks) return library.stylesheets;
  const { blocks } = library;
  const names = blockNames ?? Object.keys(blocks);
  return [
    ...names.flatMap((name) => (Object.hasOwn(blocks, name) ? [blocks[name] ?? ''] : [])),
    ...library.stylesheets,
  ];
}

/** Where the files are on every WordPress, below the WordPress Address (siteurl). */
const BLOCK_LIBRARY_FOLDER = 'wp-includes/css/dist/block-library';
/** Without the companion plugin the theme's wishes are unknown: both, as most themes load. */
const FALLBACK_FILES = ['style.min.css', 'theme.min.css'];

/**
 * The stylesheets, in WordPress's order. From the companion plugin when it has the route (it
 * knows where the files are and whether the theme loads the opinionated ones); otherwise the
 * files themselves, at the conventional address. Cached under the site tag (a theme switch is a
 * settings event) with the configured backstop, so a WordPress upgrade arrives by itself too.
 * A WordPress that has none (404) gives none; one that fails throws, so that a page rendered
 * meanwhile is not stored without its block styles.
 */
export const getBlockLibrary = cache(async (): Promise<BlockLibrary> => {
  const index = await getSiteIndex();
  if (index.namespaces.includes('broadsheet/v1')) {
    try {
      const { data } = await wordpressTransport()({
        route: '/broadsheet/v1/block-library',
        schema: blockLibrarySchema,
        cache: publishedCache([TAGS.site]),
      });
      return { stylesheets: data.stylesheets, blocks: data.blocks ?? null };
    } catch (error) {
      // A plugin from before the route: read the files.
      if (!(error instanceof WordPressNotFoundError)) throw error;
    }
  }
  const folder = blockLibraryFolderUrl(await getSiteAddresses());
  const files = await Promise.all(FALLBACK_FILES.map((file) => readStylesheet(`${folder}/${file}`)));
  return { stylesheets: files.filter((css): css is string => css !== null), blocks: null };
});

/**
 * The block library's folder as the frontend reaches it: under WORDPRESS_URL, in the sub-folder
 * the WordPress Address has below the Site Address (a WordPress installed in its own directory).
 */
export function blockLibraryFolderUrl(addresses: {
  home: string;
  wordpressAddress: string;
  wordpressUrl: string;
}): string {
  const homePath = pathOf(addresses.home);
  const wordpressPath = pathOf(addresses.wordpressAddress);
  const below =
    homePath !== null && wordpressPath !== null && wordpressPath.startsWith(`${homePath}/`)
      ? wordpressPath.slice(homePath.length)
      : '';
  return `${addresses.wordpressUrl.replace(/\/+$/, '')}${below}/${BLOCK_LIBRARY_FOLDER}`;
}

function pathOf(address: string): string | null {
  try {
    return new URL(address).pathname.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

async function readStylesheet(url: string): Promise<string | null> {
  const { wordpressTimeoutMs, revalidateSeconds } = getConfig();
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'text/css' },
      next: { tags: [TAGS.site], revalidate: revalidateSeconds },
      signal: AbortSignal.timeout(wordpressTimeoutMs),
    });
  } catch (cause) {
    throw new WordPressUnavailableError(`WordPress could not be reached for ${url}`, url, null, { cause });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return null;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new WordPressUnavailableError(
      `WordPress answered ${url} with HTTP ${response.status}`,
      url,
      response.status,
    );
  }
  const css = await response.text();
  // A site that answers every address with its HTML page (a catch-all route) has no such file.
  return /^\s*</.test(css) ? null : css;
}
