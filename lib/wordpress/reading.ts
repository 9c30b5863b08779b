/**
 * Settings → Reading's two pages: "Your homepage displays a static page" (the front page) and
 * its posts page. WordPress links the front page at the Site Address itself, so it maps to "/";
 * the posts page keeps its own path and lists the posts there.
 */
import { cache } from 'react';
import { publishedCache, wordpressTransport } from './client';
import { findContentKind, getKinds, type ContentKind } from './kinds';
import { mapPost } from './map';
import { ACF_FORMAT, EMBED } from './posts';
import { rawPostListSchema } from './schemas';
import { reportSettingsProblem, type ReadingSettings } from './settings';
import { getSiteAddresses, getSiteSettings } from './site';
import { TAGS } from './tags';
import type { Post } from './types';

export interface ReadingPages {
  /** The static front page, rendered at "/"; null when the front page lists the posts. */
  frontPage: { post: Post; contentKind: ContentKind } | null;
  /** The page that lists the posts when the front page is static; null without one. */
  postsPage: Post | null;
}

const NO_PAGES: ReadingPages = { frontPage: null, postsPage: null };

/**
 * Which of Settings → Reading's pages WordPress serves, from the pages it answered: a chosen page
 * that is gone (deleted, unpublished) degrades to WordPress's default — the front page lists the
 * posts — with the reason in `problem`.
 */
export function readingPagesOf(
  reading: Pick<ReadingSettings, 'frontPageId' | 'postsPageId'>,
  pages: readonly Post[],
  pageKind: ContentKind,
): { pages: ReadingPages; problem: string | null } {
  if (reading.frontPageId === null) return { pages: NO_PAGES, problem: null };
  const front = pages.find((page) => page.id === reading.frontPageId);
  if (!front) {
    return {
      pages: NO_PAGES,
      problem: `the static front page (page ${reading.frontPageId}) is not a published page; the front page lists posts`,
    };
  }
  const postsPage = pages.find((page) => page.id === reading.postsPageId) ?? null;
  const problem =
    reading.postsPageId !== null && !postsPage
      ? `the posts page (page ${reading.postsPageId}) is not a published page; the posts are listed nowhere but in archives`
      : null;
  // WordPress links the front page at the Site Address; say so whatever the REST answer held.
  return {
    pages: { frontPage: { post: { ...front, path: '/' }, contentKind: pageKind }, postsPage },
    problem,
  };
}

/**
 * The front page and posts page, when the site has a static front page: one request for both,
 * with everything a page needs, cached under the site tag (the settings that name them) and each
 * page's own tag (an edit or a deletion of either).
 */
export const getReadingPages = cache(async (): Promise<ReadingPages> => {
  const { reading } = await getSiteSettings();
  const ids = [reading.frontPageId, reading.postsPageId].filter((id): id is number => id !== null);
  if (ids.length === 0) return NO_PAGES;
  const [kinds, addresses] = await Promise.all([getKinds(), getSiteAddresses()]);
  const pageKind = findContentKind(kinds, 'page');
  if (!pageKind) return NO_PAGES;
  const response = await wordpressTransport()({
    route: pageKind.route,
    params: { include: ids, per_page: ids.length, _embed: EMBED, ...ACF_FORMAT },
    schema: rawPostListSchema,
    cache: publishedCache([TAGS.site, ...ids.map((id) => TAGS.content(id))]),
  });
  const { pages, problem } = readingPagesOf(
    reading,
    response.data.map((raw) => mapPost(raw, addresses)),
    pageKind,
  );
  if (problem) reportSettingsProblem(problem);
  return pages;
});
