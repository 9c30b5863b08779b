/** The app's own shapes of WordPress content: small, decoded, ready to render. */
import type { SiteAddresses } from './paths';
import type { ReadingSettings, SiteIcons } from './settings';

export type { SiteAddresses } from './paths';
export type { ReadingSettings, SiteIcons } from './settings';

export interface Image {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** Every size WordPress generated, widest last, for srcset. */
  sizes: { url: string; width: number; height: number }[];
}

export interface Author {
  id: number | null;
  name: string;
  slug: string;
  /** Path of the author archive on this frontend. */
  path: string;
  bio: string;
  avatarUrl: string | null;
}

export interface Term {
  id: number;
  name: string;
  slug: string;
  taxonomy: 'category' | 'post_tag' | string;
  path: string;
}

export interface PostSummary {
  id: number;
  type: 'post' | 'page' | string;
  slug: string;
  /** Path on this frontend, the same as on WordPress. */
  path: string;
  /** Plain text: entities decoded, markup removed. */
  title: string;
  excerpt: string;
  /** ISO 8601 in UTC. */
  publishedAt: string;
  modifiedAt: string;
  sticky: boolean;
  authors: Author[];
  featuredImage: Image | null;
  categories: Term[];
  tags: Term[];
}

export interface Post extends PostSummary {
  /** WordPress's rendered HTML, unsanitised: render it only through lib/content. */
  contentHtml: string;
  /**
   * The block-supports CSS WordPress generated while rendering contentHtml (per-container layout
   * and colours), from the companion plugin; empty without it. Unsanitised: apply it only
   * through lib/content/global-styles.ts.
   */
  blockStylesCss?: string;
  /**
   * The blocks WordPress rendered for contentHtml, by name, from the companion plugin: on a site
   * that loads each block's CSS only with the block, the block CSS the content gets.
   */
  blockNames?: string[];
  /**
   * The whole content, when contentHtml is one page of a post split with <!--nextpage-->: the
   * content's stylesheet covers all of its pages. Unsanitised, as contentHtml.
   */
  wholeContentHtml?: string;
  /**
   * Fetched for one reader (a preview, with the editor's credentials; a protected post, with its
   * password), never from the public cache: nothing made from it may be served at a public address.
   */
  fetchedPrivately?: boolean;
  isPasswordProtected: boolean;
  commentStatus: 'open' | 'closed';
  /**
   * Whether the post has approved comments, when WordPress said so with the post (posts looked
   * up by path); null when unknown. False spares the comments request.
   */
  hasApprovedComments: boolean | null;
  /** WordPress's own URL of this post. */
  wordpressLink: string;
  /**
   * The item's custom fields as WordPress sent them — `meta` registered with show_in_rest, then
   * ACF's `acf` over it — unchecked: templates receive them prepared (lib/content/fields.ts) and
   * validated by their own schema.
   */
  customFields: Record<string, unknown>;
  seo: { yoastHeadJson: Record<string, unknown> | null };
}

export interface Paginated<T> {
  items: T[];
  page: number;
  totalItems: number;
  totalPages: number;
}

export interface SiteInfo {
  name: string;
  description: string;
  /** Site Address, WordPress Address and WORDPRESS_URL: what WordPress's links are read against. */
  addresses: SiteAddresses;
  /** An IANA zone or a fixed offset ("+05:30"): see lib/dates/wordpress-date.ts. */
  timezone: string;
  /** PHP date() formats, from Settings → General. */
  dateFormat: string;
  timeFormat: string;
  reading: ReadingSettings;
  icons: SiteIcons | null;
  /** BCP 47, e.g. "en-GB": for <html lang> and dates. */
  language: string;
  /** Yoast SEO is active, so its get_head endpoint describes list pages too. */
  hasYoast: boolean;
  /**
   * WordPress's global stylesheet for blocks, from the companion plugin; absent without it (the
   * content then gets WordPress's default presets). Unsanitised: apply it only through
   * lib/content/global-styles.ts.
   */
  globalStylesheet?: string;
}

/** An approved comment (or the reader's own, just posted and held for moderation). */
export interface Comment {
  id: number;
  /** 0 for a top-level comment. */
  parentId: number;
  /** Plain text. */
  authorName: string;
  /** An http(s) address, or null: render as a link only then. */
  authorUrl: string | null;
  publishedAt: string;
  /**
   * WordPress's rendered HTML, unsanitised: anyone may write a comment, so render it only through
   * lib/content (sanitizeCommentContent), as post content.
   */
  contentHtml: string;
  status: 'approved' | 'hold';
  /** 1 for a top-level comment. */
  depth: number;
  replies: Comment[];
}

/** WordPress's discussion settings that shape a comment section. */
export interface CommentSettings {
  /** 1 when threading is off. */
  maxDepth: number;
  /** Threads per page; 0 when the site does not page comments. */
  perPage: number;
  order: 'asc' | 'desc';
}

/** One page of a post's threaded comments. */
export interface CommentPage {
  postId: number;
  page: number;
  totalPages: number;
  /** Every approved comment of the post, replies included. */
  totalComments: number;
  maxDepth: number;
  threads: Comment[];
}

/** What a search suggestion shows: enough to recognise a story, nothing more. */
export interface SearchSuggestion {
  title: string;
  path: string;
  excerpt: string;
}
