import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError } from './errors';
import { getKinds } from './kinds';
import { listSourceOf, type PostListQuery } from './posts';
import { getSiteAddresses, getSiteInfo } from './site';
import { TAGS } from './tags';

const getHeadSchema = z.object({ json: z.record(z.string(), z.unknown()).nullable().optional() });

export interface ListingHeadQuery {
  /** Path of the list's first page on WordPress (and so on this frontend), e.g. "/tag/maps/". */
  path: string;
  page: number;
  /**
   * Yoast's head of the first page when the list's own object carries one (terms and users do),
   * null when it carries none; undefined for lists without an object (the home page).
   */
  firstPageHead?: Record<string, unknown> | null;
  /** Which list: its head changes when the list does (prev/next, page count). */
  list: PostListQuery;
}

/**
 * Yoast's head of a list page, or null where Yoast does not describe it. The first page of a
 * term or author archive comes with the object itself; later pages, and the home page, are
 * asked for by URL through Yoast's get_head, since their title, canonical and prev/next differ.
 * A WordPress outage is thrown like any other, so the last good page stays cached.
 */
export async function getListingYoastHead(query: ListingHeadQuery): Promise<Record<string, unknown> | null> {
  if (query.page === 1 && query.firstPageHead !== undefined) return query.firstPageHead;
  const described =
    query.firstPageHead === undefined ? (await getSiteInfo()).hasYoast : query.firstPageHead !== null;
  if (!described) return null;
  const pagePath = query.page <= 1 ? query.path : `${query.path}page/${query.page}/`;
  // Yoast reads the URL against the Site Address, where the page lives on WordPress.
  const [{ home }, kinds] = await Promise.all([getSiteAddresses(), getKinds()]);
  const listTag = listSourceOf(query.list, kinds)?.tag;
  const listTags = listTag ? [TAGS.listHead(listTag)] : [];
  try {
    const response = await wordpressTransport()({
      route: '/yoast/v1/get_head',
      params: { url: `${home.replace(/\/+$/, '')}${pagePath}` },
      schema: getHeadSchema,
      // The home page's head also carries the site's name and tagline.
      cache: publishedCache(query.list.kind === 'home' ? [...listTags, TAGS.site] : listTags),
    });
    return response.data.json ?? null;
  } catch (error) {
    // Yoast answers 404 for a URL it does not know; that page gets Broadsheet's own head.
    if (error instanceof WordPressNotFoundError) return null;
    throw error;
  }
}
