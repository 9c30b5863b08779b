import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { TAGS } from './tags';

/**
 * The companion plugin's revalidation webhook: what WordPress sends when content changes, how
 * it is authenticated, and which cache tags each change touches. The route handler only
 * delegates here.
 *
 * Authentication: HMAC-SHA256 over "webhook:<timestamp>.<body>" with the shared secret, sent as
 * `X-Broadsheet-Signature: sha256=<hex>` beside `X-Broadsheet-Timestamp: <unix seconds>`. A
 * timestamp more than five minutes off, or an event id already seen, is refused (replay).
 */

export const MAX_CLOCK_SKEW_SECONDS = 300;
/** The largest event body accepted (serving/body-limits.mjs refuses larger ones on the wire). */
export const MAX_BODY_BYTES = 64 * 1024;

const id = z.number().int().nonnegative();
const slug = z.string().max(400);
const path = z.string().max(2000);

const postObject = z.object({
  id,
  post_type: z.string().max(100).optional(),
  slug: slug.optional(),
  previous_slug: slug.optional(),
  status: z.string().max(40).optional(),
  previous_status: z.string().max(40).optional(),
  path: path.optional(),
  previous_path: path.optional(),
  author: id.optional(),
  categories: z.array(id).max(1000).optional(),
  tags: z.array(id).max(1000).optional(),
  /** Every taxonomy of the item's type → the ids of its terms (before and after the change). */
  terms: z
    .record(z.string().max(100), z.array(id).max(1000))
    .refine((terms) => Object.keys(terms).length <= 50, 'at most 50 taxonomies')
    .optional(),
  date_gmt: z.string().max(40).optional(),
  /** Whether the post is sticky; absent from older plugins and for other types. */
  sticky: z.boolean().optional(),
  /**
   * True when the change left where the item is listed as it was: the same terms, date, author,
   * status, type and stickiness as before the request's first change. Absent from older plugins
   * and when the plugin has no "before" to compare with.
   */
  lists_unchanged: z.boolean().optional(),
});

const action = z.enum(['created', 'updated', 'status_changed', 'deleted']);

