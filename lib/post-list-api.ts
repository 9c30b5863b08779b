/**
 * The address of one page of a post list as JSON, for "load more": built in the browser, parsed
 * by the route handler. No server-only imports: the island's bundle includes this file.
 */
import type { PostListQuery } from '@/lib/wordpress';
// The grammar alone (no server code): this file is in the browser's bundle.
import { KIND_NAME } from '@/lib/wordpress/kind-name';

/** Lists that can load more: every archive but search, whose results page has its own links. */
export type LoadableList = Exclude<PostListQuery, { kind: 'search' }>;

export function postListApiPath(list: LoadableList, page: number): string {
  const params = new URLSearchParams({ list: list.kind });
  if (list.kind === 'type') params.set('type', list.type);
  if (list.kind === 'term') params.set('taxonomy', list.taxonomy);
  if (list.kind === 'term' || list.kind === 'author') params.set('id', String(list.id));
  if (list.kind === 'date') {
    params.set('year', String(list.year));
    if (list.month !== undefined) params.set('month', String(list.month));
    if (list.day !== undefined) params.set('day', String(list.day));
  }
  params.set('page', String(page));
  return `/api/posts/?${params.toString()}`;
}

const ID = /^[1-9]\d{0,9}$/;
const PAGE = /^[1-9]\d{0,4}$/;

/** The list and page a request names, or null when anything is malformed. */
export function parsePostListParams(params: URLSearchParams): { list: LoadableList; page: number } | null {
  const pageText = params.get('page') ?? '';
  if (!PAGE.test(pageText)) return null;
  const page = Number(pageText);
  const number = (name: string, pattern: RegExp) => {
    const value = params.get(name);
    return value !== null && pattern.test(value) ? Number(value) : null;
  };
  const name = (param: string) => {
    const value = params.get(param);
    return value !== null && KIND_NAME.test(value) ? value : null;
  };
  const kind = params.get('list');
  switch (kind) {
    case 'home':
      return { list: { kind }, page };
    case 'type': {
      const type = name('type');
      return type === null ? null : { list: { kind, type }, page };
    }
    case 'term': {
      const taxonomy = name('taxonomy');
      const id = number('id', ID);
      return taxonomy === null || id === null ? null : { list: { kind, taxonomy, id }, page };
    }
    case 'author': {
      const id = number('id', ID);
      return id === null ? null : { list: { kind, id }, page };
    }
    case 'date': {
      const year = number('year', /^\d{4}$/);
      const month = params.has('month') ? number('month', /^(0?[1-9]|1[0-2])$/) : undefined;
      const day = params.has('day') ? number('day', /^(0?[1-9]|[12]\d|3[01])$/) : undefined;
      if (year === null || month === null || day === null || (day !== undefined && month === undefined))
        return null;
      return {
        list: {
          kind,
          year,
          ...(month !== undefined ? { month } : {}),
          ...(day !== undefined ? { day } : {}),
        },
        page,
      };
    }
    default:
      return null;
  }
}
