import type { Image } from '@/lib/wordpress';

/**
 * An image at every size WordPress generated (srcset), its `src` the first size at least
 * `minWidth` wide for browsers without srcset. `priority` fetches it first (the page's largest
 * paint); otherwise it loads lazily.
 */
export function ResponsiveImage({
  image,
  sizes,
  minWidth,
  priority = false,
}: {
  image: Image;
  sizes: string;
  minWidth: number;
  priority?: boolean;
}) {
  const fallback = image.sizes.find((size) => size.width >= minWidth) ?? image.sizes.at(-1);
  return (
    <img
      src={fallback?.url ?? image.url}
      srcSet={image.sizes.map((size) => `${size.url} ${size.width}w`).join(', ') || undefined}
      sizes={sizes}
      width={image.width}
      height={image.height}
      alt={image.alt}
      fetchPriority={priority ? 'high' : undefined}
      loading={priority ? undefined : 'lazy'}
      decoding="async"
    />
  );
}

/** The article's hero: responsive, sized, and fetched first because it is the largest paint. */
export function FeaturedImage({ image }: { image: Image }) {
  return (
    <figure className="hero">
      <ResponsiveImage image={image} sizes="(min-width: 72rem) 72rem, 100vw" minWidth={1024} priority />
    </figure>
  );
}
