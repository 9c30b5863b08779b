import type { SiteInfo } from '@/lib/wordpress';

/** What dates need from the site: its timezone and language. */
export type SiteDates = Pick<SiteInfo, 'timezone' | 'language'>;

/** A date in the site's timezone and language, readable and machine-readable. */
export function FormattedDate({ iso, site }: { iso: string; site: SiteDates }) {
  const date = new Date(iso);
  let text: string;
  try {
    text = new Intl.DateTimeFormat(site.language, { dateStyle: 'long', timeZone: site.timezone }).format(
      date,
    );
  } catch {
    text = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  return <time dateTime={iso}>{text}</time>;
}
