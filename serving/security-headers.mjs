// A strict Content-Security-Policy for every HTML page, computed from the page itself.
//
// Next's App Router writes its React Server Components payload in inline <script> elements. A
// nonce would allow them but needs a new value per response: Next can stamp one on its scripts
// only when every page renders per request, which would end ISR and this server's copies. Their
// hashes can be cached with the page: the server reads the finished HTML once (when it stores
// it, or as it passes through) and allows the hashes of Next's own inline scripts plus the
// site's own script files.
//
// Which inline scripts are Next's: those at the top level of <head> and <body>. Next and React
// write their inline scripts there (the flight data, Turbopack's chunk list, streaming
// instructions), after the rendered page; everything inside the page's elements is the app's
// React tree, where WordPress content lives and no executable inline script of the app's is. So
// a script that got into content past the sanitiser is nested in the article and is refused by
// the browser, and so is anything injected into the page's elements afterwards. That holds as
// long as content cannot close the elements around it: React escapes every text and attribute,
// and the content renderer (lib/content/render.tsx) drops the only elements whose text it would
// write raw (script, style). Not covered: a script the app itself placed at the top level
// (there is none; the policy would allow it), and external scripts from the site's own origin.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';

/** Script types a browser executes; JSON-LD and other data blocks are not scripts to CSP. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Where Next writes its inline scripts: directly into these, never deeper. */
const SCRIPT_PARENTS = new Set(['head', 'body']);

/**
 * Hosts whose iframes the content sanitiser keeps (lib/content/sanitize.ts reads the same
 * file): the page's frame-src allows these and nothing else.
 * @type {string[]}
 */
export const EMBED_PROVIDERS = JSON.parse(
  readFileSync(new URL('./embed-providers.json', import.meta.url), 'utf8'),
);

/**
 * The CSP source expression ('sha256-…') of every inline executable script that Next wrote:
 * those directly inside <head> or <body>. Scripts nested in the page's elements are not
 * allowed, whatever they say.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  /** Names of the elements open at this point of the document, outermost first. */
  const open = [];
  let inInlineScript = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        open.push(name);
        if (name !== 'script') return;
        const type = (attributes.type ?? '').trim().toLowerCase();
        inInlineScript =
          attributes.src === undefined && EXECUTABLE_TYPES.has(type) && SCRIPT_PARENTS.has(parent ?? '');
        text = '';
      },
      ontext(chunk) {
        if (inInlineScript) text += chunk;
      },
      onclosetag(name) {
        open.pop();
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
    // The embed providers the content sanitiser keeps iframes of (sandboxed), and no others.
    `frame-src ${EMBED_PROVIDERS.map((host) => `https://${host}`).join(' ')}`,
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
