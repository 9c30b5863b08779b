/**
 * WordPress (and Yoast) speak in WordPress's own URLs. Pages move to this frontend, at the same
 * path; media (uploads, core assets) and WordPress's own endpoints stay where they are.
 */

import { pathFromWordPressLink, type SiteAddresses } from '@/lib/wordpress';

export interface UrlRewriterOptions {
  /** The site's addresses: links under its Site Address (or an alias of it) are its pages. */
  addresses: SiteAddresses;
  /** The public origin of this frontend (SITE_URL), without a trailing slash. */
  siteUrl: string;
}

export interface UrlRewriter {
  readonly siteUrl: string;
  /** True for a URL of a page of the site: under the Site Address (see pathFromWordPressLink), not a file. */
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

const URL_KEYS = new Set(['@id', 'url', 'item', 'target', 'mainEntityOfPage', 'isPartOf', 'about']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createUrlRewriter({ addresses, siteUrl }: UrlRewriterOptions): UrlRewriter {
  const site = siteUrl.replace(/\/+$/, '');

  function rewriteUrl(url: string): string {
    const path = pathFromWordPressLink(url, addresses);
    return path === null ? url : `${site}${path}`;
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
    siteUrl: site,
    isWordPressPageUrl: (url) => pathFromWordPressLink(url, addresses) !== null,
    rewriteUrl,
    rewriteGraph: <T>(value: T): T => walk(value, null, false) as T,
  };
}
