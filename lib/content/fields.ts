/**
 * Custom fields (ACF's `acf` object, and `meta` registered with show_in_rest) → values a template
 * can render safely. Editors fill these fields as they fill post content, so they are trusted no
 * more than it is:
 * - a string with HTML markup (a wysiwyg field) becomes SafeHtml, sanitised exactly as post
 *   content is (sanitizeContent); render it with parseSanitizedHtml. A string without markup
 *   stays a string, for React to escape.
 * - an ACF link field ({ title, url, target }) becomes a FieldLink: its url a frontend path when
 *   it points into the site (as content links are), absolute otherwise; target `_blank` or ''.
 *   Whoever renders a `_blank` link adds rel="noopener noreferrer".
 * - an ACF image field (its array return format) becomes the app's Image, URLs as WordPress
 *   gave them (media stays on WordPress), http(s) only.
 * - a URL of any other scheme (javascript:, data:, vbscript:…) is dropped, wherever it is: a
 *   one-word string that starts with a scheme counts as a URL, so `note:x` is dropped too.
 *   A dropped value becomes null, as ACF reports an empty field.
 * - anything else is JSON data and passes through: numbers, booleans, null, arrays, objects.
 * The walk is bounded (MAX_FIELD_DEPTH, MAX_FIELD_VALUES): what lies beyond is left out, so
 * hostile nesting cannot exhaust the stack or the render time of a page.
 */
import { z } from 'zod';
import type { Image } from '@/lib/wordpress';
import type { SiteAddresses } from '@/lib/wordpress/paths';
import { frontendPathOf, sanitizeContent } from './sanitize';
import { htmlToText } from '@/lib/wordpress';

/** How deep fields nest (groups in repeaters in flexible content…); deeper values are left out. */
export const MAX_FIELD_DEPTH = 16;

/** How many values (each string, number, object, array item, image size) one post's fields may hold; the rest are left out. */
export const MAX_FIELD_VALUES = 5_000;

/**
 * HTML that went through the content sanitiser. Only this module makes one, so a template that
 * renders a SafeHtml (parseSanitizedHtml(value.html)) cannot be handed raw WordPress HTML.
 */
export class SafeHtml {
  private constructor(readonly html: string) {}

  /** @internal Sanitises like post content; prepareCustomFields is the way to get one. */
  static fromWordPressHtml(html: string, addresses: SiteAddresses): SafeHtml {
    return new SafeHtml(sanitizeContent(html, addresses));
  }
}

/** An ACF link field, safe to put in an href. */
export interface FieldLink {
  title: string;
  /** A frontend path, a same-page #fragment, or an absolute http(s), mailto: or tel: URL. */
  url: string;
  target: '_blank' | '';
}

export type FieldValue =
  | string
  | number
  | boolean
  | null
  | SafeHtml
  | FieldLink
  | Image
  | FieldValue[]
  | { [key: string]: FieldValue };

/** A post's prepared custom fields, by field name. */
export type CustomFields = Record<string, FieldValue>;

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);

/**
 * Whether a value may go into an href: a path on this site, a #fragment, or an absolute URL
 * of a link scheme.
 */
export function isSafeHref(url: string): boolean {
  if (url.startsWith('#')) return true;
  if (url.startsWith('/')) return /^\/(?![/\\])/.test(url);
  return hasScheme(url, LINK_SCHEMES);
}

