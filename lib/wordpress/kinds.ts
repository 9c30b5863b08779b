/**
 * The registry of kinds: every kind of thing this WordPress serves, and everything Broadsheet
 * needs to know about each — where it lives in the REST API, where its pages live on the site,
 * which lists show it and under which cache tags. It is discovered at runtime from
 * /wp/v2/types and /wp/v2/taxonomies (cached like the site info), so a custom post type or
 * taxonomy registered in WordPress works here without code:
 *
 * - content kinds: post, page and every viewable custom post type (a single page each);
 * - list kinds: the front page, post-type archives, a term of any viewable taxonomy (category,
 *   tag, custom), author, date and search.
 *
 * Everything that used to switch over kinds — path resolution, list loading and its cache tag,
 * webhook events, feeds, sitemaps, previews, password unlock, SEO, load more — looks them up
 * here. Adding a kind in WordPress adds it here; adding a template for it is the only code.
 */
import { cache } from 'react';
import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError, WordPressRequestRejectedError } from './errors';
import { KIND_NAME } from './kind-name';
import { pathFromWordPressLink, type SiteAddresses } from './paths';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';

/** A type of content with pages of its own: post, page, or a custom post type. */
export interface ContentKind {
  /** The post type's name, as WordPress and the webhook name it: "post", "page", "event". */
  type: string;
  /** Plural label, plain text ("Events"). */
  label: string;
  /** The REST collection, e.g. "/wp/v2/posts" or "/wp/v2/events". */
  route: string;
  hierarchical: boolean;
  /**
   * Frontend path of its archive ("/events/"); null when it has none. Posts' archive is the
   * front page's list, which is a list kind of its own.
   */
  archivePath: string | null;
  /**
   * The fixed start of its items' paths ("/events/" for "/events/%event%/"), when WordPress
   * says (the companion plugin does) or it can be told from the archive; null when unknown.
   * Path resolution asks the kinds whose prefix matches first.
   */
  itemPrefix: string | null;
  /** The viewable taxonomies of this type, by name. */
  taxonomies: string[];
  /** Whether WordPress's search includes it. */
  searchable: boolean;
}

/** A taxonomy whose terms have archives: category, post_tag, or a custom one. */
export interface TaxonomyKind {
  /** The taxonomy's name: "category", "post_tag", "event_series". */
  taxonomy: string;
  /** Plural label, plain text ("Categories"). */
  label: string;
  /** The REST collection of its terms, e.g. "/wp/v2/categories". */
  route: string;
  /** The query parameter that filters a post collection by its terms ("categories"). */
  restBase: string;
  hierarchical: boolean;
  /** The content kinds its archives list (viewable types only), first the one WordPress lists. */
  types: string[];
  /** The fixed start of its terms' paths ("/category/"); archives are found under it. */
  pathPrefix: string;
}

export interface Kinds {
  content: ContentKind[];
  taxonomies: TaxonomyKind[];
}

/** Post types WordPress keeps for itself: never pages of a site, whatever a plugin says. */
const INTERNAL_TYPE =
  /^(?:attachment|nav_menu_item|revision|customize_changeset|oembed_cache|user_request|wp_.*)$/;
/**
 * Taxonomies that are never term archives: WordPress's own, and Co-Authors Plus's "author",
 * whose archives are the author archives.
 */
const INTERNAL_TAXONOMY = /^(?:nav_menu|link_category|post_format|author|wp_.*)$/;
/** A REST base is one or more plain path segments: never a pattern such as font-faces'. */
const REST_BASE = /^[a-zA-Z0-9_-]+(?:\/[a-zA-Z0-9_-]+)*$/;

const rawTypeSchema = z.object({
  slug: z.string(),
  name: z.string().default(''),
  rest_base: z.string().optional(),
  rest_namespace: z.string().optional(),
  hierarchical: z.boolean().default(false),
  has_archive: z.union([z.boolean(), z.string()]).catch(false).default(false),
  taxonomies: z.array(z.string()).catch([]).default([]),
  /** In the edit context, and from the companion plugin in every context. */
  viewable: z.boolean().optional(),
  broadsheet_archive_link: z.string().nullable().optional().catch(null),
  broadsheet_permastruct: z.string().nullable().optional().catch(null),
  broadsheet_searchable: z.boolean().optional().catch(undefined),
});

