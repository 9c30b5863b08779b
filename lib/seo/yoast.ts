import type { Metadata } from 'next';
import { z } from 'zod';
import type { HeadData, HeadTag, OpenGraphImage, SeoData } from './types';
import type { UrlRewriter } from './urls';

const text = z.string();

/** Yoast states dimensions as integers; a numeric string is tolerated. */
const dimension = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+$/)
    .transform((value) => Number(value)),
]);

const KNOWN_ROBOTS = ['index', 'follow', 'max-snippet', 'max-image-preview', 'max-video-preview'] as const;

/**
 * A record rather than an object so the directives keep Yoast's order: Yoast renders
 * `<meta name="robots">` as the values joined with ", " in exactly this order.
 */
const robotsSchema = z.record(z.string(), z.unknown()).superRefine((robots, context) => {
  for (const key of KNOWN_ROBOTS) {
    if (key in robots && typeof robots[key] !== 'string') {
      context.addIssue({ code: 'custom', message: `robots.${key} must be a string`, path: [key] });
    }
  }
});

const ogImageSchema = z.object({
  url: text,
  width: dimension.optional(),
  height: dimension.optional(),
  type: text.optional(),
});

/** The JSON-LD document, every key kept (and in order) for rewriting. */
const schemaSchema = z.record(z.string(), z.unknown()).superRefine((schema, context) => {
  if ('@context' in schema && typeof schema['@context'] !== 'string' && !isRecord(schema['@context'])) {
    context.addIssue({
      code: 'custom',
      message: '@context must be a string or an object',
      path: ['@context'],
    });
  }
  if ('@graph' in schema && !Array.isArray(schema['@graph'])) {
    context.addIssue({ code: 'custom', message: '@graph must be an array', path: ['@graph'] });
  }
});

/**
 * Yoast SEO's `yoast_head_json` (REST field and /yoast/v1/get_head "json"). Every key Yoast
 * emits, all optional; keys Yoast may add later are tolerated (and ignored).
 */
export const yoastHeadJsonSchema = z.object({
  title: text.optional(),
  description: text.optional(),
  robots: robotsSchema.optional(),
  canonical: text.optional(),
  prev: text.optional(),
  next: text.optional(),
  og_locale: text.optional(),
  og_type: text.optional(),
  og_title: text.optional(),
  og_description: text.optional(),
  og_url: text.optional(),
  og_site_name: text.optional(),
  article_publisher: text.optional(),
  article_author: z.union([text, z.array(text)]).optional(),
  article_published_time: text.optional(),
  article_modified_time: text.optional(),
  og_image: z.array(ogImageSchema).optional(),
  author: text.optional(),
  twitter_card: text.optional(),
  twitter_title: text.optional(),
  twitter_description: text.optional(),
  twitter_image: text.optional(),
  twitter_creator: text.optional(),
  twitter_site: text.optional(),
  /** Label → data, rendered as twitter:label1/data1, twitter:label2/data2… in order. */
  twitter_misc: z.record(z.string(), text).optional(),
  schema: schemaSchema.optional(),
});

export type YoastHeadJson = z.infer<typeof yoastHeadJsonSchema>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops empty strings, which Yoast never renders. */
function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * SeoData from Yoast's yoast_head_json, page URLs moved to this frontend (media URLs kept).
 * Returns null when the value is missing, malformed (a key of the wrong type) or has no title,
 * so the caller falls back to fallbackSeo instead of rendering a broken head.
 */
export function seoFromYoast(yoastHeadJson: unknown, urls: UrlRewriter): SeoData | null {
  if (!isRecord(yoastHeadJson)) return null;
  const parsed = yoastHeadJsonSchema.safeParse(yoastHeadJson);
  if (!parsed.success) return null;
  const yoast = parsed.data;
  const title = present(yoast.title);
  if (title === undefined) return null;

  const rewrite = (url: string | undefined) => {
    const value = present(url);
    return value === undefined ? undefined : urls.rewriteUrl(value);
  };
  const robots = yoast.robots
    ? Object.values(yoast.robots)
        .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
        .join(', ')
    : '';
  const articleAuthors = (
    Array.isArray(yoast.article_author) ? yoast.article_author : [yoast.article_author]
  ).flatMap((author) => {
    const url = rewrite(author);
    return url === undefined ? [] : [url];
  });

  return buildSeoData({
    title,
    description: present(yoast.description),
    robots: present(robots),
    canonical: rewrite(yoast.canonical),
    prev: rewrite(yoast.prev),
    next: rewrite(yoast.next),
    author: present(yoast.author),
    ogLocale: present(yoast.og_locale),
    ogType: present(yoast.og_type),
    ogTitle: present(yoast.og_title),
    ogDescription: present(yoast.og_description),
    ogUrl: rewrite(yoast.og_url),
    ogSiteName: present(yoast.og_site_name),
    articlePublisher: rewrite(yoast.article_publisher),
    articleAuthors,
    articlePublishedTime: present(yoast.article_published_time),
    articleModifiedTime: present(yoast.article_modified_time),
    // Images are media: they stay on WordPress.
    ogImages: (yoast.og_image ?? []).flatMap((image): OpenGraphImage[] =>
      present(image.url) === undefined
        ? []
        : [{ url: image.url, width: image.width, height: image.height, type: present(image.type) }],
    ),
    twitterCard: present(yoast.twitter_card),
    twitterTitle: present(yoast.twitter_title),
    twitterDescription: present(yoast.twitter_description),
    twitterImage: present(yoast.twitter_image),
    twitterCreator: present(yoast.twitter_creator),
    twitterSite: present(yoast.twitter_site),
    twitterMisc: Object.entries(yoast.twitter_misc ?? {}),
    schema: yoast.schema ? urls.rewriteGraph(yoast.schema) : null,
  });
}

