import { vi } from 'vitest';
import taxonomiesWithoutPlugin from './fixtures/kinds/taxonomies-without-plugin.json';
import typesWithoutPlugin from './fixtures/kinds/types-without-plugin.json';
import type * as kinds from './kinds';
import { singleAddress } from './paths';

/**
 * The registry of a plain WordPress (posts, pages, categories, tags) at http://wp.example.test.
 * Takes buildKinds rather than importing it: a `vi.mock('./kinds')` factory calls this module,
 * and importing the module being mocked from there would wait on itself.
 */
export function plainWordPressKinds(build: typeof kinds.buildKinds): kinds.Kinds {
  return build(typesWithoutPlugin, taxonomiesWithoutPlugin, singleAddress('http://wp.example.test'));
}

/**
 * The kinds module with its registry fixed, for `vi.mock('./kinds', …)`: in production the
 * registry comes from Next's data cache, and tests that count the requests a page costs count
 * content requests only. `getKinds` is a mock, so a test can give another registry.
 */
export function withFixedKinds(original: typeof kinds): typeof kinds {
  const fixed = plainWordPressKinds(original.buildKinds);
  return { ...original, getKinds: vi.fn(async () => fixed) };
}
