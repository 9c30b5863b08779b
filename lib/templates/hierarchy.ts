/**
 * WordPress's template hierarchy (https://developer.wordpress.org/themes/basics/template-hierarchy/):
 * what a path resolved to → the template names a theme would try, most specific first. The
 * names are WordPress's without `.php`; the last one is always a built-in (`single`, `page`,
 * `archive` or `index`), so a site that registers nothing still renders.
 *
 * Slugs: WordPress stores non-Latin slugs percent-encoded (`caf%c3%a9`) and tries the decoded
 * slug first (`single-post-café`), then the stored one (`single-post-caf%c3%a9`). So does this
 * module, whichever of the two forms it is given: a template can be registered under either
 * name. A malformed escape is taken as written.
 */

/** What a path resolved to, as far as choosing a template needs to know. */
export type TemplateSubject =
  | { kind: 'single'; type: string; slug: string; id: number }
  | { kind: 'page'; slug: string; id: number }
  | { kind: 'archive'; type: string }
  | { kind: 'term'; taxonomy: string; slug: string; id: number }
  | { kind: 'author'; slug: string; id: number | null }
  | { kind: 'date' }
  | { kind: 'home' }
  | { kind: 'search' };

/**
 * Which props the templates of a subject take: one post (`singular`), or a list of posts.
 * Singles and pages are singular; everything else is a list.
 */
export type TemplateView = 'singular' | 'list';

/** Template names to try in order, and the view they render; the last name is a built-in. */
export interface TemplateCandidates<View extends TemplateView = TemplateView> {
  view: View;
  names: readonly string[];
}

/** A single post (of any type) or a page. */
export type SingularSubject = Extract<TemplateSubject, { kind: 'single' | 'page' }>;
export type ListSubject = Exclude<TemplateSubject, SingularSubject>;

/** The subject of one post as WordPress gives it: pages have templates of their own. */
export function singularSubjectOf(post: { type: string; slug: string; id: number }): SingularSubject {
  return post.type === 'page'
    ? { kind: 'page', slug: post.slug, id: post.id }
    : { kind: 'single', type: post.type, slug: post.slug, id: post.id };
}

/** The template names of a subject, most specific first, as WordPress's template loader tries them. */
export function templateCandidates(subject: SingularSubject): TemplateCandidates<'singular'>;
export function templateCandidates(subject: ListSubject): TemplateCandidates<'list'>;
export function templateCandidates(subject: TemplateSubject): TemplateCandidates;
export function templateCandidates(subject: TemplateSubject): TemplateCandidates {
  switch (subject.kind) {
    case 'single':
      return singular([
        ...withSlug(`single-${subject.type}`, subject.slug),
        `single-${subject.type}`,
        'single',
      ]);
    case 'page':
      return singular([...withSlug('page', subject.slug), ...withId('page', subject.id), 'page']);
    case 'archive':
      return list([`archive-${subject.type}`, 'archive']);
    case 'term':
      return list(termCandidates(subject));
    case 'author':
      return list([
        ...withSlug('author', subject.slug),
        ...withId('author', subject.id),
        'author',
        'archive',
      ]);
    case 'date':
      return list(['date', 'archive']);
    case 'home':
      return list(['home', 'index']);
    case 'search':
      return list(['search', 'index']);
  }
}

/**
 * Categories and tags have templates of their own, with the term's id as well; every other
 * taxonomy goes through taxonomy-{tax}-{term}, without an id, as in WordPress.
 */
function termCandidates({ taxonomy, slug, id }: Extract<TemplateSubject, { kind: 'term' }>): string[] {
  const prefix = taxonomy === 'category' ? 'category' : taxonomy === 'post_tag' ? 'tag' : null;
  if (prefix) return [...withSlug(prefix, slug), ...withId(prefix, id), prefix, 'archive'];
  return [...withSlug(`taxonomy-${taxonomy}`, slug), `taxonomy-${taxonomy}`, 'taxonomy', 'archive'];
}

function singular(names: string[]): TemplateCandidates<'singular'> {
  return { view: 'singular', names: unique(names) };
}

function list(names: string[]): TemplateCandidates<'list'> {
  return { view: 'list', names: unique(names) };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function withSlug(prefix: string, slug: string): string[] {
  return slugForms(slug).map((form) => `${prefix}-${form}`);
}

function withId(prefix: string, id: number | null): string[] {
  return id !== null && Number.isSafeInteger(id) && id > 0 ? [`${prefix}-${id}`] : [];
}

/**
 * A slug's decoded form, then the form WordPress stores (non-ASCII percent-encoded, lowercase
 * hex, as sanitize_title writes it) when that differs. None for an empty slug.
 */
export function slugForms(slug: string): string[] {
  if (slug === '') return [];
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    return [slug];
  }
  const stored = encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
  return stored === decoded ? [decoded] : [decoded, stored];
}
