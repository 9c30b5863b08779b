import { serializeJsonLd, type SeoData } from '@/lib/seo';

/**
 * The head tags Next's Metadata API does not render as Yoast does (React 19 hoists <meta> and
 * <link> into <head>), and the JSON-LD graph.
 */
export function SeoExtraHead({ extraTags, jsonLd }: Pick<SeoData, 'extraTags' | 'jsonLd'>) {
  return (
    <>
      {extraTags.map((tag, index) =>
        tag.kind === 'meta' ? (
          <meta key={index} property={tag.property} name={tag.name} content={tag.content} />
        ) : (
          <link key={index} rel={tag.rel} href={tag.href} />
        ),
      )}
      {jsonLd && (
        // serializeJsonLd escapes <, >, & and U+2028/2029, so no value can leave the script element.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      )}
    </>
  );
}
