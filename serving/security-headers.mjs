// A strict Content-Security-Policy for every HTML page, computed from the page itself.
//
// Next's App Router writes its React Server Components payload in inline <script> elements. A
// nonce would allow them but needs a new value per response, which no cached page can have.
// Their hashes can be cached with the page: the server reads the finished HTML once (when it
// stores it, or as it passes through), hashes each inline script, and allows exactly those plus
// the site's own script files. Anything injected into the HTML afterwards, or any inline script
// the app did not write, is refused by the browser.
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/** Script types a browser executes; JSON-LD and other data blocks are not scripts to CSP. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * The CSP source expression ('sha256-…') of every inline executable script in a document.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  let inInlineScript = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'script') return;
        const type = (attributes.type ?? '').trim().toLowerCase();
        inInlineScript = attributes.src === undefined && EXECUTABLE_TYPES.has(type);
        text = '';
      },
      ontext(chunk) {
        if (inInlineScript) text += chunk;
      },
      onclosetag(name) {
        if (name !== 'script' || !inInlineScript) return;
        hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
        inInlineScript = false;
      },
    },
    // Script contents are raw text; entities in them must not be decoded before hashing.
    { decodeEntities: false },
  );
  parser.end(html);
  return [...hashes];
}

/**
 * The policy for one HTML page.
 * @param {{ scriptHashes: string[], mediaOrigin?: string }} page
 *   mediaOrigin: WordPress's origin, where uploaded images and files live.
 */
export function contentSecurityPolicy({ scriptHashes, mediaOrigin }) {
  // Images cannot run code; WordPress hands out plain-http URLs (avatars, old uploads) on sites
  // it thinks are not on https, and a browser upgrades them on an https page anyway.
  const media = ["'self'", 'data:', 'https:', 'http:', ...(mediaOrigin ? [mediaOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // WordPress content carries style attributes (alignment, colours); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${media}`,
    `media-src ${media}`,
    "font-src 'self' data:",
    // Embeds are limited to known providers and sandboxed by the content sanitiser.
    'frame-src https:',
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Whether a response is an HTML document (the only kind a page policy applies to). */
export function isHtml(contentType) {
  return /^text\/html\b/i.test(String(contentType ?? ''));
}
