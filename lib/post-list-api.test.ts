import { describe, expect, it } from 'vitest';
import { parsePostListParams, postListApiPath } from './post-list-api';

describe('post list API paths', () => {
  it('round-trips every kind of list', () => {
    for (const list of [
      { kind: 'home' },
      { kind: 'term', taxonomy: 'category', id: 5 },
      { kind: 'term', taxonomy: 'event_series', id: 9 },
      { kind: 'type', type: 'event' },
      { kind: 'author', id: 2 },
      { kind: 'date', year: 2025 },
      { kind: 'date', year: 2025, month: 3, day: 12 },
    ] as const) {
      const url = new URL(postListApiPath(list, 3), 'http://x.test');
      expect(parsePostListParams(url.searchParams)).toEqual({ list, page: 3 });
    }
  });

  it('refuses anything malformed', () => {
    for (const query of [
      '',
      'list=home',
      'list=home&page=0',
      'list=home&page=02',
      'list=category&id=5&page=2',
      'list=term&id=5&page=2',
      'list=term&taxonomy=category&page=2',
      'list=term&taxonomy=category&id=-1&page=2',
      'list=term&taxonomy=Cat%C3%A9gorie&id=5&page=2',
      'list=term&taxonomy=a%2Fb&id=5&page=2',
      'list=type&page=2',
      'list=type&type=events%00&page=2',
      'list=search&page=2',
      'list=date&year=2025&day=3&page=2',
      'list=date&year=2025&month=13&page=2',
    ]) {
      expect(parsePostListParams(new URLSearchParams(query)), query).toBeNull();
    }
  });
});