function hasScheme(url: string, schemes: ReadonlySet<string>): boolean {
  try {
    return schemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

const isMediaUrl = (url: string) => hasScheme(url, MEDIA_SCHEMES);

const safeHtmlSchema = z.custom<SafeHtml>((value) => value instanceof SafeHtml, 'not sanitised HTML');

/** Zod schemas of prepared field values, for templates' fieldsSchema. */
export const fieldSchemas = {
  /** Sanitised HTML (a wysiwyg field with markup). */
  html: safeHtmlSchema,
  /** A wysiwyg or textarea field: SafeHtml when it had markup, else its plain text. */
  richText: z.union([safeHtmlSchema, z.string()]),
  /** A text field, as plain text: markup an editor typed into it is reduced to its text. */
  text: z.union([z.string(), safeHtmlSchema.transform((value) => htmlToText(value.html))]),
  link: z.object({
    title: z.string(),
    url: z.string().refine(isSafeHref, 'not a safe link'),
    target: z.enum(['_blank', '']),
  }),
  image: z.object({
    url: z.string().refine(isMediaUrl, 'not an http(s) URL'),
    width: z.number(),
    height: z.number(),
    alt: z.string(),
    sizes: z.array(
      z.object({
        url: z.string().refine(isMediaUrl, 'not an http(s) URL'),
        width: z.number(),
        height: z.number(),
      }),
    ),
  }),
};

/**
 * A post's custom fields, prepared for templates (see this module's header). Anything that is
 * not an object (ACF sends `[]` for a post without fields) gives no fields.
 */
export function prepareCustomFields(raw: unknown, addresses: SiteAddresses): CustomFields {
  if (!isPlainObject(raw)) return {};
  return prepareObject(raw, 0, { addresses, remaining: MAX_FIELD_VALUES });
}

interface Walk {
  addresses: SiteAddresses;
  /** Values still allowed (MAX_FIELD_VALUES). */
  remaining: number;
}

/** A prepared value; undefined when it is left out (not JSON data, or past the bounds). */
function prepareValue(value: unknown, depth: number, walk: Walk): FieldValue | undefined {
  if (walk.remaining <= 0 || depth > MAX_FIELD_DEPTH) return undefined;
  walk.remaining -= 1;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return prepareString(value, walk.addresses);
  if (Array.isArray(value)) return prepareArray(value, depth, walk);
  if (!isPlainObject(value)) return undefined;
  if (isLinkField(value)) return prepareLink(value, walk.addresses);
  if (isImageField(value)) return prepareImage(value, walk);
  return prepareObject(value, depth, walk);
}

function prepareArray(items: readonly unknown[], depth: number, walk: Walk): FieldValue[] {
  const prepared: FieldValue[] = [];
  for (const item of items) {
    if (walk.remaining <= 0) break;
    const value = prepareValue(item, depth + 1, walk);
    if (value !== undefined) prepared.push(value);
  }
  return prepared;
}

function prepareObject(
  object: Record<string, unknown>,
  depth: number,
  walk: Walk,
): { [key: string]: FieldValue } {
  const entries: [string, FieldValue][] = [];
  for (const [key, item] of Object.entries(object)) {
    if (walk.remaining <= 0) break;
    // An own "__proto__" (JSON.parse makes one) would become the prototype of any object the
    // fields are later Object.assign-ed onto.
    if (key === '__proto__') continue;
    const value = prepareValue(item, depth + 1, walk);
    if (value !== undefined) entries.push([key, value]);
  }
  return Object.fromEntries(entries);
}

/**
 * The HTML tokenizer opens a tag at `<` followed by a letter, `/`, `!` or `?`: such a string is
 * markup to a browser, so it is sanitised as markup.
 */
const MARKUP = /<[a-z/!?]/i;

/** A single token that starts with a URL scheme, read as browsers read URLs (tabs and newlines removed). */
const URL_WITH_SCHEME = /^[a-z][a-z\d+.-]*:\S*$/i;

function prepareString(text: string, addresses: SiteAddresses): FieldValue {
  if (MARKUP.test(text)) return SafeHtml.fromWordPressHtml(text, addresses);
  const asUrl = browserUrlForm(text);
  if (URL_WITH_SCHEME.test(asUrl) && !hasScheme(asUrl, LINK_SCHEMES)) return null;
  return text;
}

/** What a browser makes of a URL before reading it: outer spaces and controls trimmed, tabs and newlines removed. */
function browserUrlForm(text: string): string {
  return text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** ACF's link field, array return format: exactly title, url and target. */
function isLinkField(
  value: Record<string, unknown>,
): value is { title: string; url: string; target: unknown } {
  const keys = Object.keys(value);
  return (
    keys.length === 3 && typeof value.title === 'string' && typeof value.url === 'string' && 'target' in value
  );
}

function prepareLink(
  link: { title: string; url: string; target: unknown },
  addresses: SiteAddresses,
): FieldLink | null {
  const url = linkUrl(browserUrlForm(link.url), addresses);
  if (url === null) return null;
  return { title: link.title, url, target: link.target === '_blank' ? '_blank' : '' };
}

/**
 * A link's URL as content links are rewritten (frontend path into the site, absolute elsewhere).
 * A root-relative link that is not a page of the site (an upload) is WordPress's, on the Site
 * Address's origin, as WordPress reads it. Other relative forms and other schemes give null.
 */
function linkUrl(url: string, addresses: SiteAddresses): string | null {
  if (!isSafeHref(url)) return null;
  if (url.startsWith('#')) return url;
  const path = frontendPathOf(url, addresses);
  if (path !== null) return path;
  return url.startsWith('/') ? absoluteOnSiteAddress(url, addresses.home) : url;
}

function absoluteOnSiteAddress(path: string, home: string): string | null {
  try {
    return new URL(path, home).toString();
  } catch {
    return null;
  }
}

/** ACF's image field, array return format: type "image", or a url with width, height and sizes. */
function isImageField(value: Record<string, unknown>): boolean {
  if (value.type === 'image') return true;
  return (
    typeof value.url === 'string' &&
    typeof value.width === 'number' &&
    typeof value.height === 'number' &&
    isPlainObject(value.sizes)
  );
}

function dimension(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * ACF lists an image's sizes flat: `medium` (its URL), `medium-width`, `medium-height`. The
 * full image is the widest; cropped sizes (the square thumbnail) would distort a responsive
 * image and are left out, as for featured images. Null for an image without an http(s) URL.
 */
function prepareImage(image: Record<string, unknown>, walk: Walk): Image | null {
  const url = typeof image.url === 'string' ? image.url.trim() : '';
  if (!isMediaUrl(url)) return null;
  const width = dimension(image.width);
  const height = dimension(image.height);
  const byWidth = new Map<number, { url: string; width: number; height: number }>();
  const candidates = [
    ...imageSizes(isPlainObject(image.sizes) ? image.sizes : {}, walk),
    { url, width, height },
  ];
  for (const size of candidates) {
    const keepsShape =
      width === 0 || height === 0 || Math.abs(size.width / size.height - width / height) < 0.02;
    if (size.width > 0 && size.height > 0 && keepsShape) byWidth.set(size.width, size);
  }
  return {
    url,
    width,
    height,
    alt: typeof image.alt === 'string' ? image.alt : '',
    sizes: [...byWidth.values()].sort((a, b) => a.width - b.width),
  };
}

function imageSizes(
  sizes: Record<string, unknown>,
  walk: Walk,
): { url: string; width: number; height: number }[] {
  const found: { url: string; width: number; height: number }[] = [];
  for (const [name, url] of Object.entries(sizes)) {
    if (walk.remaining <= 0) break;
    walk.remaining -= 1;
    if (typeof url !== 'string' || !isMediaUrl(url.trim())) continue;
    found.push({
      url: url.trim(),
      width: dimension(sizes[`${name}-width`]),
      height: dimension(sizes[`${name}-height`]),
    });
  }
  return found;
}

/**
 * A field that may be empty, as ACF reports emptiness: null, false (an image or link with no
 * value) or '' — all become null, and so does a field that is missing.
 */
export function emptyOr<Schema extends z.ZodType>(schema: Schema) {
  return z
    .union([schema, z.null(), z.literal(false), z.literal('')])
    .optional()
    .transform((value): z.output<Schema> | null =>
      value === undefined || value === null || value === false || value === '' ? null : value,
    );
}
