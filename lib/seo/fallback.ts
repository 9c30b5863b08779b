import { decodeHTML } from 'entities';
import { htmlToText, type Author, type Image, type Post, type SiteInfo, type Term } from '@/lib/wordpress';
import type { HeadData, OpenGraphImage, SeoData } from './types';
import type { UrlRewriter } from './urls';
import { buildSeoData } from './yoast';

/** A list page: the home page, an archive or search results. */
export interface ListingDescriptor {
  /** 'archive' is a post type's archive; 'term' a custom taxonomy's term. */
  kind: 'home' | 'archive' | 'category' | 'tag' | 'term' | 'author' | 'date' | 'search';
  /** Plain text: the term name, author name, "March 2024", "Search results for “…”"… */
  title: string;
  /** Plain text; the home page falls back to the site's tagline. */
  description: string;
  /**
   * Path of the list's first page, e.g. "/category/news/" or "/search/?s=lighthouse". Page N
   * lives at `${path}page/N/` (before any query), as in WordPress.
   */
  path: string;
  page?: number;
  totalPages?: number;
  /** For kind "author": who the archive is about, for og:image and the Person node. */
  author?: Author;
}

/** A post or page; a page may name its ancestors (root first) for the breadcrumb trail. */
export type ContentPost = Post & { parents?: { title: string; path: string }[] };

export type ContentInput = ContentPost | ListingDescriptor;

/** SiteInfo plus the site's language as a BCP 47 tag ("en-US"); the default is en-US. */
export type SeoSite = SiteInfo & { language?: string };

const SEPARATOR = ' – ';
const DESCRIPTION_LIMIT = 160;
const WORDS_PER_MINUTE = 200;
const INDEX_ROBOTS = 'index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1';
const SEARCH_ROBOTS = 'noindex, follow';
const UNCATEGORIZED = 'uncategorized';

/** Plain text of at most `limit` characters, cut on a word boundary with an ellipsis. */
export function truncateDescription(text: string, limit = DESCRIPTION_LIMIT): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const room = clean.slice(0, limit - 1);
  const boundary = room.lastIndexOf(' ');
  const cut = boundary > limit / 2 ? room.slice(0, boundary) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** Words in WordPress HTML: tags become spaces, scripts and styles are dropped, entities decoded. */
export function countWords(html: string): number {
  const text = decodeHTML(
    html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' '),
  );
  return text.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Yoast's "Est. reading time": words at 200 a minute, rounded up, at least one minute. */
