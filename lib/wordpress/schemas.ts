/**
 * Runtime schemas of WordPress REST responses: the raw shapes, private to lib/wordpress.
 * Only fields Broadsheet reads are declared; WordPress and plugins may add any others.
 */
import { z } from 'zod';

const rendered = z.object({ rendered: z.string() });
const renderedProtected = z.object({ rendered: z.string(), protected: z.boolean().optional() });

/** An embedded item WordPress could not include (e.g. private media) comes as an error object. */
const embedError = z.object({ code: z.string(), message: z.string().optional() });

/** Yoast's yoast_head_json is validated where it is mapped (lib/seo); here it is kept as an object. */
const yoastHeadJson = z.record(z.string(), z.unknown()).nullable().optional();

export const rawUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  link: z.string(),
  description: z.string().default(''),
  url: z.string().default(''),
  avatar_urls: z.record(z.string(), z.string()).default({}),
  yoast_head_json: yoastHeadJson,
});
export type RawUser = z.infer<typeof rawUserSchema>;

export const rawTermSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  link: z.string(),
  taxonomy: z.string(),
  description: z.string().optional(),
  parent: z.number().int().optional(),
  count: z.number().int().optional(),
  yoast_head_json: yoastHeadJson,
});
export type RawTerm = z.infer<typeof rawTermSchema>;

const rawMediaSizeSchema = z.object({
  source_url: z.string(),
  width: z.coerce.number(),
  height: z.coerce.number(),
  mime_type: z.string().optional(),
});

export const rawMediaSchema = z.object({
  id: z.number().int(),
  source_url: z.string(),
  alt_text: z.string().default(''),
  media_type: z.string().optional(),
  mime_type: z.string().optional(),
  media_details: z
    .object({
      width: z.coerce.number().optional(),
      height: z.coerce.number().optional(),
      sizes: z.record(z.string(), rawMediaSizeSchema).optional(),
    })
    .partial()
    .catch({}),
});
export type RawMedia = z.infer<typeof rawMediaSchema>;

export const rawPostSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  date_gmt: z.string().nullable().optional(),
  modified: z.string().optional(),
  modified_gmt: z.string().optional(),
  slug: z.string(),
  status: z.string().optional(),
  type: z.string(),
  link: z.string(),
  title: rendered,
  content: renderedProtected.optional(),
  /** The companion plugin's block-supports CSS of the rendered content. */
  broadsheet_block_styles: z.string().optional().catch(undefined),
  /** The companion plugin's names of the blocks the content's rendering rendered. */
  broadsheet_blocks: z.array(z.string()).optional().catch(undefined),
  excerpt: renderedProtected.optional(),
  author: z.number().int().optional(),
  featured_media: z.number().int().optional(),
  parent: z.number().int().optional(),
  sticky: z.boolean().optional(),
  comment_status: z.string().optional(),
  /** ACF's fields (any shape: prepared for templates in lib/content/fields.ts). */
  acf: z.unknown().optional(),
  /** Meta registered with show_in_rest. */
  meta: z.unknown().optional(),
  categories: z.array(z.number().int()).optional(),
  tags: z.array(z.number().int()).optional(),
  /**
   * Co-Authors Plus: ids of its `author` taxonomy terms (REST base "coauthors"). The terms
   * themselves arrive embedded under wp:term, one per author, linking to the author archive.
   * Only its presence matters here, so a plugin's other shape never breaks a page.
   */
  coauthors: z.array(z.unknown()).optional().catch(undefined),
  yoast_head_json: yoastHeadJson,
  _embedded: z
    .object({
      author: z.array(z.union([rawUserSchema, embedError])).optional(),
      'wp:featuredmedia': z.array(z.union([rawMediaSchema, embedError])).optional(),
      'wp:term': z.array(z.array(rawTermSchema)).optional(),
      /**
       * The post's first approved comments (asked for on single posts): only whether there are
       * any is read, so a post without comments costs no comments request. WordPress leaves the
       * key out when there are none; anything unreadable counts as an error (unknown).
       */
      replies: z
        .array(z.union([z.array(z.object({ id: z.number().int() })), embedError]))
        .optional()
        .catch([{ code: 'unreadable' }]),
    })
    .optional(),
});
export type RawPost = z.infer<typeof rawPostSchema>;

export const rawPostListSchema = z.array(rawPostSchema);

export const rawSiteSchema = z.object({
  name: z.string(),
  description: z.string().default(''),
  url: z.string(),
  home: z.string(),
  gmt_offset: z.coerce.number().optional(),
  timezone_string: z.string().optional(),
  /** Added by the companion plugin: the site's language as WordPress prints it in <html lang>. */
  broadsheet_language: z.string().max(35).optional(),
  /** Added by the companion plugin: WordPress's global stylesheet for blocks (presets, layout). */
  broadsheet_global_styles: z.string().optional().catch(undefined),
  /** The REST namespaces WordPress serves; "yoast/v1" means Yoast SEO is active. */
  namespaces: z.array(z.string()).default([]),
});

/** A comment as the REST API shows it to anyone: approved comments only, unless just created. */
export const rawCommentSchema = z.object({
  id: z.number().int(),
  post: z.number().int(),
  parent: z.number().int().default(0),
  author_name: z.string().default(''),
  author_url: z.string().default(''),
  date_gmt: z.string(),
  content: z.object({ rendered: z.string() }).default({ rendered: '' }),
  status: z.string().default('approved'),
  author_avatar_urls: z.record(z.string(), z.string()).default({}),
});
export type RawComment = z.infer<typeof rawCommentSchema>;

export const rawCommentListSchema = z.array(rawCommentSchema);

/**
 * WordPress's discussion settings, added to the REST index by the companion plugin (the REST
 * settings endpoint needs an administrator). Absent without the plugin.
 */
export const rawCommentSettingsSchema = z.object({
  broadsheet_comments: z
    .object({
      thread_depth: z.coerce.number().int().min(0).max(10),
      per_page: z.coerce.number().int().min(0).max(1000),
      order: z.enum(['asc', 'desc']).catch('asc'),
    })
    .optional()
    .catch(undefined),
});