export const webhookEventSchema = z.discriminatedUnion('type', [
  z.object({ id: z.string().min(8).max(100), type: z.literal('post'), action, object: postObject }),
  z.object({ id: z.string().min(8).max(100), type: z.literal('page'), action, object: postObject }),
  z.object({
    id: z.string().min(8).max(100),
    type: z.literal('term'),
    action,
    object: z.object({ id, taxonomy: z.string().max(100), slug: slug.optional(), path: path.optional() }),
  }),
  z.object({
    id: z.string().min(8).max(100),
    type: z.literal('user'),
    action,
    object: z.object({ id, slug: slug.optional(), path: path.optional() }),
  }),
  z.object({ id: z.string().min(8).max(100), type: z.literal('menu'), action, object: z.object({ id }) }),
  /** A rule of the Redirection plugin was added, changed or removed. */
  z.object({ id: z.string().min(8).max(100), type: z.literal('redirect'), action, object: z.object({ id }) }),
  z.object({
    id: z.string().min(8).max(100),
    type: z.literal('settings'),
    action,
    object: z.object({ option: z.string().max(200) }),
  }),
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Year and month of a WordPress date ("2024-03-05T10:00:00Z"), for the date archive tags. */
function dateTags(date: string | undefined): string[] {
  const match = date?.match(/^(\d{4})-(\d{2})-/);
  if (!match) return [];
  const year = Number(match[1]);
  const month = Number(match[2]);
  return [TAGS.dateList(year), TAGS.dateList(year, month)];
}

/**
 * The cache tags a change touches: the object itself and every list it appears in — never a
 * site-wide purge. Each kind's lists are named by the registry's tags (lib/wordpress/tags.ts):
 * an item's change reaches its page, its type's archive, the terms it has in every taxonomy,
 * search, its type's feeds and sitemap; a post's also the front page, its author and date
 * archives. An event from an older companion plugin (no post_type, no terms) is read as before:
 * "post" or "page", with its categories and tags.
 *
 * An edit that leaves the item where it is listed (`lists_unchanged`: same terms, date, author,
 * status, type, stickiness) skips the list tags of its archives, front page and sticky list: it
 * changes no list's membership or order, only how the item looks in the lists that show it, and
 * those pages carry the item's content tag (lib/wordpress/posts.ts tags every list with the items
 * it shows). So the archive page that shows it re-renders and its page 7 does not. Search stays:
 * a new title or text can change which searches find the item, and search results are rendered
 * per request, so marking them costs nothing until someone searches. Every other event — an older
 * plugin's without the field, a listing that changed, creation, status change, deletion — touches
 * every list as before.
 */
export function tagsForEvent(event: WebhookEvent): string[] {
  const tags = new Set<string>();
  switch (event.type) {
    case 'post':
    case 'page': {
      const object = event.object;
      const type = object.post_type ?? event.type;
      tags.add(TAGS.content(object.id));
      for (const candidate of [object.slug, object.previous_slug]) {
        if (candidate) tags.add(TAGS.slug(type, candidate));
      }
      tags.add(TAGS.sitemap(`type:${type}`));
      // Search covers pages and every searchable type, as WordPress's does.
      tags.add(TAGS.searchList);
      if (type === 'page') break;
      // Its lists show it where they did: they are reached through its content tag instead.
      const listsUnchanged = event.action === 'updated' && object.lists_unchanged === true;
      // The plugin reports an approved comment's change as its item's "updated" event.
      tags.add(TAGS.comments(object.id));
      if (!listsUnchanged) tags.add(TAGS.typeList(type));
      tags.add(TAGS.feeds(type));
      const terms: Record<string, number[]> = { ...object.terms };
      if (object.categories) terms.category = [...(terms.category ?? []), ...object.categories];
      if (object.tags) terms.post_tag = [...(terms.post_tag ?? []), ...object.tags];
      for (const [taxonomy, ids] of Object.entries(terms)) {
        // Which terms have items (and so appear in their sitemaps) follows the items.
        tags.add(TAGS.sitemap(`taxonomy:${taxonomy}`));
        if (!listsUnchanged) for (const termId of ids) tags.add(TAGS.termList(taxonomy, termId));
      }
      if (type !== 'post') break;
      if (!listsUnchanged) tags.add(TAGS.homeList);
      // The sticky posts' list changes with one of them; stickiness itself is the sticky_posts
      // option's event. Unknown (an older plugin) counts as sticky.
      if (!listsUnchanged && object.sticky !== false) tags.add(TAGS.stickyList);
      tags.add(TAGS.sitemap('authors'));
      // Category post counts decide the navigation, and they change when a post appears or goes.
      // Every page shows the navigation, so a plain edit leaves it alone (a post moved between
      // categories reorders it at the time-based backstop at the latest).
      if (event.action !== 'updated') tags.add(TAGS.categoryNavigation);
      if (listsUnchanged) break;
      if (object.author !== undefined) tags.add(TAGS.authorList(object.author));
      for (const tag of dateTags(object.date_gmt)) tags.add(tag);
      break;
    }
    case 'term': {
      const { object } = event;
      tags.add(TAGS.termList(object.taxonomy, object.id));
      // The term's name is in its archive's title.
      tags.add(TAGS.listHead(TAGS.termList(object.taxonomy, object.id)));
      tags.add(TAGS.sitemap(`taxonomy:${object.taxonomy}`));
      if (object.slug) tags.add(TAGS.termSlug(object.taxonomy, object.slug));
      if (object.taxonomy === 'category') tags.add(TAGS.categoryNavigation);
      break;
    }
    case 'user': {
      const { object } = event;
      tags.add(TAGS.authorList(object.id));
      tags.add(TAGS.listHead(TAGS.authorList(object.id)));
      tags.add(TAGS.sitemap('authors'));
      if (object.slug) tags.add(TAGS.termSlug('author', object.slug));
      break;
    }
    case 'menu':
      tags.add(TAGS.categoryNavigation);
      tags.add(TAGS.menus);
      break;
    case 'redirect':
      tags.add(TAGS.redirects);
      break;
    case 'settings':
      // Post types and taxonomies come and go with plugins and their settings.
      tags.add(TAGS.site);
      tags.add(TAGS.kinds);
      if (event.object.option === 'sticky_posts' || event.object.option === 'posts_per_page') {
        tags.add(TAGS.homeList);
        tags.add(TAGS.stickyList);
        tags.add(TAGS.listHead(TAGS.homeList));
      }
      break;
  }
  // An item that appears or goes changes its lists' page counts, and so their heads' prev/next;
  // a plain edit leaves the heads alone.
  if ((event.type === 'post' || event.type === 'page') && event.action !== 'updated') {
    for (const tag of [...tags]) if (tag.startsWith('wp:list:')) tags.add(TAGS.listHead(tag));
  }
  return [...tags];
}

/** Event ids seen recently, so a captured request cannot be replayed inside the time window. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  constructor(private readonly maxEntries = 10_000) {}

  /** Records the id; false when it was already seen within the window. */
  firstSighting(eventId: string, nowSeconds: number): boolean {
    for (const [seenId, at] of this.seen) {
      if (at >= nowSeconds - 2 * MAX_CLOCK_SKEW_SECONDS && this.seen.size < this.maxEntries) break;
      this.seen.delete(seenId);
    }
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, nowSeconds);
    return true;
  }
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`webhook:${timestamp}.${body}`).digest('hex')}`;
}

function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type WebhookVerdict =
  { status: 200; event: WebhookEvent; tags: string[] } | { status: 400 | 401 | 413 | 503; error: string };

/**
 * Authenticates and parses one webhook request. Order matters: nothing about the body is
 * trusted (or even parsed) before the signature and timestamp check out.
 */
export function verifyWebhook(input: {
  secret: string | null;
  timestamp: string | null;
  signature: string | null;
  body: string;
  nowSeconds: number;
  replayGuard: ReplayGuard;
}): WebhookVerdict {
  if (!input.secret) return { status: 503, error: 'Revalidation is not configured: set BROADSHEET_SECRET.' };
  if (Buffer.byteLength(input.body) > MAX_BODY_BYTES) return { status: 413, error: 'Body too large.' };
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp) || !input.signature) {
    return { status: 401, error: 'Missing or malformed signature headers.' };
  }
  if (!signaturesMatch(signWebhook(input.secret, input.timestamp, input.body), input.signature)) {
    return { status: 401, error: 'Bad signature.' };
  }
  if (Math.abs(input.nowSeconds - Number(input.timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { status: 401, error: 'Timestamp outside the allowed window.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(input.body);
  } catch {
    return { status: 400, error: 'Body is not JSON.' };
  }
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      status: 400,
      error: `Malformed event: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    };
  }
  if (!input.replayGuard.firstSighting(parsed.data.id, input.nowSeconds)) {
    return { status: 401, error: 'Event already received.' };
  }
  return { status: 200, event: parsed.data, tags: tagsForEvent(parsed.data) };
}
