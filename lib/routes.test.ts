import { describe, it, expect } from 'vitest';
import { homePagePath, parsePageNumber } from './routes';

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

describe('homePagePath', () => {
  it('gives / for the first page and /page/N/ after it', () => {
    expect(homePagePath(1)).toBe('/');
    expect(homePagePath(2)).toBe('/page/2/');
  });
});