const rawTaxonomySchema = z.object({
  slug: z.string(),
  name: z.string().default(''),
  rest_base: z.string().optional(),
  rest_namespace: z.string().optional(),
  hierarchical: z.boolean().default(false),
  types: z.array(z.string()).catch([]).default([]),
  /** From the companion plugin. */
  viewable: z.boolean().optional(),
  /** In the edit context. */
  visibility: z.object({ publicly_queryable: z.boolean().optional() }).partial().optional().catch(undefined),
  broadsheet_permastruct: z.string().nullable().optional().catch(null),
});

type RawType = z.infer<typeof rawTypeSchema>;
type RawTaxonomy = z.infer<typeof rawTaxonomySchema>;

/** The collection route of a type or taxonomy, or null when it has no usable one. */
function collectionRoute(restBase: string | undefined, namespace: string | undefined): string | null {
  const base = restBase ?? '';
  const space = namespace ?? 'wp/v2';
  if (!REST_BASE.test(base) || !REST_BASE.test(space)) return null;
  return `/${space}/${base}`;
}

/**
 * The fixed part of a permalink structure before its first tag, cut back to a whole segment:
 * "/events/%event%/" → "/events/", "/%postname%/" → "/". Null for an empty structure (plain
 * permalinks) or one that does not start with a slash.
 */
export function permastructPrefix(structure: string | null | undefined): string | null {
  if (!structure || !structure.startsWith('/')) return null;
  const fixed = structure.split('%')[0] ?? '';
  return fixed.slice(0, fixed.lastIndexOf('/') + 1) || '/';
}

function decodeLabel(name: string, fallback: string): string {
  const label = name.replace(/<[^>]*>/g, '').trim();
  return label || fallback;
}

function archivePathOf(raw: RawType, addresses: SiteAddresses): string | null {
  if (raw.broadsheet_archive_link !== undefined) {
    return raw.broadsheet_archive_link ? pathFromWordPressLink(raw.broadsheet_archive_link, addresses) : null;
  }
  // Without the plugin: WordPress's default, the archive at has_archive's slug or the type's name.
  if (raw.has_archive === false || raw.slug === 'post' || raw.slug === 'page') return null;
  const slug = typeof raw.has_archive === 'string' && raw.has_archive ? raw.has_archive : raw.slug;
  return `/${slug.split('/').map(encodeURIComponent).join('/')}/`;
}

function isViewableType(raw: RawType): boolean {
  if (INTERNAL_TYPE.test(raw.slug) || !KIND_NAME.test(raw.slug)) return false;
  return raw.viewable ?? true;
}

function isViewableTaxonomy(raw: RawTaxonomy): boolean {
  if (INTERNAL_TAXONOMY.test(raw.slug) || !KIND_NAME.test(raw.slug)) return false;
  return raw.viewable ?? raw.visibility?.publicly_queryable ?? true;
}

/** WordPress's default term base: category and tag have their own, a custom taxonomy its name. */
function defaultTaxonomyPrefix(taxonomy: string): string {
  if (taxonomy === 'category') return '/category/';
  if (taxonomy === 'post_tag') return '/tag/';
  return `/${taxonomy}/`;
}

/** The kinds named in a REST object (`{ name: object }`); entries that do not parse are skipped. */
function parseEach<T>(payload: unknown, schema: z.ZodType<T>): T[] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
  return Object.values(payload).flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The registry from WordPress's answers to /wp/v2/types and /wp/v2/taxonomies: what is public,
 * where it lives. Post and page always exist; everything else is as WordPress says.
 */
