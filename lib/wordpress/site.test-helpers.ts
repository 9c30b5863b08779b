import { vi } from 'vitest';
import { singleAddress } from './paths';
import { DEFAULT_SITE_SETTINGS } from './settings';
import type * as site from './site';

/**
 * The site module with its addresses fixed to a WordPress at http://wp.example.test, for
 * `vi.mock('./site', …)`, on WordPress's default settings. In production the REST index comes from Next's data cache; tests that
 * count the requests a page costs count content requests only. `getSiteAddresses` and `getSiteSettings`
 * are mocks, so a test can give other addresses and settings.
 */
export function withFixedAddresses(original: typeof site): typeof site {
  return {
    ...original,
    getSiteAddresses: vi.fn(async () => singleAddress('http://wp.example.test')),
    getSiteSettings: vi.fn(async () => DEFAULT_SITE_SETTINGS),
  };
}
