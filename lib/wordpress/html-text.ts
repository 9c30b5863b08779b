import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/**
 * WordPress titles and excerpts arrive as HTML (`&#8217;`, `<em>`). They are shown as plain text:
 * markup removed, entities decoded once, then escaped by React like any other string.
 */
export function htmlToText(html: string): string {
  const withoutTags = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} });
  return decodeHTML(withoutTags).replace(/\s+/g, ' ').trim();
}
