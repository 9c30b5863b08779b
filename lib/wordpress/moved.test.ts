import { describe, expect, it } from 'vitest';
import { parseOldAddress } from './moved';

describe('parseOldAddress', () => {
  it('reads the slug, and the date in front of it as wp_old_slug_redirect() reads the query', () => {
    expect(parseOldAddress(['notes-from-the-tide-mill'])).toEqual({ slug: 'notes-from-the-tide-mill' });
    expect(parseOldAddress(['2023', '10', '03', 'a-census-of-harbour-cats'])).toEqual({
      slug: 'a-census-of-harbour-cats',
      year: 2023,
      monthnum: 10,
      day: 3,
    });
    expect(parseOldAddress(['2023', '10', 'cats'])).toEqual({ slug: 'cats', year: 2023, monthnum: 10 });
    // A prefix that is no date narrows nothing.
    expect(parseOldAddress(['events', 'old-walk'])).toEqual({ slug: 'old-walk' });
    expect(parseOldAddress([])).toBeNull();
  });
});
