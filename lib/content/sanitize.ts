import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { OUTCOME_ANCHOR_PREFIX } from '@/lib/comments/form';
import { isSitePath, pathFromWordPressLink, type SiteAddresses } from '@/lib/wordpress';
import embedProviders from '@/serving/embed-providers.json';
import { sanitizeInlineStyle, type StyleContext } from './style-allowlist';

/**
 * Embed providers whose iframes are kept (sandboxed); every other iframe is removed. The list
 * lives with the server, whose Content-Security-Policy allows frames from exactly these hosts.
 */
export const EMBED_PROVIDERS: readonly string[] = embedProviders;

function isAllowedEmbed(src: string | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && EMBED_PROVIDERS.includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * A link into the WordPress site as a frontend path; null for external links and WordPress's
 * files (an uploaded PDF, the admin), which stay on WordPress. A root-relative link is read as
 * WordPress reads it, on the Site Address's origin.
 */
export function frontendPathOf(href: string, addresses: SiteAddresses): string | null {
  const link = isSitePath(href) ? resolveOnSiteAddress(href, addresses.home) : href;
  return link === null ? null : pathFromWordPressLink(link, addresses);
}

function resolveOnSiteAddress(href: string, home: string): string | null {
  try {
    return new URL(href, home).toString();
  } catch {
    return null;
  }
}

/**
 * The page title is the only h1, so the content's highest heading must be an h2, whatever level
 * the author picked: headings move by one offset, keeping their relative order (no skipped levels).
 */
function headingLevelShift(html: string): number {
  let highest = 7;
  for (const match of html.matchAll(/<h([1-6])[\s>]/gi)) highest = Math.min(highest, Number(match[1]));
  return highest === 7 ? 0 : 2 - highest;
}

/**
 * How deep content elements may nest; deeper ones are unwrapped, their text kept. Rendering
 * (html-react-parser, then React) recurses once per level, so a post nested some thousands of
 * levels deep would exhaust the stack and make its page fail on every request. Real block
 * content stays far below this; browsers themselves flatten markup beyond 512 levels.
 */
export const MAX_NESTING_DEPTH = 100;

const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** Where a content style's `url()` may point: the origins WordPress itself answers on. */
export function mediaOriginsOf(addresses: SiteAddresses): string[] {
  const origins = new Set<string>();
  for (const address of [addresses.home, addresses.wordpressAddress, addresses.wordpressUrl]) {
    try {
      origins.add(new URL(address).origin);
    } catch {
      // Not an address: no origin to allow.
    }
  }
  return [...origins];
}

/** An element's attributes with its inline style cut to the allowlist (lib/content/style-allowlist.ts). */
function withAllowedStyle(attribs: sanitizeHtml.Attributes, context: StyleContext): sanitizeHtml.Attributes {
  if (attribs.style === undefined) return attribs;
  const style = sanitizeInlineStyle(attribs.style, context);
  const next = { ...attribs };
  if (style) next.style = style;
  else delete next.style;
  return next;
}

/**
 * Prefix of every id (and anchor name) WordPress content declares. The page around the content
 * has ids of its own (`main`, `comments`, `comment-…`, Next's `__next_f` global), and an
 * author's `<p id="main">` would take the skip link, or, as a global of the same name, break
 * hydration. Inside this namespace a content id can name nothing of the app's, and, with its
 * hyphen, no script global either. Links from elsewhere to `/post/#section` lose their target
 * (the section is `#wp-section` now); links inside the content are rewritten to match.
 */
export const CONTENT_ID_PREFIX = 'wp-';

/** Attributes whose value is a space-separated list of ids in the same document. */
const ID_LIST_ATTRIBUTES = ['headers', 'aria-labelledby', 'aria-describedby'] as const;

/** The ids and anchor names an HTML fragment declares: what its own `#…` links can point at. */
function declaredIds(html: string): Set<string> {
  const ids = new Set<string>();
  if (!/\b(id|name)\s*=/i.test(html)) return ids;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) ids.add(attributes.id);
      if (name === 'a' && attributes.name) ids.add(attributes.name);
    },
  });
  parser.end(html);
  return ids;
}

function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Moves the ids of one piece of content into CONTENT_ID_PREFIX's namespace, with everything in
 * it that refers to them: `name` on anchors, `headers` and ARIA id lists, and same-page links
 * (`#fn1`) to an id the content declares — WordPress footnotes, Yoast's table of contents. A
 * same-page link to an id the content does not declare (`#comments`) is the page's own and stays.
 */
