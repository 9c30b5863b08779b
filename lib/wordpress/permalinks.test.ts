import { describe, it, expect } from 'vitest';
import { paginatedPath, parsePageNumber } from './permalinks';

describe('parsePageNumber', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['37', 37],
    ['10000', 10_000],
  ])('accepts %j', (segment, page) => {
    expect(parsePageNumber(segment)).toBe(page);
  });

  it.each(['0', '-1', '01', 'abc', '1e3', '', '99999999', '10001', '2.0', '+2', ' 2', '2 ', '0x10', '٢'])(
    'rejects %j',
    (segment) => {
      expect(parsePageNumber(segment)).toBeNull();
    },
  );
});

describe('paginatedPath', () => {
  it('gives the list itself for the first page and page/N/ below it after it', () => {
    expect(paginatedPath('/', 1)).toBe('/');
    expect(paginatedPath('/', 2)).toBe('/page/2/');
    expect(paginatedPath('/events/', 3)).toBe('/events/page/3/');
  });
});
