/**
 * WordPress decides URLs; Broadsheet serves the same paths. These helpers turn WordPress links
 * into frontend paths and reject requested paths that cannot be WordPress URLs before any
 * request is made.
 */

/** Longest slug WordPress stores (post_name is varchar(200), percent-encoded). */
const MAX_SLUG_LENGTH = 200;
const MAX_SEGMENTS = 12;

/**
 * The path of a WordPress link relative to the WordPress home, with WordPress's trailing slash.
 * Links to other origins are returned unchanged (null path).
 */
export function pathFromWordPressLink(link: string, wordpressHome: string): string | null {
  let url: URL;
  let home: URL;
  try {
    url = new URL(link);
    home = new URL(`${wordpressHome.replace(/\/+$/, '')}/`);
  } catch {
    return null;
  }
  if (url.origin !== home.origin) return null;
  // WordPress writes the home link of a sub-folder install without its trailing slash.
  const pathname = `${url.pathname}/` === home.pathname ? home.pathname : url.pathname;
  if (!pathname.startsWith(home.pathname)) return null;
  return `/${pathname.slice(home.pathname.length)}${url.search}${url.hash}`;
}

/**
 * Decodes and checks the segments of a requested path. Returns null when the path cannot be a
 * WordPress URL (empty, overlong, dot segments, encoded slashes, control characters), so the
 * caller answers 404 without asking WordPress.
 */
export function parsePathSegments(rawSegments: readonly string[]): string[] | null {
  if (rawSegments.length === 0 || rawSegments.length > MAX_SEGMENTS) return null;
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isPlausibleSlug(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** A slug as WordPress makes them: letters, digits, hyphens, underscores, percent escapes. */
export function isPlausibleSlug(segment: string): boolean {
  if (segment.length === 0 || encodeURIComponent(segment).length > MAX_SLUG_LENGTH) return false;
  if (segment === '.' || segment === '..') return false;
  return /^[\p{L}\p{M}\p{N}_.~-]+$/u.test(segment);
}

/** The canonical frontend path for segments, with WordPress's trailing slash. */
export function pathFromSegments(segments: readonly string[]): string {
  return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}/`;
}

/**
 * Compares two paths, ignoring how they are percent-encoded and a trailing slash. Letter case
 * counts: WordPress redirects /Salt-Roads/ to /salt-roads/, and so does Broadsheet.
 */
export function samePath(a: string, b: string): boolean {
  const normalise = (path: string) => {
    try {
      return decodeURIComponent(path).replace(/\/+$/, '');
    } catch {
      return path;
    }
  };
  return normalise(a) === normalise(b);
}