function contentIdNamespace(html: string) {
  const declared = declaredIds(html);
  const inNamespace = (id: string) => `${CONTENT_ID_PREFIX}${id}`;
  return (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes => {
    const next = { ...attribs };
    const names: ('id' | 'name')[] = tagName === 'a' ? ['id', 'name'] : ['id'];
    for (const name of names) {
      const value = next[name]?.trim();
      if (value) next[name] = inNamespace(value);
      else delete next[name];
    }
    for (const name of ID_LIST_ATTRIBUTES) {
      const ids = next[name]?.split(/\s+/).filter(Boolean) ?? [];
      if (ids.length > 0) next[name] = ids.map(inNamespace).join(' ');
      else delete next[name];
    }
    const href = next.href?.trim();
    if (tagName === 'a' && href?.startsWith('#')) {
      const fragment = href.slice(1);
      if (declared.has(fragment) || declared.has(decodedFragment(fragment))) {
        next.href = `#${inNamespace(fragment)}`;
      }
    }
    return next;
  };
}

/**
 * Sanitises WordPress post HTML for rendering: no scripts, no event handlers, no javascript: or
 * data: links, iframes only from known embed providers and sandboxed, nesting at most
 * MAX_NESTING_DEPTH deep. Links into the WordPress site become frontend paths. Images load lazily.
 * Ids live in their own namespace (CONTENT_ID_PREFIX). Inline styles keep what the block editor
 * writes, by a declared allowlist of properties and value grammars (sanitizeInlineStyle).
 */
export function sanitizeContent(html: string, addresses: SiteAddresses): string {
  const headingShift = headingLevelShift(html);
  const namespaceIds = contentIdNamespace(html);
  const styleContext: StyleContext = { mediaOrigins: mediaOriginsOf(addresses) };
  const shiftHeading = (tagName: string, attribs: sanitizeHtml.Attributes) => ({
    tagName: `h${Math.min(6, Number(tagName.slice(1)) + headingShift)}`,
    attribs,
  });
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img',
      'figure',
      'figcaption',
      'picture',
      'source',
      'iframe',
      'video',
      'audio',
      'track',
      'del',
      'ins',
      's',
      'u',
      'mark',
      'sup',
      'sub',
      'details',
      'summary',
      'cite',
      'time',
    ],
    allowedAttributes: {
      '*': [
        'class',
        'id',
        'style',
        'title',
        'lang',
        'dir',
        'aria-label',
        'aria-hidden',
        'aria-labelledby',
        'aria-describedby',
        'data-fn',
      ],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
      source: ['src', 'srcset', 'sizes', 'type', 'media'],
      iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'referrerpolicy', 'loading', 'sandbox'],
      video: ['src', 'controls', 'poster', 'width', 'height', 'preload', 'loop', 'muted', 'playsinline'],
      audio: ['src', 'controls', 'preload', 'loop'],
      track: ['src', 'kind', 'srclang', 'label', 'default'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      td: ['colspan', 'rowspan', 'headers'],
      th: ['colspan', 'rowspan', 'headers', 'scope'],
      time: ['datetime'],
      blockquote: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...EMBED_PROVIDERS],
    allowIframeRelativeUrls: false,
    // Inline styles are cut to the allowlist in the transform below; nothing is left for
    // sanitize-html's own (regex) style filter to judge.
    nestingLimit: MAX_NESTING_DEPTH,
    // sanitize-html only strips a disallowed iframe's src; an empty frame would still take space.
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !isAllowedEmbed(frame.attribs.src),
    transformTags: {
      h1: shiftHeading,
      h2: shiftHeading,
      h3: shiftHeading,
      h4: shiftHeading,
      h5: shiftHeading,
      h6: shiftHeading,
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const internal = href ? frontendPathOf(href, addresses) : null;
        const next = { ...attribs };
        if (internal !== null) next.href = internal;
        if (next.target === '_blank') next.rel = 'noopener noreferrer';
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, sandbox: IFRAME_SANDBOX, loading: 'lazy' },
      }),
      // After the tag's own transform (sanitize-html applies '*' last).
      '*': (tagName, attribs) => ({
        tagName,
        attribs: withAllowedStyle(namespaceIds(tagName, attribs), styleContext),
      }),
    },
  });
}

/**
 * How deep a comment's own elements may nest; deeper ones are unwrapped, their text kept.
 * Comments are rendered like post content (parsed, then React, recursing once per level) but
 * inside their thread, itself some levels deep, and anyone may write one: a comment thousands of
 * levels deep would otherwise exhaust the stack on every render of its article. WordPress does
 * not bound this (its force_balance_tags on comment_text only flattens runs of the same
 * non-nestable tag, such as <b><b>; <b><i><b><i>… or nested <blockquote> pass through). Quotes
 * within quotes within lists stay far below it.
 */
export const MAX_COMMENT_NESTING_DEPTH = 32;

/**
 * Sanitises a comment's HTML by the same rules as post content, narrowed to what WordPress lets
 * commenters write (its kses list for comments): text formatting, quotes, code and links. No
 * images, embeds, ids, classes or styles, so a comment can neither load anything nor collide
 * with the page's own ids. Links are marked user-generated (rel="nofollow ugc"), as WordPress
 * marks them; links into the site become frontend paths. Nesting is bounded
 * (MAX_COMMENT_NESTING_DEPTH).
 */
export function sanitizeCommentContent(html: string, addresses: SiteAddresses): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'a',
      'abbr',
      'acronym',
      'b',
      'blockquote',
      'cite',
      'code',
      'del',
      'em',
      'i',
      'q',
      's',
      'strike',
      'strong',
      'ul',
      'ol',
      'li',
      'pre',
    ],
    allowedAttributes: {
      a: ['href', 'rel'],
      abbr: ['title'],
      acronym: ['title'],
      blockquote: ['cite'],
      q: ['cite'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    nestingLimit: MAX_COMMENT_NESTING_DEPTH,
    transformTags: {
      a: (tagName, attribs): sanitizeHtml.Tag => {
        // The app's comment-status messages appear on :target; a comment's link must not be able
        // to show one ("your comment was refused…") to a reader who follows it.
        const href = withoutStatusFragment(attribs.href ?? '');
        const internal = href ? frontendPathOf(href, addresses) : null;
        return internal !== null
          ? { tagName, attribs: { href: internal } }
          : { tagName, attribs: { ...attribs, href, rel: 'nofollow ugc' } };
      },
    },
  });
}

/** A link without its fragment when the fragment names one of the app's comment-status anchors. */
function withoutStatusFragment(href: string): string {
  const hash = href.indexOf('#');
  if (hash === -1) return href;
  let fragment = href.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Malformed escapes: judged as written.
  }
  return fragment.trim().toLowerCase().startsWith(OUTCOME_ANCHOR_PREFIX) ? href.slice(0, hash) : href;
}
