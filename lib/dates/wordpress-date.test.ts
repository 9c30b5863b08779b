import { describe, expect, it } from 'vitest';
import { formatWordPressDate, siteTimezoneOf } from './wordpress-date';

// Wednesday 4 March 2026, 21:07:09.250 UTC: 5 March 02:37:09 at +05:30.
const instant = new Date('2026-03-04T21:07:09.250Z');
const utc = { timezone: 'UTC', language: 'en-US' };
const india = { timezone: '+05:30', language: 'en-US' };

describe('formatWordPressDate: PHP date() characters', () => {
  it.each([
    ['d', '04'],
    ['D', 'Wed'],
    ['j', '4'],
    ['l', 'Wednesday'],
    ['N', '3'],
    ['S', 'th'],
    ['w', '3'],
    ['z', '62'],
    ['W', '10'],
    ['F', 'March'],
    ['m', '03'],
    ['M', 'Mar'],
    ['n', '3'],
    ['t', '31'],
    ['L', '0'],
    ['o', '2026'],
    ['Y', '2026'],
    ['y', '26'],
    ['a', 'pm'],
    ['A', 'PM'],
    ['B', '921'],
    ['g', '9'],
    ['G', '21'],
    ['h', '09'],
    ['H', '21'],
    ['i', '07'],
    ['s', '09'],
    ['u', '250000'],
    ['v', '250'],
    ['e', 'UTC'],
    ['I', '0'],
    ['O', '+0000'],
    ['P', '+00:00'],
    ['p', 'Z'],
    ['T', 'UTC'],
    ['Z', '0'],
    ['c', '2026-03-04T21:07:09+00:00'],
    ['r', 'Wed, 04 Mar 2026 21:07:09 +0000'],
    ['U', '1772658429'],
  ])('%s in UTC', (format, expected) => {
    expect(formatWordPressDate(instant, format, utc)).toBe(expected);
  });

  it('reads a fixed offset: the day, the hour and the zone characters move with it', () => {
    expect(formatWordPressDate(instant, 'l, jS F Y g:i A', india)).toBe('Thursday, 5th March 2026 2:37 AM');
    expect(formatWordPressDate(instant, 'e|O|P|p|T|Z|I', india)).toBe(
      '+05:30|+0530|+05:30|+05:30|+05:30|19800|0',
    );
    expect(formatWordPressDate(instant, 'c', india)).toBe('2026-03-05T02:37:09+05:30');
    expect(formatWordPressDate(instant, 'P', { ...india, timezone: '-03:30' })).toBe('-03:30');
  });

  it('reads a named zone with its daylight saving time', () => {
    const london = { timezone: 'Europe/London', language: 'en-US' };
    const summer = new Date('2026-07-01T12:00:00Z');
    expect(formatWordPressDate(summer, 'H:i T I P', london)).toBe('13:00 BST 1 +01:00');
    expect(formatWordPressDate(instant, 'H:i T I P', london)).toBe('21:07 GMT 0 +00:00');
    const newYork = { timezone: 'America/New_York', language: 'en-US' };
    expect(formatWordPressDate(instant, 'Y-m-d H:i T', newYork)).toBe('2026-03-04 16:07 EST');
  });

  it('keeps escaped and unknown characters as they are', () => {
    expect(formatWordPressDate(instant, '\\Y\\e\\a\\r: Y, \\d\\a\\y j!', utc)).toBe('Year: 2026, day 4!');
    expect(formatWordPressDate(instant, 'j \\o\\f F', utc)).toBe('4 of March');
    expect(formatWordPressDate(instant, 'Y\\', utc)).toBe('2026');
  });

  it('writes English ordinals for 1st, 2nd, 3rd, 11th to 13th, 21st, 22nd', () => {
    const suffix = (day: number) => formatWordPressDate(new Date(Date.UTC(2026, 0, day)), 'jS', utc);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(suffix)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
  });

  it('counts ISO weeks and years across the new year, leap years and days of months', () => {
    const at = (iso: string, format: string) => formatWordPressDate(new Date(iso), format, utc);
    expect(at('2027-01-01T12:00:00Z', 'o-W N')).toBe('2026-53 5');
    expect(at('2024-12-30T12:00:00Z', 'o-W')).toBe('2025-01');
    expect(at('2024-02-10T12:00:00Z', 'L t z')).toBe('1 29 40');
    expect(at('2100-02-10T12:00:00Z', 'L t')).toBe('0 28');
    expect(at('2026-01-01T00:00:00Z', 'g:i a h')).toBe('12:00 am 12');
    expect(at('2026-01-01T12:30:00Z', 'g:i A')).toBe('12:30 PM');
  });

  it('names days and months in the site language', () => {
    expect(formatWordPressDate(instant, 'l j F', { timezone: 'UTC', language: 'fr-FR' })).toBe(
      'mercredi 4 mars',
    );
  });

  it('writes nothing for an invalid date', () => {
    expect(formatWordPressDate(new Date('nope'), 'Y', utc)).toBe('');
  });
});

describe('siteTimezoneOf', () => {
  it('takes a named zone WordPress states', () => {
    expect(siteTimezoneOf('Europe/London', 0)).toEqual({ timezone: 'Europe/London', problem: null });
  });

  it('takes the UTC offset when no zone is named, as WordPress stores "UTC+5:30"', () => {
    expect(siteTimezoneOf('', 5.5)).toEqual({ timezone: '+05:30', problem: null });
    expect(siteTimezoneOf('', -3.5)).toEqual({ timezone: '-03:30', problem: null });
    expect(siteTimezoneOf('', 5.75)).toEqual({ timezone: '+05:45', problem: null });
    expect(siteTimezoneOf(undefined, 0)).toEqual({ timezone: 'UTC', problem: null });
  });

  it('degrades an unknown zone to the offset, and an unusable offset to UTC, saying why', () => {
    expect(siteTimezoneOf('Mars/Olympus_Mons', 2)).toEqual({
      timezone: '+02:00',
      problem: 'unknown timezone "Mars/Olympus_Mons"',
    });
    expect(siteTimezoneOf('', 99)).toEqual({ timezone: 'UTC', problem: 'unusable UTC offset 99' });
    expect(siteTimezoneOf('', Number.NaN).timezone).toBe('UTC');
  });
});
