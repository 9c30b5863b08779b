import { cache } from 'react';
import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError } from './errors';
import { TAGS } from './tags';

const globalStylesSchema = z.object({ css: z.string() });

/**
 * The site's global stylesheet for blocks (preset variables, preset classes, layout rules), as
 * the companion plugin reads it from WordPress; null when the plugin does not offer it (not
 * installed, or older), and the content falls back to WordPress's default presets. Unsanitised
 * CSS: apply it only through lib/content/global-styles.ts. Cached under its own tag, which the
 * plugin's settings webhook revalidates.
 */
export const getGlobalStylesheet = cache(async (): Promise<string | null> => {
  try {
    const { data } = await wordpressTransport()({
      route: '/broadsheet/v1/global-styles',
      schema: globalStylesSchema,
      cache: publishedCache([TAGS.globalStyles]),
    });
    return data.css;
  } catch (error) {
    if (error instanceof WordPressNotFoundError) return null;
    throw error;
  }
});
