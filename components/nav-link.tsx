'use client';

import { IntentLink as Link } from './intent-link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** Paths compared as WordPress compares them: percent-encoding and a trailing slash aside. */
function samePath(a: string, b: string): boolean {
  const normalise = (path: string) => {
    try {
      return decodeURI(path).replace(/\/+$/, '');
    } catch {
      return path.replace(/\/+$/, '');
    }
  };
  return normalise(a) === normalise(b);
}

/**
 * A link of the site's navigation, marked aria-current="page" on the page it leads to. The
 * layout stays the same across pages, so the mark follows the path here; it is in the server's
 * HTML too, so it needs no JavaScript.
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href.startsWith('/') && samePath(href.replace(/[?#].*$/, ''), pathname);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
