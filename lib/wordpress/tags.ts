/**
 * Every cache tag Broadsheet sets, in one place. A fetch declares the tags of what it reads; the
 * webhook maps a WordPress change to the tags it affects. Nothing is purged site-wide.
 */
export const TAGS = {
  /** Site title, tagline, timezone: everything read from the REST index. */
  site: 'wp:site',
  /** The registry of kinds (lib/wordpress/kinds.ts): the site's post types and taxonomies. */
  kinds: 'wp:kinds',
  /**
   * One item of any content kind (post, page, custom type), by id; every page of a list that
   * shows it carries it too (lib/wordpress/posts.ts), so an edit reaches the lists showing it.
   */
  content: (id: number) => `wp:content:${id}`,
  /** A lookup of one content kind by slug, known before the id is. */
  slug: (type: string, slug: string) => `wp:slug:${type}:${slug}`,
  /** A term of any taxonomy, or an author ("author"), looked up by slug. */
  termSlug: (taxonomy: string, slug: string) => `wp:term-slug:${taxonomy}:${slug}`,
  /** The categories in the primary navigation. */
  categoryNavigation: 'wp:nav:categories',
  /** The site's menus (theme locations and the block theme's navigation), from the companion plugin. */
  menus: 'wp:nav:menus',
  /** The Redirection plugin's rules. */
  redirects: 'wp:redirects',
  /** The front page's list (and its /page/N/). */
  homeList: 'wp:list:home',
  /** The sticky posts shown first on the front page. */
  stickyList: 'wp:list:sticky',
  /** A post type's archive (its items, newest first). */
  typeList: (type: string) => `wp:list:type:${type}`,
  /** A term's archive, in any taxonomy. */
  termList: (taxonomy: string, id: number) => `wp:list:term:${taxonomy}:${id}`,
  authorList: (id: number) => `wp:list:author:${id}`,
  /** A date archive's list, by year and month; day archives share their month's tag. */
  dateList: (year: number, month?: number) =>
    month === undefined ? `wp:list:date:${year}` : `wp:list:date:${year}-${String(month).padStart(2, '0')}`,
  /**
   * Yoast's head of a list's pages (get_head), apart from the list itself: its title and
   * canonical follow the page number and its prev/next the page count, which only an item
   * appearing or going changes, not an edit.
   */
  listHead: (listTag: string) => `${listTag}:head`,
  /** Search results, which any post change may alter. */
  searchList: 'wp:list:search',
  /** The approved comments of one post (and so the comment section of its page). */
  comments: (postId: number) => `wp:comments:${postId}`,
  /** RSS and Atom feeds that carry items of one content kind. */
  feeds: (type: string) => `wp:feeds:${type}`,
  /** The sitemap chunks of one kind: a post type, a taxonomy, or "authors". */
  sitemap: (kind: string) => `wp:sitemap:${kind}`,
} as const;
