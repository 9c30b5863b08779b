import { IntentLink as Link } from '@/components/intent-link';
import type { ReactNode } from 'react';
import { SafeHtml, type FieldLink } from '@/lib/content/fields';
import type { Image } from '@/lib/wordpress';
import { parseSanitizedHtml } from '@/lib/content/render';
import { ResponsiveImage } from '../featured-image';

/** A wysiwyg or textarea field: sanitised HTML parsed into React (never injected raw), or plain text. */
export function RichText({ value }: { value: SafeHtml | string }): ReactNode {
  return value instanceof SafeHtml ? parseSanitizedHtml(value.html) : value;
}

/**
 * An ACF link field: a frontend path navigates client-side, anything else is a plain link. A
 * link that opens a new tab gets rel="noopener noreferrer", as links in content do.
 */
export function FieldLinkAnchor({ link, children }: { link: FieldLink; children?: ReactNode }) {
  const label = children ?? (link.title || link.url);
  const rel = link.target === '_blank' ? 'noopener noreferrer' : undefined;
  const target = link.target || undefined;
  if (link.url.startsWith('/'))
    return (
      <Link href={link.url} target={target} rel={rel}>
        {label}
      </Link>
    );
  return (
    <a href={link.url} target={target} rel={rel}>
      {label}
    </a>
  );
}

/**
 * An ACF image field, in the content column and below the page's first screen as a rule:
 * loaded lazily, never preloaded ahead of the featured image, the page's largest paint.
 */
export function FieldImage({ image, className }: { image: Image; className?: string }) {
  return (
    <figure className={className}>
      <ResponsiveImage image={image} sizes="(min-width: 42rem) 42rem, 100vw" minWidth={768} />
    </figure>
  );
}
