/**
 * WordPress decides URLs; Broadsheet serves the same paths. These helpers turn WordPress links
 * into frontend paths and reject requested paths that cannot be WordPress URLs before any
 * request is made.
 */

/** Longest slug WordPress stores (post_name is varchar(200), percent-encoded). */
const MAX_SLUG_LENGTH = 200;
const MAX_SEGMENTS = 12;

/**
 * The addresses of a WordPress site. A headless setup keeps them apart, and each decides
 * something different:
 * - `home`, the Site Address (the REST index's `home`): where WordPress's permalinks live, e.g.
 *   https://example.org/en. A link under it is a page of the site: it becomes the frontend path
 *   after it (https://example.org/en/my-post/ → /my-post/).
 * - `wordpressAddress`, the WordPress Address (`siteurl`, the REST index's `url`): where
 *   WordPress's own files live (uploads under wp-content, wp-admin). Those stay where they are.
 * - `wordpressUrl` (WORDPRESS_URL): where this frontend reaches WordPress, perhaps an internal
 *   address. Links to it are the same pages by another name, when it is on another origin.
 */
export interface SiteAddresses {
  home: string;
  wordpressAddress: string;
  wordpressUrl: string;
}

/** The addresses of a site whose Site Address, WordPress Address and WORDPRESS_URL are all `url`. */
export function singleAddress(url: string): SiteAddresses {
  return { home: url, wordpressAddress: url, wordpressUrl: url };
}

/**
 * The site's addresses: its Site Address and WordPress Address as WordPress states them in the
 * REST index, and WORDPRESS_URL, where this frontend reaches it. WordPress's links are read
 * against the Site Address, never against WORDPRESS_URL, which may be an internal address.
 * A WordPress that states no usable address is taken to live at WORDPRESS_URL.
 */
export function siteAddressesOf(index: { home: string; url: string }, wordpressUrl: string): SiteAddresses {
  const home = absoluteHttpUrl(index.home) ?? wordpressUrl;
  return { home, wordpressAddress: absoluteHttpUrl(index.url) ?? home, wordpressUrl };
}

/** An http(s) address without query or fragment, without a trailing slash; null for anything else. */
function absoluteHttpUrl(value: string): string | null {
  const url = parseHttpUrl(value.trim());
  return url && !url.search && !url.hash ? `${url.origin}${url.pathname}`.replace(/\/+$/, '') : null;
}

interface LinkBase {
  origin: string;
  /** The base's path with one trailing slash: '/' at the root, '/en/' in a sub-folder. */
  path: string;
}

function parseBase(address: string): LinkBase | null {
  const url = parseHttpUrl(`${address.trim().replace(/\/+$/, '')}/`);
  return url ? { origin: url.origin, path: url.pathname } : null;
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where the site's pages may be linked from: the Site Address first; WORDPRESS_URL and the
 * WordPress Address too when they are on another origin (an editor may paste a link from the
 * address they work at). An address on the Site Address's own origin is never another name for
 * it: outside the Site Address's folder lies another site, or WordPress's files.
 */
function linkBases(addresses: SiteAddresses): LinkBase[] {
  const home = parseBase(addresses.home) ?? parseBase(addresses.wordpressUrl);
  const bases: LinkBase[] = home ? [home] : [];
  for (const alias of [addresses.wordpressUrl, addresses.wordpressAddress]) {
    const base = parseBase(alias);
    if (base && !bases.some((known) => known.origin === base.origin)) bases.push(base);
  }
  return bases;
}

/**
 * WordPress's own files and endpoints, wherever WordPress is installed: uploads, core assets,
 * the admin, the REST API and every PHP script. They are never pages of the site.
 */
const WORDPRESS_FILE_PATH = /(?:^|\/)(?:wp-content|wp-includes|wp-admin|wp-json)(?:\/|$)|\.php$/i;

/** Whether a path (its query and fragment ignored) is one of WordPress's files, not a page. */
export function isWordPressFilePath(path: string): boolean {
  return WORDPRESS_FILE_PATH.test(path.replace(/[?#][\s\S]*$/, ''));
}

export { isSitePath } from '../site-path.mjs';

/**
 * The frontend path of a link to a page of the site: the part after the Site Address (or an
 * alias, see linkBases), with WordPress's query and fragment. Null for links to other sites, to
 * other folders of the same origin, to WordPress's files, and for anything not an http(s) URL.
 * The path always starts with exactly one slash, so it can never leave this site.
 */
export function pathFromWordPressLink(link: string, addresses: SiteAddresses): string | null {
  const url = parseHttpUrl(link);
  if (!url) return null;
  for (const base of linkBases(addresses)) {
    if (url.origin !== base.origin) continue;
    // WordPress writes the Site Address of a sub-folder without its trailing slash.
    const pathname = `${url.pathname}/` === base.path ? base.path : url.pathname;
    if (!pathname.startsWith(base.path)) continue;
    // "https://cms.example.com//evil.example/x" must not become "//evil.example/x".
    const path = `/${pathname.slice(base.path.length).replace(/^[/\\]+/, '')}`;
    return isWordPressFilePath(path) ? null : `${path}${url.search}${url.hash}`;
  }
  return null;
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
