import type { Image } from '@/lib/wordpress';

/** The article's hero: responsive, sized, and fetched first because it is the largest paint. */
export function FeaturedImage({ image }: { image: Image }) {
  const fallback = image.sizes.find((size) => size.width >= 1024) ?? image.sizes.at(-1);
  return (
    <figure className="hero">
      <img
        src={fallback?.url ?? image.url}
        srcSet={image.sizes.map((size) => `${size.url} ${size.width}w`).join(', ') || undefined}
        sizes="(min-width: 72rem) 72rem, 100vw"
        width={image.width}
        height={image.height}
        alt={image.alt}
        fetchPriority="high"
        decoding="async"
      />
    </figure>
  );
}
