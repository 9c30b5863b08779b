/**
 * What the site's owner chose in Settings → General and Settings → Reading, as the REST index
 * states it: core's `timezone_string`, `gmt_offset` and `site_icon_url`, and the companion
 * plugin's `broadsheet_reading`, `broadsheet_formats` and `broadsheet_site_icon`. Without the
 * plugin, WordPress's defaults apply. A value that cannot be honoured degrades to WordPress's
 * default, with one log line per distinct problem (not one per render).
 */
import { z } from 'zod';
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_TIME_FORMAT,
  siteTimezoneOf,
  type SiteTimezone,
} from '@/lib/dates/wordpress-date';

/** WordPress's defaults for a new site. */
export const DEFAULT_POSTS_PER_PAGE = 10;
/** The REST API's per_page maximum: no list can ask for more at once. */
const MAX_PER_PAGE = 100;

/** The index's fields this module reads (with SITE_INDEX_FIELDS). */
export const SETTINGS_INDEX_FIELDS = [
  'site_icon_url',
  'broadsheet_reading',
  'broadsheet_formats',
  'broadsheet_site_icon',
  'broadsheet_permalinks',
];

const optionalNumber = z.coerce.number().optional().catch(undefined);

export const rawSettingsSchema = z.object({
  gmt_offset: z.coerce.number().optional().catch(undefined),
  timezone_string: z.string().optional().catch(undefined),
  site_icon_url: z.string().optional().catch(undefined),
  broadsheet_reading: z
    .object({
      show_on_front: z.string().optional().catch(undefined),
      page_on_front: optionalNumber,
      page_for_posts: optionalNumber,
      posts_per_page: optionalNumber,
      posts_per_rss: optionalNumber,
      blog_public: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  broadsheet_formats: z
    .object({
      date_format: z.string().optional().catch(undefined),
      time_format: z.string().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  broadsheet_site_icon: z.record(z.string(), z.string()).optional().catch(undefined),
  broadsheet_permalinks: z
    .object({ author: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
});
export type RawSettings = z.infer<typeof rawSettingsSchema>;

/** Settings → Reading. */
export interface ReadingSettings {
  /** "Your homepage displays a static page": its id; null when the front page lists posts. */
  frontPageId: number | null;
  /** The posts page of a static front page; null without one (or without a static front page). */
  postsPageId: number | null;
  postsPerPage: number;
  postsPerFeed: number;
  /** False when "Discourage search engines from indexing this site" is ticked. */
  searchEngineVisible: boolean;
}

/** The site icon's addresses, as WordPress links them in its head; null without a site icon. */
export interface SiteIcons {
  /** 32×32, rel="icon". */
  small: string;
  /** 192×192, rel="icon". */
  large: string;
  /** 180×180, rel="apple-touch-icon". */
  appleTouch: string;
}

export interface SiteSettings {
  reading: ReadingSettings;
  timezone: SiteTimezone;
  dateFormat: string;
  timeFormat: string;
  icons: SiteIcons | null;
  /**
   * Where author archives live: the fixed start of WordPress's author permastruct, `/author/`
   * unless the permalink structure has a front (`/blog/author/`) or a plugin moved the base.
   */
  authorPathPrefix: string;
}

/** WordPress's own author base. */
const DEFAULT_AUTHOR_PATH_PREFIX = '/author/';

/**
 * The fixed start of the author permastruct (`/blog/author/%author%` → `/blog/author/`); the
 * default when it has none of its own or ends in a placeholder only.
 */
function authorPathPrefixOf(structure: string | undefined, problems: string[]): string {
  if (structure === undefined || structure === '') return DEFAULT_AUTHOR_PATH_PREFIX;
  const fixed =
    structure.startsWith('/') && structure.endsWith('%author%') ? structure.slice(0, -'%author%'.length) : '';
  if (!/^\/(?:[^%/?#\s]+\/)+$/.test(fixed)) {
    problems.push(
      `the author permastruct ${JSON.stringify(structure)} has no fixed base; using ${DEFAULT_AUTHOR_PATH_PREFIX}`,
    );
    return DEFAULT_AUTHOR_PATH_PREFIX;
  }
  return fixed;
}

function pageId(value: number | undefined): number | null {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : null;
}

function perPage(value: number | undefined, name: string, problems: string[]): number {
  if (value === undefined) return DEFAULT_POSTS_PER_PAGE;
  if (!Number.isInteger(value) || value < 1) {
    problems.push(`${name} ${String(value)} is not a number of posts; using ${DEFAULT_POSTS_PER_PAGE}`);
    return DEFAULT_POSTS_PER_PAGE;
  }
  if (value > MAX_PER_PAGE) {
    problems.push(`${name} ${value} is more than the REST API gives at once; using ${MAX_PER_PAGE}`);
    return MAX_PER_PAGE;
  }
  return value;
}

function httpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function iconsOf(raw: RawSettings): SiteIcons | null {
  const sized = raw.broadsheet_site_icon ?? {};
  // Without the plugin core names one address, the icon at full size: it serves every use.
  const any = httpUrl(raw.site_icon_url);
  const small = httpUrl(sized['32']) ?? any;
  const large = httpUrl(sized['192']) ?? any ?? small;
  const appleTouch = httpUrl(sized['180']) ?? any ?? large;
  return small && large && appleTouch ? { small, large, appleTouch } : null;
}

/**
 * The settings the REST index states, each checked: what cannot be honoured becomes WordPress's
 * default and a line in `problems`. A static front page whose page is gone is checked where the
 * page is fetched (lib/wordpress/reading.ts).
 */
export function siteSettingsOf(raw: RawSettings): { settings: SiteSettings; problems: string[] } {
  const problems: string[] = [];
  const reading = raw.broadsheet_reading ?? {};
  const staticFront = reading.show_on_front === 'page';
  const frontPageId = staticFront ? pageId(reading.page_on_front) : null;
  if (staticFront && frontPageId === null) {
    problems.push('a static front page is chosen but no page is; the front page lists posts');
  }
  const postsPageId = frontPageId === null ? null : pageId(reading.page_for_posts);
  const { timezone, problem } = siteTimezoneOf(raw.timezone_string, raw.gmt_offset);
  if (problem) problems.push(`${problem}; using ${timezone}`);
  const formats = raw.broadsheet_formats ?? {};
  return {
    settings: {
      reading: {
        frontPageId,
        // WordPress ignores a posts page that is also the front page.
        postsPageId: postsPageId === frontPageId ? null : postsPageId,
        postsPerPage: perPage(reading.posts_per_page, 'posts_per_page', problems),
        postsPerFeed: perPage(reading.posts_per_rss, 'posts_per_rss', problems),
        searchEngineVisible: reading.blog_public ?? true,
      },
      timezone,
      dateFormat: formats.date_format?.trim() || DEFAULT_DATE_FORMAT,
      timeFormat: formats.time_format?.trim() || DEFAULT_TIME_FORMAT,
      icons: iconsOf(raw),
      authorPathPrefix: authorPathPrefixOf(raw.broadsheet_permalinks?.author, problems),
    },
    problems,
  };
}

const reported = new Set<string>();

/** Logs a settings problem the first time it is seen in this process. */
export function reportSettingsProblem(problem: string): void {
  if (reported.has(problem)) return;
  reported.add(problem);
  if (reported.size > 100) reported.clear();
  console.warn(`[wordpress] settings: ${problem}`);
}

/** What a site without the companion plugin, on WordPress's defaults, is taken to have chosen. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = siteSettingsOf({}).settings;
