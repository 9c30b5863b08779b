import { formatWordPressDate } from '@/lib/dates/wordpress-date';
import type { SiteInfo } from '@/lib/wordpress';

/** What dates need from the site: its timezone, language, and date and time formats. */
export type SiteDates = Pick<SiteInfo, 'timezone' | 'language' | 'dateFormat' | 'timeFormat'>;

/**
 * A date as the site's own theme prints it: in its timezone, in its date format (Settings →
 * General), with the time too when asked (as themes show comments' dates); machine-readable too.
 */
export function FormattedDate({
  iso,
  site,
  withTime = false,
}: {
  iso: string;
  site: SiteDates;
  withTime?: boolean;
}) {
  const date = new Date(iso);
  const text = formatWordPressDate(date, site.dateFormat, site);
  return (
    <time dateTime={iso}>
      {withTime ? `${text} at ${formatWordPressDate(date, site.timeFormat, site)}` : text}
    </time>
  );
}
