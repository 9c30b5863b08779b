/** A date in the site's timezone, readable and machine-readable. */
export function FormattedDate({
  iso,
  timezone,
  locale = 'en-GB',
}: {
  iso: string;
  timezone: string;
  locale?: string;
}) {
  const date = new Date(iso);
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: timezone }).format(date);
  } catch {
    text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
  return <time dateTime={iso}>{text}</time>;
}
