import type { ReactNode } from 'react';
import type { MenuItem } from '@/lib/wordpress';
import { NavLink } from './nav-link';

/**
 * One of the site's menus as nested lists. An item with a sub-menu keeps its own link and gets a
 * disclosure (details/summary) for its children: keyboard- and screen-reader-operable, and it
 * opens without JavaScript.
 */
export function SiteMenu({
  items,
  disclosure = true,
  trailing,
}: {
  items: MenuItem[];
  disclosure?: boolean;
  /** A last entry of the site's own (the search link). */
  trailing?: ReactNode;
}) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <MenuLink item={item} />
          {item.children.length > 0 &&
            (disclosure ? (
              <details className="site-nav__submenu">
                <summary>
                  <span className="visually-hidden">{item.title}: more pages</span>
                  <span aria-hidden="true">▾</span>
                </summary>
                <SiteMenu items={item.children} disclosure={disclosure} />
              </details>
            ) : (
              <SiteMenu items={item.children} disclosure={disclosure} />
            ))}
        </li>
      ))}
      {trailing && <li>{trailing}</li>}
    </ul>
  );
}

function MenuLink({ item }: { item: MenuItem }) {
  if (item.external) {
    return (
      <a href={item.href} {...(item.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
        {item.title}
      </a>
    );
  }
  return <NavLink href={item.href}>{item.title}</NavLink>;
}
