import parse, {
  attributesToProps,
  domToReact,
  Element,
  type DOMNode,
  type HTMLReactParserOptions,
} from 'html-react-parser';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SiteAddresses } from '@/lib/wordpress/paths';
import { sanitizeContent } from './sanitize';

/**
 * WordPress HTML → React: sanitised first, then parsed (never injected raw). Internal links
 * become client-side navigations.
 */
export function renderContent(html: string, addresses: SiteAddresses): ReactNode {
  const options: HTMLReactParserOptions = {
    replace(node) {
      if (!(node instanceof Element) || node.name !== 'a') return undefined;
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
  return parse(sanitizeContent(html, addresses), options);
}
