import { pathOf, textOf, wordpressGet } from './wordpress';

/**
 * What the site's owner chose in Settings → General and Reading, as the tests read it from
 * WordPress (the REST index with the companion plugin's fields), so that specs assert what the
 * frontend should do with this site rather than assume the demo's defaults.
 */
export interface SiteSettings {
  /** The static front page: its id, title and the path of its own slug; null when "/" lists posts. */
  frontPage: { id: number; title: string; slugPath: string } | null;
  /** Where the latest posts are listed: "/", or the posts page of a static front page. */
  postsListPath: string;
  postsPerPage: number;
  postsPerFeed: number;
  searchEngineVisible: boolean;
  dateFormat: string;
  /** A named zone, or a fixed offset as "+05:30". */
  timezone: string;
  /** The site icon's address per size ("32", "180", "192"); empty without a site icon. */
  icons: Record<string, string>;
}

interface RawIndex {
  gmt_offset: number | string;
  timezone_string: string;
  broadsheet_reading: {
    show_on_front: string;
    page_on_front: number;
    page_for_posts: number;
    posts_per_page: number;
    posts_per_rss: number;
    blog_public: boolean;
  };
  broadsheet_formats: { date_format: string };
  broadsheet_site_icon: Record<string, string> | unknown[];
}

interface RawPage {
  id: number;
  slug: string;
  link: string;
  title: { rendered: string };
}

function offsetZone(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes === 0) return 'UTC';
  const absolute = Math.abs(minutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

let cached: Promise<SiteSettings> | null = null;

/** The site's settings, read once per test worker. */
export function siteSettings(): Promise<SiteSettings> {
  cached ??= readSiteSettings();
  return cached;
}

async function readSiteSettings(): Promise<SiteSettings> {
  const { data: index } = await wordpressGet<RawIndex>('/', {
    _fields: 'gmt_offset,timezone_string,broadsheet_reading,broadsheet_formats,broadsheet_site_icon',
  });
  const reading = index.broadsheet_reading;
  const pageIds = reading.show_on_front === 'page' ? [reading.page_on_front, reading.page_for_posts] : [];
  const { data: pages } =
    pageIds.length > 0
      ? await wordpressGet<RawPage[]>('/wp/v2/pages', {
          include: pageIds.join(','),
          _fields: 'id,slug,link,title',
        })
      : { data: [] as RawPage[] };
  const front = pages.find((page) => page.id === reading.page_on_front);
  const postsPage = pages.find((page) => page.id === reading.page_for_posts);
  return {
    frontPage: front
      ? { id: front.id, title: textOf(front.title.rendered), slugPath: `/${front.slug}/` }
      : null,
    postsListPath: front && postsPage ? pathOf(postsPage.link) : '/',
    postsPerPage: reading.posts_per_page,
    postsPerFeed: reading.posts_per_rss,
    searchEngineVisible: reading.blog_public,
    dateFormat: index.broadsheet_formats.date_format,
    timezone: index.timezone_string || offsetZone(Number(index.gmt_offset)),
    icons: Array.isArray(index.broadsheet_site_icon) ? {} : index.broadsheet_site_icon,
  };
}
