'use client';

import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

/**
 * A link that prefetches its page only once the reader shows intent (the pointer over it, a
 * finger on it, keyboard focus), never on load. Next's <Link> otherwise fetches the server
 * components payload of every link that scrolls into view — on the front page every
 * navigation link and every story, most of which the reader never opens, competing with the
 * page's own image and script on a phone. Without JavaScript it is a plain <a>.
 */
export function IntentLink({
  onPointerEnter,
  onTouchStart,
  onFocus,
  ...props
}: Omit<ComponentProps<typeof Link>, 'prefetch'>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      // null is Next's default policy; false keeps the link out of the viewport prefetcher.
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
