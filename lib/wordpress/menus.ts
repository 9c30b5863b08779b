import { z } from 'zod';
import { publishedCache, wordpressTransport } from './client';
import { WordPressNotFoundError, WordPressRequestRejectedError } from './errors';
import { htmlToText } from './html-text';
import { pathFromWordPressLink, type SiteAddresses } from './paths';
import { getSiteAddresses } from './site';
import { TAGS } from './tags';

/** One entry of a menu, with its sub-menu. */
export interface MenuItem {
  id: number;
  title: string;
  /** A path of this site when the item links to WordPress's home; the absolute URL otherwise. */
  href: string;
  /** Whether href leaves the site. */
  external: boolean;
  /** The editor chose "open in a new tab". */
  newTab: boolean;
  children: MenuItem[];
}

/** The menus a theme would show; a location the site left empty is absent. */
export interface SiteMenus {
  primary: MenuItem[] | null;
  footer: MenuItem[] | null;
  social: MenuItem[] | null;
}

const rawMenuItemSchema = z.object({
  id: z.number().int(),
  parent: z.number().int().catch(0),
  title: z.string().catch(''),
  url: z.string().catch(''),
  target: z.string().catch(''),
});
export type RawMenuItem = z.infer<typeof rawMenuItemSchema>;

/** An unreadable item is left out rather than failing the whole menu. */
const rawMenuSchema = z
  .array(z.unknown())
  .transform((items) => items.flatMap((item) => rawMenuItemSchema.safeParse(item).data ?? []));

const rawNavigationSchema = z.object({
  locations: z.record(z.string(), rawMenuSchema).catch({}),
  navigation: rawMenuSchema.nullable().catch(null),
});

/** Deeper nesting than this is shown at this depth (themes rarely go past three levels). */
export const MAX_MENU_DEPTH = 4;

/**
 * A menu's flat items (each naming its parent, in menu order) as a tree. An item whose parent is
 * missing, or that would close a cycle, is placed at the top, as WordPress's walker shows
 * orphans. Items without a label or a usable address are left out.
 */
export function buildMenuTree(items: readonly RawMenuItem[], addresses: SiteAddresses): MenuItem[] {
  const nodes = new Map<number, { item: MenuItem; parent: number }>();
  for (const raw of items) {
    const title = htmlToText(raw.title).trim();
    const link = menuLink(raw.url, addresses);
    if (!title || !link || nodes.has(raw.id)) continue;
    nodes.set(raw.id, {
      item: { id: raw.id, title, ...link, newTab: raw.target === '_blank', children: [] },
      parent: raw.parent,
    });
  }
  const roots: MenuItem[] = [];
  for (const [id, node] of nodes) {
    const parent = nodes.get(node.parent);
    if (parent && !isAncestor(nodes, id, node.parent) && depthOf(nodes, node.parent) < MAX_MENU_DEPTH - 1) {
      parent.item.children.push(node.item);
    } else {
      roots.push(node.item);
    }
  }
  return roots;
}

/** Whether `id` is `candidate` or one of its ancestors (following parents, bounded). */
function isAncestor(nodes: Map<number, { parent: number }>, id: number, candidate: number): boolean {
  let current: number | undefined = candidate;
  for (let steps = 0; current !== undefined && steps <= nodes.size; steps++) {
    if (current === id) return true;
    current = nodes.get(current)?.parent;
  }
  return false;
}

function depthOf(nodes: Map<number, { parent: number }>, id: number): number {
  let depth = 0;
  let current = nodes.get(id)?.parent;
  while (current !== undefined && nodes.has(current) && depth <= nodes.size) {
    depth++;
    current = nodes.get(current)?.parent;
  }
  return depth;
}

/** Where an item leads: a frontend path on WordPress's home, the URL itself elsewhere. */
function menuLink(url: string, addresses: SiteAddresses): { href: string; external: boolean } | null {
  const path = pathFromWordPressLink(url, addresses);
  if (path) return { href: path, external: false };
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol)
      ? { href: parsed.href, external: true }
      : null;
  } catch {
    return null;
  }
}

/**
 * The site's menus from the companion plugin (core keeps them behind a login): the primary one
 * from the theme's "primary" location, or a block theme's navigation menu; the footer and social
 * locations. Null when the plugin does not serve them, so the caller keeps its own navigation.
 */
export async function getSiteMenus(): Promise<SiteMenus | null> {
  try {
    const [{ data }, addresses] = await Promise.all([
      wordpressTransport()({
        route: '/broadsheet/v1/navigation',
        schema: rawNavigationSchema,
        cache: publishedCache([TAGS.menus]),
      }),
      getSiteAddresses(),
    ]);
    return menusOf(data, addresses);
  } catch (error) {
    // An older companion plugin, or none: the route does not exist.
    if (error instanceof WordPressNotFoundError || error instanceof WordPressRequestRejectedError)
      return null;
    throw error;
  }
}

/** The menus of the plugin's answer; a location with no items counts as empty. */
export function menusOf(data: z.infer<typeof rawNavigationSchema>, addresses: SiteAddresses): SiteMenus {
  const tree = (items: readonly RawMenuItem[] | null | undefined) => {
    const built = items ? buildMenuTree(items, addresses) : [];
    return built.length > 0 ? built : null;
  };
  return {
    primary: tree(data.locations.primary) ?? tree(data.navigation),
    footer: tree(data.locations.footer),
    social: tree(data.locations.social),
  };
}
