/** Raw WordPress shapes → the app's shapes. Private to lib/wordpress. */
import { pathFromWordPressLink, type SiteAddresses } from './paths';
import type { RawMedia, RawPost, RawTerm, RawUser } from './schemas';
import type { Author, Image, Post, PostSummary, Term } from './types';
import { htmlToText } from './html-text';

/** WordPress's *_gmt fields carry no zone designator; they are UTC. */
export function toIsoUtc(gmt: string | null | undefined, fallback: string): string {
  const value = gmt && !gmt.startsWith('0000') ? gmt : fallback;
  return /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
}

function isEmbedError(value: object): value is { code: string } {
  return 'code' in value && !('id' in value);
}

export function mapImage(media: RawMedia): Image {
  const fullWidth = media.media_details.width ?? 0;
  const fullHeight = media.media_details.height ?? 0;
  const ratio = fullWidth && fullHeight ? fullWidth / fullHeight : null;
  const sizes = Object.values(media.media_details.sizes ?? {})
    // Cropped sizes (the square thumbnail) would distort a responsive image.
    .filter((size) => ratio === null || Math.abs(size.width / size.height - ratio) < 0.02)
    .map((size) => ({ url: size.source_url, width: size.width, height: size.height }))
    .sort((a, b) => a.width - b.width);
  const deduplicated = sizes.filter(
    (size, index) => sizes.findIndex((s) => s.width === size.width) === index,
  );
  const largest = deduplicated.at(-1);
  return {
    url: media.source_url,
    width: fullWidth || largest?.width || 0,
    height: fullHeight || largest?.height || 0,
    alt: media.alt_text,
    sizes: deduplicated,
  };
}

export function mapAuthor(user: RawUser, addresses: SiteAddresses): Author {
  return {
    id: user.id,
    name: htmlToText(user.name),
    slug: user.slug,
    path: pathFromWordPressLink(user.link, addresses) ?? `/author/${encodeURIComponent(user.slug)}/`,
    bio: user.description,
    avatarUrl: user.avatar_urls['96'] ?? Object.values(user.avatar_urls).at(-1) ?? null,
  };
}

export function mapTerm(term: RawTerm, addresses: SiteAddresses): Term {
  return {
    id: term.id,
    name: htmlToText(term.name),
    slug: term.slug,
    taxonomy: term.taxonomy,
    path: pathFromWordPressLink(term.link, addresses) ?? '/',
  };
}

/** Co-Authors Plus names its author terms "cap-<user_nicename>"; the archive uses the nicename. */
const COAUTHOR_SLUG_PREFIX = /^cap-/;

function mapAuthors(raw: RawPost, addresses: SiteAddresses): Author[] {
  const coauthorTerms = (raw._embedded?.['wp:term'] ?? [])
    .flat()
    .filter((term) => term.taxonomy === 'author');
  if (raw.coauthors?.length && coauthorTerms.length) {
    return coauthorTerms.map((term) => {
      const slug = term.slug.replace(COAUTHOR_SLUG_PREFIX, '');
      return {
        id: null,
        name: htmlToText(term.name),
        slug,
        path: pathFromWordPressLink(term.link, addresses) ?? `/author/${encodeURIComponent(slug)}/`,
        bio: '',
        avatarUrl: null,
      };
    });
  }
  return (raw._embedded?.author ?? [])
    .filter((author): author is RawUser => !isEmbedError(author))
    .map((author) => mapAuthor(author, addresses));
}

export function mapPostSummary(raw: RawPost, addresses: SiteAddresses): PostSummary {
  const media = raw._embedded?.['wp:featuredmedia']?.[0];
  const terms = (raw._embedded?.['wp:term'] ?? [])
    .flat()
    .filter((term) => term.taxonomy !== 'author')
    .map((term) => mapTerm(term, addresses));
  return {
    id: raw.id,
    type: raw.type,
    slug: raw.slug,
    path: pathFromWordPressLink(raw.link, addresses) ?? `/?p=${raw.id}`,
    title: htmlToText(raw.title.rendered),
    excerpt: raw.excerpt?.protected ? '' : htmlToText(raw.excerpt?.rendered ?? ''),
    publishedAt: toIsoUtc(raw.date_gmt, raw.date),
    modifiedAt: toIsoUtc(raw.modified_gmt, raw.modified ?? raw.date),
    sticky: raw.sticky ?? false,
    authors: mapAuthors(raw, addresses),
    featuredImage: media && !isEmbedError(media) ? mapImage(media) : null,
    categories: terms.filter((term) => term.taxonomy === 'category'),
    tags: terms.filter((term) => term.taxonomy === 'post_tag'),
  };
}

/**
 * From the embedded replies, when they were asked for: WordPress embeds the first approved
 * comments, and leaves the key out when there are none. Null (unknown) when they were not asked
 * for or came back as an error.
 */
function hasApprovedComments(raw: RawPost, repliesRequested: boolean): boolean | null {
  if (!repliesRequested) return null;
  const replies = raw._embedded?.replies;
  if (replies === undefined) return false;
  const first = replies[0];
  return Array.isArray(first) ? first.length > 0 : null;
}

/** An object's own entries; nothing for anything else (ACF sends [] for an item without fields). */
function plainObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** `repliesRequested`: the request embedded `replies` (see hasApprovedComments). */
export function mapPost(raw: RawPost, addresses: SiteAddresses, { repliesRequested = false } = {}): Post {
  return {
    ...mapPostSummary(raw, addresses),
    contentHtml: raw.content?.rendered ?? '',
    blockStylesCss: raw.broadsheet_block_styles ?? '',
    ...(raw.broadsheet_blocks ? { blockNames: raw.broadsheet_blocks } : {}),
    isPasswordProtected: raw.content?.protected ?? false,
    commentStatus: raw.comment_status === 'open' ? 'open' : 'closed',
    hasApprovedComments: hasApprovedComments(raw, repliesRequested),
    wordpressLink: raw.link,
    customFields: { ...plainObject(raw.meta), ...plainObject(raw.acf) },
    seo: { yoastHeadJson: raw.yoast_head_json ?? null },
  };
}
