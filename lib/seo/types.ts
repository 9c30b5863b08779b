import type { Metadata } from 'next';

/**
 * A head tag rendered by our own component (components/seo-extra-head.tsx) rather than by Next's
 * Metadata API, because Next would not render it exactly as Yoast does (see buildSeoData).
 */
export type HeadTag =
  | { kind: 'meta'; property?: string; name?: string; content: string }
  | { kind: 'link'; rel: string; href: string };

/** Everything a route needs for its head: Next metadata, the extra tags, and the JSON-LD graph. */
export interface SeoData {
  metadata: Metadata;
  extraTags: HeadTag[];
  jsonLd: Record<string, unknown> | null;
}

export interface OpenGraphImage {
  url: string;
  width?: number;
  height?: number;
  type?: string;
  alt?: string;
}

/**
 * The head of one page in Yoast's terms, with URLs already pointing at this frontend. Both
 * sources produce it — Yoast's yoast_head_json (lib/seo/yoast.ts) and our own fallback
 * (lib/seo/fallback.ts) — and one function turns it into SeoData, so both render alike.
 * Empty strings count as absent.
 */
export interface HeadData {
  title?: string;
  description?: string;
  /** The robots directives exactly as they should appear in `<meta name="robots">`. */
  robots?: string;
  canonical?: string;
  prev?: string;
  next?: string;
  /** `<meta name="author">`. */
  author?: string;
  ogLocale?: string;
  ogType?: string;
  ogTitle?: string;
  ogDescription?: string;
  ogUrl?: string;
  ogSiteName?: string;
  articlePublisher?: string;
  /** `article:author`, one tag each. */
  articleAuthors?: string[];
  articlePublishedTime?: string;
  articleModifiedTime?: string;
  /** Not emitted by Yoast; used by the fallback. */
  articleSection?: string;
  /** Not emitted by Yoast; used by the fallback. */
  articleTags?: string[];
  ogImages?: OpenGraphImage[];
  twitterCard?: string;
  twitterTitle?: string;
  twitterDescription?: string;
  twitterImage?: string;
  twitterCreator?: string;
  twitterSite?: string;
  /** twitter:labelN / twitter:dataN pairs, in order. */
  twitterMisc?: [label: string, data: string][];
  /** The JSON-LD document ({"@context", "@graph"}). */
  schema?: Record<string, unknown> | null;
}
