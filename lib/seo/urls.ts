/**
 * WordPress (and Yoast) speak in WordPress's own URLs. Pages move to this frontend, at the same
 * path; media (uploads, core assets) and WordPress's own endpoints stay where they are.
 */

export interface UrlRewriterOptions {
  /** WordPress's home URL (WORDPRESS_URL): origin plus any sub-folder, without a trailing slash. */
  wordpressUrl: string;
  /** The public origin of this frontend (SITE_URL), without a trailing slash. */
  siteUrl: string;
  /**
   * Other home URLs WordPress's output may use for the same site, e.g. SiteInfo.home when
   * WORDPRESS_URL is an internal address and WordPress believes it is https://cms.example.com.
   */
  aliases?: readonly string[];
}

export interface UrlRewriter {
  readonly wordpressUrl: string;
  readonly siteUrl: string;
  /** True for a WordPress page URL: same origin, under the WordPress home path, not media. */
  isWordPressPageUrl(url: string): boolean;
  /** A WordPress page URL moved to SITE_URL (path, query and fragment kept); anything else as is. */
  rewriteUrl(url: string): string;
  /**
   * A copy of a JSON-LD value with the page URLs in it moved to SITE_URL: string values of
   * "@id", "url", "item", "target", "mainEntityOfPage", "isPartOf", "about", and "urlTemplate"
   * inside a "target" object, at any depth. Media URLs ("contentUrl", "thumbnailUrl", "image"
   * strings, and any URL under /wp-content/ or /wp-includes/) are left alone.
   */
  rewriteGraph<T>(value: T): T;
}

interface Home {
  origin: string;
  /** '' for a root install, '/blog' for a sub-folder install. */
  path: string;
}

/** Paths under WordPress's home that are not pages of the site. */
const NOT_A_PAGE =
  /^\/(?:wp-content\/|wp-includes\/|wp-admin(?:\/|$)|wp-json(?:\/|$)|wp-[\w-]+\.php|xmlrpc\.php)/i;

/** scheme://authority, then the rest exactly as written (path, query, fragment). */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([\s\S]*)$/i;

const URL_KEYS = new Set(['@id', 'url', 'item', 'target', 'mainEntityOfPage', 'isPartOf', 'about']);

function parseHome(url: string): Home | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return { origin: parsed.origin, path: parsed.pathname.replace(/\/+$/, '') };
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createUrlRewriter({ wordpressUrl, siteUrl, aliases = [] }: UrlRewriterOptions): UrlRewriter {
  const site = siteUrl.replace(/\/+$/, '');
  const homes = [wordpressUrl, ...aliases].map(parseHome).filter((home): home is Home => home !== null);

  /** The part of `url` after the WordPress home path ('' | '/…' | '?…' | '#…'), or null. */
  function pagePart(url: string): string | null {
    const match = ABSOLUTE_URL.exec(url);
    if (!match) return null;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return null;
    }
    const rest = match[1] ?? '';
    for (const home of homes) {
      if (home.origin !== origin) continue;
      if (home.path !== '') {
        const next = rest.charAt(home.path.length);
        if (!rest.startsWith(home.path) || (next !== '' && !'/?#'.includes(next))) continue;
      }
      const part = rest.slice(home.path.length);
      return NOT_A_PAGE.test(part) ? null : part;
    }
    return null;
  }

  function rewriteUrl(url: string): string {
    const part = pagePart(url);
    if (part === null) return url;
    return `${site}${part.startsWith('/') ? part : `/${part}`}`;
  }

  function walk(value: unknown, key: string | null, isTargetValue: boolean): unknown {
    if (typeof value === 'string') {
      return key !== null && URL_KEYS.has(key) ? rewriteUrl(value) : value;
    }
    if (Array.isArray(value)) {
      return value.map((item) => walk(item, key, isTargetValue));
    }
    if (isRecord(value)) {
      // Object.fromEntries defines own properties, so even a "__proto__" key stays plain data.
      return Object.fromEntries(
        Object.entries(value).map(([childKey, child]) => [
          childKey,
          childKey === 'urlTemplate' && isTargetValue && typeof child === 'string'
            ? rewriteUrl(child)
            : walk(child, childKey, childKey === 'target'),
        ]),
      );
    }
    return value;
  }

  return {
    wordpressUrl,
    siteUrl: site,
    isWordPressPageUrl: (url) => pagePart(url) !== null,
    rewriteUrl,
    rewriteGraph: <T>(value: T): T => walk(value, null, false) as T,
  };
}
