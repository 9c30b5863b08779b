import sanitizeHtml from 'sanitize-html';
import { sanitizeContent } from '@/lib/content/sanitize';
import { isWordPressFilePath, type SiteAddresses } from '@/lib/wordpress';

/**
 * A feed item's HTML is read away from the site, so every URL in it must be absolute: links
 * into the site (which sanitizeContent turned into frontend paths) go to SITE_URL, media and
 * WordPress's own files stay on WordPress, at its public addresses (never WORDPRESS_URL, which
 * may be an internal one).
 */
export interface FeedUrls {
  /** SITE_URL, without a trailing slash. */
  siteUrl: string;
  /** The site's addresses, from WordPress's REST index. */
  addresses: SiteAddresses;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const LINK_ATTRIBUTES: Record<string, readonly string[]> = { a: ['href'], blockquote: ['cite'] };
const MEDIA_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
};
const SRCSET_TAGS = new Set(['img', 'source']);

function resolve(value: string, base: string): string {
  try {
    return new URL(value, base).toString();
  } catch {
    return value;
  }
}

function absoluteLink(value: string, postUrl: string, urls: FeedUrls): string {
  const url = value.trim();
  if (url === '' || HAS_SCHEME.test(url) || url.startsWith('//')) return value;
  if (url.startsWith('/')) {
    return isWordPressFilePath(url)
      ? resolve(url, `${urls.addresses.wordpressAddress}/`)
      : `${urls.siteUrl}${url}`;
  }
  // "#fn1", "?page=2", "other/": relative to the post itself.
  return resolve(url, postUrl);
}

function absoluteMedia(value: string, wordpressPostUrl: string): string {
  const url = value.trim();
  if (url === '' || HAS_SCHEME.test(url)) return value;
  return resolve(url, wordpressPostUrl);
}

function absoluteSrcset(value: string, wordpressPostUrl: string): string {
  return value
    .split(/,\s+/)
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [absoluteMedia(url, wordpressPostUrl), ...descriptors].join(' ');
    })
    .join(', ');
}

/** Makes every link and media URL of already sanitised HTML absolute. */
export function absolutizeUrls(html: string, postPath: string, urls: FeedUrls): string {
  const postUrl = `${urls.siteUrl}${postPath}`;
  // Relative media is relative to the post where WordPress shows it: under the Site Address.
  const wordpressPostUrl = `${urls.addresses.home.replace(/\/+$/, '')}${postPath}`;
  return sanitizeHtml(html, {
    // The HTML is already sanitised: this pass only rewrites URLs and keeps every tag and
    // attribute sanitizeContent kept. That allowlist contains no script or style, so "all tags"
    // cannot let one in; should one ever arrive, it is removed all the same.
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    exclusiveFilter: (frame) => frame.tag === 'script' || frame.tag === 'style',
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    transformTags: {
      '*': (tagName, attribs) => {
        const next = { ...attribs };
        for (const name of LINK_ATTRIBUTES[tagName] ?? []) {
          const value = next[name];
          if (value !== undefined) next[name] = absoluteLink(value, postUrl, urls);
        }
        for (const name of MEDIA_ATTRIBUTES[tagName] ?? []) {
          const value = next[name];
          if (value !== undefined) next[name] = absoluteMedia(value, wordpressPostUrl);
        }
        const srcset = next.srcset;
        if (srcset !== undefined && SRCSET_TAGS.has(tagName)) {
          next.srcset = absoluteSrcset(srcset, wordpressPostUrl);
        }
        return { tagName, attribs: next };
      },
    },
  });
}

/** A post's HTML for a feed: sanitised exactly as on the site, then with absolute URLs. */
export function feedContentHtml(contentHtml: string, postPath: string, urls: FeedUrls): string {
  return absolutizeUrls(sanitizeContent(contentHtml, urls.addresses), postPath, urls);
}