const meta = (
  attribute: 'property' | 'name',
  key: string,
  content: string | number | undefined,
): HeadTag[] => {
  if (content === undefined) return [];
  const value = String(content);
  if (value.trim() === '') return [];
  return [
    attribute === 'property'
      ? { kind: 'meta', property: key, content: value }
      : { kind: 'meta', name: key, content: value },
  ];
};

/**
 * HeadData → SeoData, tag for tag as Yoast renders it. The split follows what Next 16 renders
 * (node_modules/next/dist/lib/metadata/metadata-elements.js and resolvers/):
 *
 * - Next's Metadata API: `<title>` (absolute, so no layout template applies), `description`
 *   (null when absent, so a layout's description is not inherited), `robots` (as Yoast's own
 *   string: Next's object form orders max-video-preview before max-snippet), `canonical`,
 *   prev/next (`pagination`) and `author` (`authors: [{ name }]`, no url, so no `<link rel=author>`).
 * - extraTags: every og:, article: and twitter: tag. Next could render most of them, but as soon
 *   as `openGraph` is set it also invents tags Yoast leaves out on purpose — twitter:title,
 *   twitter:description and twitter:image copied from Open Graph, og:title/og:description copied
 *   from the title/description — has no field for article:publisher or twitter:label/data
 *   (`other` renders only name=, never property=), and throws on an og:type outside its list.
 *   `openGraph` and `twitter` are set to null so a layout's values cannot add a second set.
 */
export function buildSeoData(head: HeadData): SeoData {
  const metadata: Metadata = {
    description: present(head.description) ?? null,
    openGraph: null,
    twitter: null,
  };
  const title = present(head.title);
  if (title !== undefined) metadata.title = { absolute: title };
  const robots = present(head.robots);
  if (robots !== undefined) metadata.robots = robots;
  const canonical = present(head.canonical);
  if (canonical !== undefined) metadata.alternates = { canonical };
  const prev = present(head.prev);
  const next = present(head.next);
  if (prev !== undefined || next !== undefined) {
    metadata.pagination = { previous: prev ?? null, next: next ?? null };
  }
  const author = present(head.author);
  if (author !== undefined) metadata.authors = [{ name: author }];

  const extraTags: HeadTag[] = [
    ...meta('property', 'og:locale', head.ogLocale),
    ...meta('property', 'og:type', head.ogType),
    ...meta('property', 'og:title', head.ogTitle),
    ...meta('property', 'og:description', head.ogDescription),
    ...meta('property', 'og:url', head.ogUrl),
    ...meta('property', 'og:site_name', head.ogSiteName),
    ...meta('property', 'article:publisher', head.articlePublisher),
    ...(head.articleAuthors ?? []).flatMap((url) => meta('property', 'article:author', url)),
    ...meta('property', 'article:published_time', head.articlePublishedTime),
    ...meta('property', 'article:modified_time', head.articleModifiedTime),
    ...meta('property', 'article:section', head.articleSection),
    ...(head.articleTags ?? []).flatMap((tag) => meta('property', 'article:tag', tag)),
    ...(head.ogImages ?? []).flatMap((image) => [
      ...meta('property', 'og:image', image.url),
      ...meta('property', 'og:image:width', image.width),
      ...meta('property', 'og:image:height', image.height),
      ...meta('property', 'og:image:type', image.type),
      ...meta('property', 'og:image:alt', image.alt),
    ]),
    ...meta('name', 'twitter:card', head.twitterCard),
    ...meta('name', 'twitter:title', head.twitterTitle),
    ...meta('name', 'twitter:description', head.twitterDescription),
    ...meta('name', 'twitter:image', head.twitterImage),
    ...meta('name', 'twitter:creator', head.twitterCreator),
    ...meta('name', 'twitter:site', head.twitterSite),
    ...(head.twitterMisc ?? [])
      .filter(([label, data]) => present(label) !== undefined && present(data) !== undefined)
      .flatMap(([label, data], index) => [
        ...meta('name', `twitter:label${index + 1}`, label),
        ...meta('name', `twitter:data${index + 1}`, data),
      ]),
  ];

  return { metadata, extraTags, jsonLd: head.schema ?? null };
}
