import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError } from './errors';
import { contentKindsForPath, getKinds } from './kinds';
import { parsePathSegments, pathFromSegments, pathFromWordPressLink, samePath } from './paths';
import { getSiteAddresses, getSiteIndex } from './site';
import { TAGS } from './tags';

/** What an old address says about the post it named: its last segment and any date before it. */
export interface OldAddress {
  slug: string;
  year?: number;
  monthnum?: number;
  day?: number;
}

/**
 * Reads an address the way wp_old_slug_redirect() reads WordPress's query: the slug is the last
 * segment, and a date in front of it (/2025/, /2025/03/, /2025/03/14/) narrows the search, as
 * under a date permalink structure. Null for a path that cannot name a post.
 */
export function parseOldAddress(segments: readonly string[]): OldAddress | null {
  const slug = segments.at(-1);
  if (!slug) return null;
  const [year, month, day] = segments.slice(0, -1);
  const address: OldAddress = { slug };
  if (year && /^\d{4}$/.test(year)) {
    address.year = Number(year);
    if (month && /^\d{2}$/.test(month)) {
      address.monthnum = Number(month);
      if (day && /^\d{2}$/.test(day)) address.day = Number(day);
    }
  }
  return address;
}

const movedSchema = z.object({ link: z.string().nullable().catch(null) });

/**
 * Where a post that once lived at a path lives now, as WordPress answers its 404s: a post whose
 * slug changed (`_wp_old_slug`) or, under a date structure, whose date changed (`_wp_old_date`).
 * Asked of the companion plugin (core has no REST lookup for either), cached under the slug's
 * tag, which the post's rename event revalidates. Null when nothing moved from there, or when the
 * plugin is absent.
 */
export async function findMovedContent(joinedSegments: string): Promise<string | null> {
  const segments = parsePathSegments(joinedSegments.split('/'));
  const address = segments ? parseOldAddress(segments) : null;
  if (!segments || !address) return null;
  const [index, kinds, addresses] = await Promise.all([getSiteIndex(), getKinds(), getSiteAddresses()]);
  if (!index.namespaces.includes('broadsheet/v1')) return null;
  const requestedPath = pathFromSegments(segments);
  // WordPress looks among the type the address names (its prefix), else among posts; never
  // among hierarchical types, whose paths are not slugs alone.
  const type =
    contentKindsForPath(kinds, requestedPath)[0]?.find((kind) => !kind.hierarchical)?.type ?? 'post';
  try {
    const { data } = await wordpressTransport()({
      route: '/broadsheet/v1/moved',
      params: { ...address, type },
      schema: movedSchema,
      cache: publishedCache([TAGS.slug(type, address.slug)]),
    });
    const path = data.link ? pathFromWordPressLink(data.link, addresses) : null;
    return path && !samePath(path, requestedPath) ? path : null;
  } catch (error) {
    if (error instanceof WordPressNotFoundError) return null;
    throw error;
  }
}