export function buildKinds(
  typesPayload: unknown,
  taxonomiesPayload: unknown,
  addresses: SiteAddresses,
): Kinds {
  const content: ContentKind[] = [];
  for (const raw of parseEach(typesPayload, rawTypeSchema)) {
    const route = collectionRoute(raw.rest_base, raw.rest_namespace);
    if (!route || !isViewableType(raw)) continue;
    const archivePath = archivePathOf(raw, addresses);
    const prefix = permastructPrefix(raw.broadsheet_permastruct);
    content.push({
      type: raw.slug,
      label: decodeLabel(raw.name, raw.slug),
      route,
      hierarchical: raw.hierarchical,
      archivePath,
      // Without the plugin, a custom type's items usually live below its archive.
      itemPrefix:
        prefix !== null && prefix !== '/'
          ? prefix
          : raw.slug === 'post' || raw.slug === 'page' || prefix === '/'
            ? null
            : archivePath,
      taxonomies: raw.taxonomies,
      searchable: raw.broadsheet_searchable ?? true,
    });
  }
  for (const [type, route] of [
    ['post', '/wp/v2/posts'],
    ['page', '/wp/v2/pages'],
  ] as const) {
    if (!content.some((kind) => kind.type === type)) {
      content.push({
        type,
        label: type === 'post' ? 'Posts' : 'Pages',
        route,
        hierarchical: type === 'page',
        archivePath: null,
        itemPrefix: null,
        taxonomies: type === 'post' ? ['category', 'post_tag'] : [],
        searchable: true,
      });
    }
  }
  const viewableTypes = new Set(content.map((kind) => kind.type));
  const taxonomies: TaxonomyKind[] = [];
  for (const raw of parseEach(taxonomiesPayload, rawTaxonomySchema)) {
    const route = collectionRoute(raw.rest_base, raw.rest_namespace);
    const types = raw.types.filter((type) => viewableTypes.has(type));
    if (!route || !raw.rest_base || !isViewableTaxonomy(raw) || types.length === 0) continue;
    taxonomies.push({
      taxonomy: raw.slug,
      label: decodeLabel(raw.name, raw.slug),
      route,
      restBase: raw.rest_base,
      hierarchical: raw.hierarchical,
      // Category and tag archives list posts, as WordPress's do; a custom taxonomy's list its
      // types (see listRouteOf).
      types: raw.slug === 'category' || raw.slug === 'post_tag' ? ['post'] : types,
      pathPrefix: permastructPrefix(raw.broadsheet_permastruct) ?? defaultTaxonomyPrefix(raw.slug),
    });
  }
  const taxonomyNames = new Set(taxonomies.map((kind) => kind.taxonomy));
  for (const kind of content) kind.taxonomies = kind.taxonomies.filter((name) => taxonomyNames.has(name));
  return { content, taxonomies };
}

const kindsPayloadSchema = z.record(z.string(), z.unknown());

/**
 * The registry of this WordPress, read once per render and cached under its own tag (the
 * companion plugin's settings events and the time-based backstop refresh it).
 */
export const getKinds = cache(async (): Promise<Kinds> => {
  const [types, taxonomies, addresses] = await Promise.all([
    readKindsPayload('/wp/v2/types'),
    readKindsPayload('/wp/v2/taxonomies'),
    getSiteAddresses(),
  ]);
  return buildKinds(types, taxonomies, addresses);
});

/** Routes already reported as refused, so the log says it once per process. */
const refusedRoutes = new Set<string>();

/**
 * One of the two listings. Some sites keep them from anonymous clients (a security plugin's
 * rule, a 401 or 404): the site is then read as WordPress's own kinds — posts, pages,
 * categories, tags — and the log says so once. An outage is thrown like any other, so the last
 * good registry stays cached.
 */
async function readKindsPayload(route: string): Promise<unknown> {
  try {
    const response = await wordpressTransport()({
      route,
      schema: kindsPayloadSchema,
      cache: publishedCache([TAGS.kinds]),
    });
    return response.data;
  } catch (error) {
    if (!(error instanceof WordPressNotFoundError || error instanceof WordPressRequestRejectedError))
      throw error;
    if (!refusedRoutes.has(route)) {
      refusedRoutes.add(route);
      console.error(
        `[kinds] WordPress refused ${route} (${error.message}); serving posts, pages, categories and tags only`,
      );
    }
    return {};
  }
}

export function findContentKind(kinds: Kinds, type: string): ContentKind | null {
  return kinds.content.find((kind) => kind.type === type) ?? null;
}

export function findTaxonomyKind(kinds: Kinds, taxonomy: string): TaxonomyKind | null {
  return kinds.taxonomies.find((kind) => kind.taxonomy === taxonomy) ?? null;
}

/**
 * The order in which content kinds are asked for a path's last segment: kinds whose items'
 * prefix the path starts with (longest first), then posts and pages, then every other kind.
 * The first found at exactly the requested path wins; the link of each answer decides.
 */
export function contentKindsForPath(kinds: Kinds, path: string): ContentKind[][] {
  const prefixed = kinds.content
    .filter(
      (kind) => kind.itemPrefix !== null && path.startsWith(kind.itemPrefix) && path !== kind.itemPrefix,
    )
    .sort((a, b) => (b.itemPrefix?.length ?? 0) - (a.itemPrefix?.length ?? 0));
  const rest = kinds.content.filter((kind) => !prefixed.includes(kind));
  const post = rest.filter((kind) => kind.type === 'post');
  const page = rest.filter((kind) => kind.type === 'page');
  const others = rest.filter((kind) => kind.type !== 'post' && kind.type !== 'page');
  return [...prefixed.map((kind) => [kind]), post, page, others].filter((group) => group.length > 0);
}
