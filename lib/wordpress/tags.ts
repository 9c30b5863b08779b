/**
 * Every cache tag Broadsheet sets, in one place. A fetch declares the tags of what it reads; the
 * webhook maps a WordPress change to the tags it affects. Nothing is purged site-wide.
 */
export const TAGS = {
  /** Site title, tagline, timezone: everything read from the REST index. */
  site: 'wp:site',
  /** Any list of posts: home, archives, feeds, sitemaps. */
  postLists: 'wp:post-lists',
  /** One post or page, by id. */
  content: (id: number) => `wp:content:${id}`,
  /** A lookup by slug, known before the id is. */
  slug: (type: 'post' | 'page', slug: string) => `wp:slug:${type}:${slug}`,
} as const;
