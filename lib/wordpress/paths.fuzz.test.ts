import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateArchivePath, parseDateArchive, parsePageNumber, splitPagination } from './permalinks';
import {
  isPlausibleSlug,
  parsePathSegments,
  pathFromSegments,
  isSitePath,
  isWordPressFilePath,
  pathFromWordPressLink,
  samePath,
  singleAddress,
} from './paths';

/**
 * Property-based checks of how requested paths are read before any WordPress request: any
 * segments a reader (or a scanner) can send are either refused (a 404) or turned into slugs
 * WordPress could have made — never a throw, which would be a 500.
 */

/** What arrives as a path segment: text, percent escapes (valid or not), and dot segments. */
const rawSegment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[a-z0-9.~_-])*$/),
  fc.constantFrom('.', '..', '%2F', '%2f', '%00', '%E2%82', 'page', '0', '-1', '01', '999999999'),
);
const slugSegment = fc.stringMatching(/^[\p{L}\p{N}_~-]{1,40}$/u);

describe('path parsing, fuzzed', () => {
  it('refuses or accepts any segments, and what it accepts are plausible slugs', () => {
    fc.assert(
      fc.property(fc.array(rawSegment, { maxLength: 14 }), (segments) => {
        const parsed = parsePathSegments(segments);
        if (parsed === null) return;
        expect(parsed).toHaveLength(segments.length);
        for (const segment of parsed) {
          expect(isPlausibleSlug(segment)).toBe(true);
          expect(segment).not.toMatch(/[/\\\u0000-\u001f]/);
        }
      }),
    );
  });

  it('reads back the paths it writes', () => {
    fc.assert(
      fc.property(fc.array(slugSegment, { minLength: 1, maxLength: 6 }), (segments) => {
        const path = pathFromSegments(segments);
        expect(path.startsWith('/') && path.endsWith('/')).toBe(true);
        const raw = path.split('/').filter(Boolean);
        expect(parsePathSegments(raw)).toEqual(segments);
        expect(samePath(path, path.slice(0, -1))).toBe(true);
      }),
    );
  });

  it('compares and maps any strings without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(typeof samePath(a, b)).toBe('boolean');
        const mapped = pathFromWordPressLink(a, singleAddress(b));
        expect(mapped === null || mapped.startsWith('/')).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (link) => {
        fc.pre(!isWordPressFilePath(new URL(link).pathname));
        const mapped = pathFromWordPressLink(link, singleAddress(new URL(link).origin));
        expect(mapped).not.toBeNull();
        expect(mapped?.startsWith('/')).toBe(true);
      }),
    );
  });
});

/** Site Addresses: an origin, perhaps with a sub-folder. */
const siteAddress = fc
  .tuple(fc.webUrl({ withQueryParameters: false, withFragments: false }), fc.boolean())
  .map(([url, subFolder]) => (subFolder ? url : new URL(url).origin));
/** Whatever WordPress (or an editor) may put after an address: slashes, backslashes, text. */
const linkTail = fc
  .array(
    fc.oneof(
      fc.constantFrom('/', '\\', '//', '/\\', '%2F', '%5C', '.', '..', '?', '#', ':', '@', '\t', '\n'),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('link mapping, fuzzed', () => {
  it('maps any link, under any addresses, to a path of this site or to nothing', () => {
    fc.assert(
      fc.property(
        siteAddress,
        siteAddress,
        siteAddress,
        linkTail,
        fc.boolean(),
        (home, wordpressAddress, wordpressUrl, tail, onHome) => {
          const addresses = { home, wordpressAddress, wordpressUrl };
          const link = `${onHome ? home : wordpressUrl}${tail}`;
          const mapped = pathFromWordPressLink(link, addresses);
          if (mapped !== null) expect(isSitePath(mapped), `${link} → ${mapped}`).toBe(true);
        },
      ),
    );
  });

  it('maps every page link under the Site Address back to the path it was made from', () => {
    fc.assert(
      fc.property(siteAddress, fc.array(slugSegment, { minLength: 1, maxLength: 5 }), (home, segments) => {
        const path = pathFromSegments(segments);
        fc.pre(!isWordPressFilePath(path));
        const addresses = {
          home,
          wordpressAddress: 'https://cms.example.net',
          wordpressUrl: 'http://wordpress:8080',
        };
        const mapped = pathFromWordPressLink(`${home.replace(/\/+$/, '')}${path}`, addresses);
        expect(mapped).not.toBeNull();
        expect(samePath(mapped ?? '', path)).toBe(true);
      }),
    );
  });
});

describe('archive paths, fuzzed', () => {
  it('reads a page number only as WordPress writes it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer().map(String)), (segment) => {
        const page = parsePageNumber(segment);
        if (page === null) return;
        expect(Number.isSafeInteger(page) && page >= 1).toBe(true);
        expect(String(page)).toBe(segment);
      }),
    );
  });

  it('splits pagination off any segments, refusing /page/1/ and malformed numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(rawSegment, fc.constant('page'), fc.nat().map(String)), { maxLength: 6 }),
        (segments) => {
          const split = splitPagination(segments);
          if (split === null) return;
          if (split.page === 1) expect(split.base).toEqual(segments);
          else expect([...split.base, 'page', String(split.page)]).toEqual(segments);
        },
      ),
    );
  });

  it('accepts only real calendar dates, and writes them back the same way', () => {
    const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(digits(4), digits(2), digits(1), digits(3), fc.string({ maxLength: 5 })), {
          maxLength: 4,
        }),
        (segments) => {
          const archive = parseDateArchive(segments);
          if (archive === null) return;
          const { year, month = 1, day = 1 } = archive;
          const date = new Date(Date.UTC(year, month - 1, day));
          expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]).toEqual([
            year,
            month,
            day,
          ]);
          expect(dateArchivePath(archive)).toBe(`/${segments.join('/')}/`);
        },
      ),
    );
  });
});
