import parse, {
  attributesToProps,
  domToReact,
  Element,
  type DOMNode,
  type HTMLReactParserOptions,
} from 'html-react-parser';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SiteAddresses } from '@/lib/wordpress';
import { sanitizeContent } from './sanitize';

/**
 * Elements whose text html-react-parser writes unescaped (through dangerouslySetInnerHTML).
 * The sanitisers never let them through. Should one ever arrive, its text could close the
 * elements around it and put a script at the top level of <body>, where the page's
 * Content-Security-Policy allows Next's own inline scripts (serving/security-headers.mjs); so
 * they are dropped here as well.
 */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/**
 * Already sanitised WordPress HTML → React: parsed, never injected raw. Internal links become
 * client-side navigations.
 */
export function parseSanitizedHtml(html: string): ReactNode {
  const options: HTMLReactParserOptions = {
    replace(node) {
      if (!(node instanceof Element)) return undefined;
      if (RAW_TEXT_ELEMENTS.has(node.name)) return <></>;
      if (node.name !== 'a') return undefined;
      const href = node.attribs.href;
      if (!href || !href.startsWith('/') || href.startsWith('//')) return undefined;
      const props = attributesToProps(node.attribs);
      return (
        <Link {...props} href={href}>
          {domToReact(node.children as DOMNode[], options)}
        </Link>
      );
    },
  };
  return parse(html, options);
}

/** WordPress post HTML → React: sanitised first (sanitizeContent), then parsed. */
export function renderContent(html: string, addresses: SiteAddresses): ReactNode {
  return parseSanitizedHtml(sanitizeContent(html, addresses));
}
