import { DomUtils, parseDocument } from 'htmlparser2';
import type { HeadTag } from './types';

export interface ParsedHead {
  /** Text of the first `<title>`, entities decoded; null without one. */
  title: string | null;
  /** Every `<meta property|name content>` and `<link rel href>`, in document order. */
  tags: HeadTag[];
  /** The parsed body of each `<script type="application/ld+json">`; unparsable ones are skipped. */
  jsonLd: unknown[];
}

/**
 * Reads a head fragment — Yoast's `yoast_head`, or a page's rendered `<head>` — into comparable
 * tags, attribute values entity-decoded. Used by tests to hold our head against Yoast's.
 */
export function parseYoastHead(html: string): ParsedHead {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const elements = DomUtils.findAll(() => true, document.children);

  let title: string | null = null;
  const tags: HeadTag[] = [];
  const jsonLd: unknown[] = [];

  for (const element of elements) {
    const attributes = element.attribs;
    switch (element.name) {
      case 'title':
        title ??= DomUtils.textContent(element).trim();
        break;
      case 'meta': {
        const content = attributes.content;
        if (content === undefined) break;
        if (attributes.property !== undefined) {
          tags.push({ kind: 'meta', property: attributes.property, content });
        } else if (attributes.name !== undefined) {
          tags.push({ kind: 'meta', name: attributes.name, content });
        }
        break;
      }
      case 'link':
        if (attributes.rel !== undefined && attributes.href !== undefined) {
          tags.push({ kind: 'link', rel: attributes.rel, href: attributes.href });
        }
        break;
      case 'script':
        if (attributes.type?.trim().toLowerCase() === 'application/ld+json') {
          try {
            jsonLd.push(JSON.parse(DomUtils.textContent(element)));
          } catch {
            // Not JSON: nothing to compare.
          }
        }
        break;
    }
  }

  return { title, tags, jsonLd };
}
