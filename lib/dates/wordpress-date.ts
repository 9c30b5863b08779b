/**
 * Dates as WordPress prints them: its Settings → General timezone (a named zone or a fixed UTC
 * offset such as +5:30) and its date and time formats, written with PHP's date() format
 * characters (https://www.php.net/manual/en/datetime.format.php), as wp_date() reads them.
 *
 * Node's Intl knows named zones only, so a fixed offset is applied here; names of days and
 * months come from Intl in the site's language, as WordPress translates them with its locale.
 */

/** A timezone as Broadsheet keeps it: an IANA name ("Europe/London", "UTC") or an offset ("+05:30"). */
export type SiteTimezone = string;

/** WordPress's defaults for a new site (Settings → General), used when a site states none. */
export const DEFAULT_DATE_FORMAT = 'F j, Y';
export const DEFAULT_TIME_FORMAT = 'g:i a';

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Whether Intl knows a named zone. */
function isKnownZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An offset in minutes as "+05:30". */
export function offsetName(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * The site's timezone as WordPress decides it: `timezone_string` when it names a zone, else the
 * fixed `gmt_offset` in hours (5.5 is +05:30; WordPress stores "UTC+5:30" this way), else UTC.
 * `problem` says what was unusable, for one log line.
 */
export function siteTimezoneOf(
  timezoneString: string | undefined,
  gmtOffset: number | undefined,
): { timezone: SiteTimezone; problem: string | null } {
  const name = timezoneString?.trim() ?? '';
  if (name !== '' && isKnownZone(name)) return { timezone: name, problem: null };
  const problem = name === '' ? null : `unknown timezone "${name}"`;
  if (gmtOffset !== undefined && Number.isFinite(gmtOffset) && Math.abs(gmtOffset) <= 14) {
    const minutes = Math.round(gmtOffset * 60);
    return { timezone: minutes === 0 ? 'UTC' : offsetName(minutes), problem };
  }
  const offsetProblem = gmtOffset === undefined ? null : `unusable UTC offset ${String(gmtOffset)}`;
  return { timezone: 'UTC', problem: problem ?? offsetProblem };
}

/** The wall clock of an instant in a timezone, with the zone's offset then. */
interface WallClock {
  /** The wall-clock time as a UTC date: read it with getUTC…(). */
  local: Date;
  offsetMinutes: number;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

function offsetMinutesOf(instant: Date, zone: SiteTimezone): number {
  const fixed = OFFSET.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    return fixed[1] === '-' ? -minutes : minutes;
  }
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(zone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year) * (parts.era === 'BC' ? -1 : 1);
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const whole = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  return Math.round((wall - whole) / 60000);
}

function wallClockOf(instant: Date, zone: SiteTimezone): WallClock {
  const offsetMinutes = offsetMinutesOf(instant, zone);
  return { local: new Date(instant.getTime() + offsetMinutes * 60000), offsetMinutes };
}

function pad(value: number, length = 2): string {
  const text = String(Math.abs(value)).padStart(length, '0');
  return value < 0 ? `-${text}` : text;
}

function englishOrdinalSuffix(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ISO 8601 week number and week-numbering year of a wall-clock date. */
function isoWeek(local: Date): { week: number; year: number } {
  const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return { week, year };
}

function dayOfYear(local: Date): number {
  return Math.round(
    (Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) -
      Date.UTC(local.getUTCFullYear(), 0, 1)) /
      86400000,
  );
}

function isDaylightSaving(instant: Date, zone: SiteTimezone, offsetMinutes: number): boolean {
  if (OFFSET.test(zone)) return false;
  const year = instant.getUTCFullYear();
  const january = offsetMinutesOf(new Date(Date.UTC(year, 0, 1)), zone);
  const july = offsetMinutesOf(new Date(Date.UTC(year, 6, 1)), zone);
  return january !== july && offsetMinutes === Math.max(january, july);
}

function zoneAbbreviation(instant: Date, zone: SiteTimezone, offsetMinutes: number): string {
  if (OFFSET.test(zone)) return zone;
  if (zone === 'UTC') return 'UTC';
  // American and British English between them know the abbreviations PHP prints (EST, BST…);
  // where neither has one, PHP prints the offset, as "+0530".
  for (const english of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(english, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return compactOffset(offsetMinutes);
}

function compactOffset(minutes: number): string {
  return offsetName(minutes).replace(':', '');
}

function localName(language: string, local: Date, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(local);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(local);
  }
}

export interface DateFormatOptions {
  timezone: SiteTimezone;
  /** BCP 47, for the names of days and months. */
  language: string;
}

/**
 * An instant written in a WordPress (PHP date()) format, in the site's timezone. A backslash
 * makes the next character literal; characters that are not format characters stay as they are.
 */
export function formatWordPressDate(instant: Date, format: string, options: DateFormatOptions): string {
  if (Number.isNaN(instant.getTime())) return '';
  const { local, offsetMinutes } = wallClockOf(instant, options.timezone);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const weekday = local.getUTCDay();
  const hours = local.getUTCHours();
  const hours12 = hours % 12 || 12;
  const names = (part: Intl.DateTimeFormatOptions) => localName(options.language, local, part);

  const write = (character: string): string | null => {
    switch (character) {
      case 'd':
        return pad(day);
      case 'D':
        return names({ weekday: 'short' });
      case 'j':
        return String(day);
      case 'l':
        return names({ weekday: 'long' });
      case 'N':
        return String(weekday || 7);
      case 'S':
        return englishOrdinalSuffix(day);
      case 'w':
        return String(weekday);
      case 'z':
        return String(dayOfYear(local));
      case 'W':
        return pad(isoWeek(local).week);
      case 'F':
        return names({ month: 'long' });
      case 'm':
        return pad(month);
      case 'M':
        return names({ month: 'short' });
      case 'n':
        return String(month);
      case 't':
        return String(new Date(Date.UTC(year, month, 0)).getUTCDate());
      case 'L':
        return isLeapYear(year) ? '1' : '0';
      case 'o':
        return String(isoWeek(local).year);
      case 'Y':
        return year < 1000 ? pad(year, 4) : String(year);
      case 'y':
        return pad(year % 100);
      case 'a':
        return hours < 12 ? 'am' : 'pm';
      case 'A':
        return hours < 12 ? 'AM' : 'PM';
      case 'B': {
        // Swatch Internet time: thousandths of a day in UTC+1.
        const seconds = (instant.getTime() / 1000 + 3600) % 86400;
        return pad(Math.floor((seconds < 0 ? seconds + 86400 : seconds) / 86.4), 3);
      }
      case 'g':
        return String(hours12);
      case 'G':
        return String(hours);
      case 'h':
        return pad(hours12);
      case 'H':
        return pad(hours);
      case 'i':
        return pad(local.getUTCMinutes());
      case 's':
        return pad(local.getUTCSeconds());
      case 'u':
        return pad(local.getUTCMilliseconds() * 1000, 6);
      case 'v':
        return pad(local.getUTCMilliseconds(), 3);
      case 'e':
        return options.timezone;
      case 'I':
        return isDaylightSaving(instant, options.timezone, offsetMinutes) ? '1' : '0';
      case 'O':
        return compactOffset(offsetMinutes);
      case 'P':
        return offsetName(offsetMinutes);
      case 'p':
        return offsetMinutes === 0 ? 'Z' : offsetName(offsetMinutes);
      case 'T':
        return zoneAbbreviation(instant, options.timezone, offsetMinutes);
      case 'Z':
        return String(offsetMinutes * 60);
      case 'c':
        return formatWordPressDate(instant, 'Y-m-d\\TH:i:sP', options);
      case 'r':
        return formatWordPressDate(instant, 'D, d M Y H:i:s O', { ...options, language: 'en-US' });
      case 'U':
        return String(Math.floor(instant.getTime() / 1000));
      default:
        return null;
    }
  };

  let text = '';
  for (let index = 0; index < format.length; index++) {
    const character = format.charAt(index);
    if (character === '\\') {
      index++;
      text += format.charAt(index);
      continue;
    }
    text += write(character) ?? character;
  }
  return text;
}