export function readingTime(words: number): string {
  const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** ISO 8601 in UTC as Yoast writes it: seconds precision and "+00:00". */
function w3cDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The path of page `page` of a list whose first page is `path`. */
export function listingPagePath(path: string, page: number | undefined): string {
  if (page === undefined || page <= 1) return path;
  const queryAt = path.search(/[?#]/);
  const base = queryAt === -1 ? path : path.slice(0, queryAt);
  const rest = queryAt === -1 ? '' : path.slice(queryAt);
  return `${base.endsWith('/') ? base : `${base}/`}page/${page}/${rest}`;
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

function imageType(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : IMAGE_TYPES[extension];
}

function ogImage(image: Image): OpenGraphImage {
  return {
    url: image.url,
    width: image.width > 0 ? image.width : undefined,
    height: image.height > 0 ? image.height : undefined,
    type: imageType(image.url),
    alt: image.alt || undefined,
  };
}

function ogLocale(language: string): string {
  const [lang, region] = language.split(/[-_]/);
  return region ? `${lang?.toLowerCase() ?? ''}_${region.toUpperCase()}` : (lang ?? language);
}

const joinTitle = (parts: (string | undefined)[]) =>
  parts.filter((part): part is string => Boolean(part?.trim())).join(SEPARATOR);

const pageLabel = (page: number | undefined, totalPages: number | undefined) =>
  page !== undefined && page > 1
    ? totalPages !== undefined && totalPages >= page
      ? `Page ${page} of ${totalPages}`
      : `Page ${page}`
    : undefined;

const sections = (categories: Term[]) => categories.filter((term) => term.slug !== UNCATEGORIZED);

/** The @ids and URLs shared by every node of one graph. */
function graphIds(siteUrl: string, pageUrl: string) {
  return {
    home: `${siteUrl}/`,
    website: `${siteUrl}/#website`,
    organization: `${siteUrl}/#organization`,
    webpage: `${pageUrl}#webpage`,
    article: `${pageUrl}#article`,
    primaryImage: `${pageUrl}#primaryimage`,
    breadcrumb: `${pageUrl}#breadcrumb`,
    person: (author: Author) =>
      `${siteUrl}/#/schema/person/${author.slug || encodeURIComponent(author.name.toLowerCase())}`,
  };
}

type Ids = ReturnType<typeof graphIds>;
type Node = Record<string, unknown>;

function websiteNode(site: SeoSite, ids: Ids, siteUrl: string, language: string): Node {
  return {
    '@type': 'WebSite',
    '@id': ids.website,
    url: ids.home,
    name: site.name,
    ...(site.description ? { description: site.description } : {}),
    publisher: { '@id': ids.organization },
    potentialAction: [
      {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl}/search/?s={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    ],
    inLanguage: language,
  };
}

function organizationNode(site: SeoSite, ids: Ids): Node {
  return { '@type': 'Organization', '@id': ids.organization, name: site.name, url: ids.home };
}

function personNode(author: Author, ids: Ids, siteUrl: string, language: string): Node {
  const bio = htmlToText(author.bio);
  return {
    '@type': 'Person',
    '@id': ids.person(author),
    name: author.name,
    url: `${siteUrl}${author.path}`,
    ...(bio ? { description: bio } : {}),
    ...(author.avatarUrl
      ? {
          image: {
            '@type': 'ImageObject',
            inLanguage: language,
            '@id': `${ids.person(author)}/image`,
            url: author.avatarUrl,
            contentUrl: author.avatarUrl,
            caption: author.name,
          },
        }
      : {}),
  };
}

function breadcrumbNode(ids: Ids, trail: { name: string; url?: string }[]): Node {
  return {
    '@type': 'BreadcrumbList',
    '@id': ids.breadcrumb,
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      // As in Yoast, the last crumb (this page) has no item.
      ...(index < trail.length - 1 && crumb.url ? { item: crumb.url } : {}),
    })),
  };
}

const ref = (id: string) => ({ '@id': id });

function postHead(post: ContentPost, site: SeoSite, siteUrl: string): HeadData {
  const language = site.language ?? 'en-US';
  const isArticle = post.type === 'post';
  const url = `${siteUrl}${post.path}`;
  const ids = graphIds(siteUrl, url);
  const title = joinTitle([post.title, site.name]);
  const description = truncateDescription(post.excerpt) || undefined;
  const image = post.featuredImage;
  const words = post.isPasswordProtected ? null : countWords(post.contentHtml);
  const published = w3cDate(post.publishedAt);
  const modified = w3cDate(post.modifiedAt);
  const categories = sections(post.categories);
  const authorNames = post.authors.map((author) => author.name).filter(Boolean);

  const authorRefs = post.authors.map((author) => ({ name: author.name, '@id': ids.person(author) }));
  const article: Node = {
    '@type': 'Article',
    '@id': ids.article,
    isPartOf: ref(ids.webpage),
    ...(authorRefs.length ? { author: authorRefs.length === 1 ? authorRefs[0] : authorRefs } : {}),
    headline: post.title,
    datePublished: published,
    dateModified: modified,
    mainEntityOfPage: ref(ids.webpage),
    ...(words !== null ? { wordCount: words } : {}),
    publisher: ref(ids.organization),
    ...(image ? { image: ref(ids.primaryImage), thumbnailUrl: image.url } : {}),
    ...(post.tags.length ? { keywords: post.tags.map((tag) => tag.name) } : {}),
    ...(categories.length ? { articleSection: categories.map((term) => term.name) } : {}),
    inLanguage: language,
  };
  const webpage: Node = {
    '@type': 'WebPage',
    '@id': ids.webpage,
    url,
    name: title,
    isPartOf: ref(ids.website),
    ...(image
      ? { primaryImageOfPage: ref(ids.primaryImage), image: ref(ids.primaryImage), thumbnailUrl: image.url }
      : {}),
    datePublished: published,
    dateModified: modified,
    ...(description ? { description } : {}),
    breadcrumb: ref(ids.breadcrumb),
    inLanguage: language,
    potentialAction: [{ '@type': 'ReadAction', target: [url] }],
  };
  const imageNode: Node | null = image
    ? {
        '@type': 'ImageObject',
        inLanguage: language,
        '@id': ids.primaryImage,
        url: image.url,
        contentUrl: image.url,
        ...(image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : {}),
        ...(image.alt ? { caption: image.alt } : {}),
      }
    : null;
  const middle = isArticle
    ? categories.slice(0, 1).map((term) => ({ name: term.name, url: `${siteUrl}${term.path}` }))
    : (post.parents ?? []).map((parent) => ({ name: parent.title, url: `${siteUrl}${parent.path}` }));
  const trail = [{ name: 'Home', url: ids.home }, ...middle, { name: post.title }];

  const graph: Node[] = [
    ...(isArticle ? [article] : []),
    webpage,
    ...(imageNode ? [imageNode] : []),
    breadcrumbNode(ids, trail),
    websiteNode(site, ids, siteUrl, language),
    organizationNode(site, ids),
    ...(isArticle ? post.authors.map((author) => personNode(author, ids, siteUrl, language)) : []),
  ];

  return {
    title,
    description,
    robots: INDEX_ROBOTS,
    canonical: url,
    author: isArticle && authorNames.length ? authorNames.join(', ') : undefined,
    ogLocale: ogLocale(language),
    ogType: 'article',
    ogTitle: title,
    ogDescription: description,
    ogUrl: url,
    ogSiteName: site.name,
    articleAuthors: isArticle ? post.authors.map((author) => `${siteUrl}${author.path}`) : [],
    // As Yoast: pages state only when they were modified.
    articlePublishedTime: isArticle ? published : undefined,
    articleModifiedTime: modified,
    articleSection: isArticle ? categories[0]?.name : undefined,
    articleTags: isArticle ? post.tags.map((tag) => tag.name) : [],
    ogImages: image ? [ogImage(image)] : [],
    twitterCard: image ? 'summary_large_image' : 'summary',
    twitterMisc: [
      ...(isArticle && authorNames.length
        ? [['Written by', authorNames.join(', ')] as [string, string]]
        : []),
      ...(words !== null ? [['Est. reading time', readingTime(words)] as [string, string]] : []),
    ],
    schema: { '@context': 'https://schema.org', '@graph': graph },
  };
}

function listingHead(listing: ListingDescriptor, site: SeoSite, siteUrl: string): HeadData {
  const language = site.language ?? 'en-US';
  const currentPath = listingPagePath(listing.path, listing.page);
  const url = `${siteUrl}${currentPath}`;
  const ids = graphIds(siteUrl, url);
  const label = pageLabel(listing.page, listing.totalPages);
  const isHome = listing.kind === 'home';
  const isSearch = listing.kind === 'search';
  const title = isHome
    ? joinTitle([site.name, label, site.description])
    : joinTitle([listing.title, label, site.name]);
  const description =
    truncateDescription(listing.description || (isHome ? site.description : '')) || undefined;
  const author = listing.kind === 'author' ? listing.author : undefined;
  const page = listing.page ?? 1;
  const prev = page > 1 ? `${siteUrl}${listingPagePath(listing.path, page - 1)}` : undefined;
  const next =
    listing.totalPages !== undefined && page < listing.totalPages
      ? `${siteUrl}${listingPagePath(listing.path, page + 1)}`
      : undefined;

  const pageType =
    listing.kind === 'author'
      ? 'ProfilePage'
      : isSearch
        ? ['CollectionPage', 'SearchResultsPage']
        : 'CollectionPage';
  const webpage: Node = {
    '@type': pageType,
    '@id': ids.webpage,
    url,
    name: title,
    isPartOf: ref(ids.website),
    ...(isHome ? { about: ref(ids.organization) } : {}),
    ...(author ? { mainEntity: ref(ids.person(author)) } : {}),
    ...(description ? { description } : {}),
    breadcrumb: ref(ids.breadcrumb),
    inLanguage: language,
  };
  const trail = isHome ? [{ name: 'Home' }] : [{ name: 'Home', url: ids.home }, { name: listing.title }];
  const graph: Node[] = [
    webpage,
    breadcrumbNode(ids, trail),
    websiteNode(site, ids, siteUrl, language),
    organizationNode(site, ids),
    ...(author ? [personNode(author, ids, siteUrl, language)] : []),
  ];
  const avatar = author?.avatarUrl;

  return {
    title,
    description,
    robots: isSearch ? SEARCH_ROBOTS : INDEX_ROBOTS,
    // A search results page is not indexed, so it names no canonical (as Yoast).
    canonical: isSearch ? undefined : url,
    prev,
    next,
    ogLocale: ogLocale(language),
    ogType: listing.kind === 'author' ? 'profile' : 'website',
    ogTitle: title,
    ogDescription: description,
    ogUrl: url,
    ogSiteName: site.name,
    ogImages: avatar ? [{ url: avatar, type: imageType(avatar) }] : [],
    twitterCard: avatar ? 'summary_large_image' : 'summary',
    schema: { '@context': 'https://schema.org', '@graph': graph },
  };
}

/**
 * The fallback head, for a post, a page or a list, built from the content itself: used when
 * WordPress has no Yoast SEO (or its output is unusable), with the same tags, in the same shape,
 * that Yoast would give.
 */
export function fallbackSeo(input: ContentInput, site: SeoSite, urls: UrlRewriter): SeoData {
  const head = 'kind' in input ? listingHead(input, site, urls.siteUrl) : postHead(input, site, urls.siteUrl);
  return buildSeoData(head);
}
