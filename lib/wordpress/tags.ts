/**
 * Every cache tag Broadsheet sets, in one place. A fetch declares the tags of what it reads; the
 * webhook maps a WordPress change to the tags it affects. Nothing is purged site-wide.
 */
export const TAGS = {
  /** Site title, tagline, timezone: everything read from the REST index. */
  site: 'wp:site',
  /** One post or page, by id. */
  content: (id: number) => `wp:content:${id}`,
  /** A lookup by slug, known before the id is. */
  slug: (type: 'post' | 'page', slug: string) => `wp:slug:${type}:${slug}`,
  /** A term or author looked up by slug. */
  termSlug: (taxonomy: 'category' | 'post_tag' | 'author', slug: string) =>
    `wp:term-slug:${taxonomy}:${slug}`,
  /** The categories in the primary navigation. */
  categoryNavigation: 'wp:nav:categories',
  /** The front page's list (and its /page/N/). */
  homeList: 'wp:list:home',
  /** The sticky posts shown first on the front page. */
  stickyList: 'wp:list:sticky',
  categoryList: (id: number) => `wp:list:category:${id}`,
  tagList: (id: number) => `wp:list:tag:${id}`,
  authorList: (id: number) => `wp:list:author:${id}`,
  /** A date archive's list, by year and month; day archives share their month's tag. */
  dateList: (year: number, month?: number) =>
    month === undefined ? `wp:list:date:${year}` : `wp:list:date:${year}-${String(month).padStart(2, '0')}`,
  /** Search results, which any post change may alter. */
  searchList: 'wp:list:search',
  /** The approved comments of one post (and so the comment section of its page). */
  comments: (postId: number) => `wp:comments:${postId}`,
  /** RSS and Atom feeds of posts. */
  feeds: 'wp:feeds',
  /** The sitemap chunks of one kind of object. */
  sitemap: (kind: 'posts' | 'pages' | 'categories' | 'tags' | 'authors') => `wp:sitemap:${kind}`,
} as const;
