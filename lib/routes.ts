import { MAX_PAGE_NUMBER } from '@/lib/wordpress/posts';

/** A /page/N/ segment as WordPress accepts it: digits only, no leading zero, within range. */
export function parsePageNumber(segment: string): number | null {
  if (!/^[1-9]\d{0,5}$/.test(segment)) return null;
  const page = Number(segment);
  return page <= MAX_PAGE_NUMBER ? page : null;
}

export function homePagePath(page: number): string {
  return page <= 1 ? '/' : `/page/${page}/`;
}
