import { getConfig } from '@/lib/config';
import { wordpressTransport } from './client';
import { WordPressError } from './errors';
import { siteAddressesOf } from './paths';
import { rawSiteSchema } from './schemas';

/**
 * Asks WordPress for its REST index, uncached. Used at server start to say plainly whether the
 * configured WordPress answers, and under which Site Address its links are read; the server runs
 * either way (cached pages need no WordPress).
 */
export async function checkWordPress(): Promise<
  { ok: true; name: string; siteAddress: string } | { ok: false; reason: string }
> {
  try {
    const { data } = await wordpressTransport()({
      route: '/',
      params: { _fields: ['name', 'description', 'url', 'home'] },
      schema: rawSiteSchema,
      cache: 'no-store',
    });
    return { ok: true, name: data.name, siteAddress: siteAddressesOf(data, getConfig().wordpressUrl).home };
  } catch (error) {
    if (error instanceof WordPressError) return { ok: false, reason: error.message };
    throw error;
  }
}
