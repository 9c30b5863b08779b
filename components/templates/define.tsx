import type { ArchiveView } from '../archive-view';
import type { ComponentProps, ComponentType, ReactElement } from 'react';
import type { z } from 'zod';
import type { CustomFields } from '@/lib/content/fields';
import type { TemplateCandidates } from '@/lib/templates/hierarchy';
import type { Post, SiteInfo } from '@/lib/wordpress';

/** What templates need of the site: dates in its timezone and language, links read against its addresses. */
export type TemplateSite = Pick<
  SiteInfo,
  'timezone' | 'language' | 'dateFormat' | 'timeFormat' | 'addresses'
>;

/** Props of a template for one post or page. */
export interface SingularTemplateProps<Fields = CustomFields> {
  post: Post;
  site: TemplateSite;
  /** The post's custom fields (prepareCustomFields), parsed by the template's fieldsSchema when it has one. */
  fields: Fields;
  /** Rendered with the reader's password: show what WordPress returned. */
  unlocked?: boolean;
}

/** Props of a template for a list of posts: those of ArchiveView, which the built-in renders. */
export type ListTemplateProps = ComponentProps<typeof ArchiveView>;

/** A zod issue: where in the fields, and what is wrong there. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type SingularRender = { ok: true; element: ReactElement } | { ok: false; issues: FieldIssue[] };

/**
 * A template for one post or page. Its fields type is hidden inside render, so templates with
 * different fields sit in one registry; defineTemplate keeps the component and schema in step.
 */
export interface SingularTemplate {
  readonly view: 'singular';
  readonly fieldsSchema: z.ZodType | null;
  /** The element for these props, once the fields match fieldsSchema; why they do not, otherwise. */
  render(props: SingularTemplateProps): SingularRender;
}

/** A template without a fieldsSchema: it takes any fields, so it always renders (the built-ins). */
export interface FieldlessTemplate extends SingularTemplate {
  readonly fieldsSchema: null;
  render(props: SingularTemplateProps): { ok: true; element: ReactElement };
}

export interface ListTemplate {
  readonly view: 'list';
  readonly component: ComponentType<ListTemplateProps>;
}

/**
 * A template for one post or page. With a fieldsSchema, the component's `fields` prop is what
 * the schema parses the post's custom fields into (`z.output`); fields that do not parse make
 * the built-in template render instead (see renderSingularTemplate).
 */
export function defineTemplate<Schema extends z.ZodType>(definition: {
  fieldsSchema: Schema;
  component: ComponentType<SingularTemplateProps<z.output<Schema>>>;
}): SingularTemplate;
export function defineTemplate(definition: {
  component: ComponentType<SingularTemplateProps>;
}): FieldlessTemplate;
export function defineTemplate<Schema extends z.ZodType>(definition: {
  fieldsSchema?: Schema;
  component: ComponentType<SingularTemplateProps<z.output<Schema>>> | ComponentType<SingularTemplateProps>;
}): SingularTemplate {
  const { fieldsSchema, component: Component } = definition;
  if (!fieldsSchema) {
    const Fieldless = Component as ComponentType<SingularTemplateProps>;
    return {
      view: 'singular',
      fieldsSchema: null,
      render: (props) => ({ ok: true, element: <Fieldless {...props} /> }),
    };
  }
  const Typed = Component as ComponentType<SingularTemplateProps<z.output<Schema>>>;
  return {
    view: 'singular',
    fieldsSchema,
    render(props) {
      let parsed: z.ZodSafeParseResult<z.output<Schema>>;
      try {
        parsed = fieldsSchema.safeParse(props.fields);
      } catch (error) {
        // A refinement or transform that throws is the template's bug; the page still renders.
        return { ok: false, issues: [{ path: '(all fields)', message: String(error) }] };
      }
      if (!parsed.success) {
        return {
          ok: false,
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.map(String).join('.') || '(all fields)',
            message: issue.message,
          })),
        };
      }
      return { ok: true, element: <Typed {...props} fields={parsed.data} /> };
    },
  };
}

/** A template for a list of posts. */
export function defineListTemplate(component: ComponentType<ListTemplateProps>): ListTemplate {
  return { view: 'list', component };
}

/** Names WordPress gives singular templates beyond the built-ins. */
type SingularName = `single-${string}` | `page-${string}`;
/** Names WordPress gives list templates beyond the built-ins. */
type ListName =
  | `archive-${string}`
  | `taxonomy-${string}`
  | `category-${string}`
  | `tag-${string}`
  | `author-${string}`
  | 'taxonomy'
  | 'category'
  | 'tag'
  | 'author'
  | 'date'
  | 'home'
  | 'search';

/**
 * Templates by WordPress template name (hierarchy.ts). The built-ins every candidate list ends
 * in are required; a name's view follows from its form, so a list template registered as
 * `single-event`, or a misspelt name, does not type-check.
 */
export type TemplateRegistry = {
  single: FieldlessTemplate;
  page: FieldlessTemplate;
  archive: ListTemplate;
  index: ListTemplate;
} & { [name in SingularName]?: SingularTemplate } & { [name in ListName]?: ListTemplate };

type Registered<View extends 'singular' | 'list'> = View extends 'singular' ? SingularTemplate : ListTemplate;

/**
 * The first candidate registered with a template of the candidates' view; the final built-in
 * (the last candidate) when none is.
 */
export function resolveTemplate<View extends 'singular' | 'list'>(
  candidates: TemplateCandidates<View>,
  registry: TemplateRegistry,
): { name: string; template: Registered<View> } {
  const byName: Record<string, SingularTemplate | ListTemplate | undefined> = registry;
  for (const name of candidates.names) {
    const template = Object.hasOwn(byName, name) ? byName[name] : undefined;
    if (template?.view === candidates.view) return { name, template: template as Registered<View> };
  }
  const builtIn = builtInName(candidates);
  return { name: builtIn, template: registry[builtIn] as Registered<View> };
}

function builtInName(candidates: TemplateCandidates): 'single' | 'page' | 'archive' | 'index' {
  const last = candidates.names.at(-1);
  if (candidates.view === 'singular') return last === 'page' ? 'page' : 'single';
  return last === 'index' ? 'index' : 'archive';
}

/** Templates whose fields were already reported by this process, so a bad post is logged once, not on every render. */
const reported = new Set<string>();
const MAX_REPORTED = 1_000;

function reportFieldIssues(name: string, postId: number, fallback: string, issues: FieldIssue[]) {
  const key = `${name}:${postId}`;
  if (reported.has(key)) return;
  if (reported.size >= MAX_REPORTED) reported.clear();
  reported.add(key);
  // Field names come from WordPress: a line break in one must not start a forged log line.
  const where = issues
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ');
  console.error(
    `[templates] ${name}: post #${postId}'s custom fields do not match its fieldsSchema (${where}); rendered with ${fallback} instead`,
  );
}

/**
 * One post or page rendered by its template: the first registered candidate, or, when the
 * post's fields do not match that template's fieldsSchema, the built-in it falls back to (an
 * editor's missing field must not take the page down; the server says which field, once).
 */
export function renderSingularTemplate(
  candidates: TemplateCandidates<'singular'>,
  props: SingularTemplateProps,
  registry: TemplateRegistry,
): { name: string; element: ReactElement } {
  const { name, template } = resolveTemplate(candidates, registry);
  const rendered = template.render(props);
  if (rendered.ok) return { name, element: rendered.element };
  const builtIn = builtInName(candidates) === 'page' ? 'page' : 'single';
  reportFieldIssues(name, props.post.id, builtIn, rendered.issues);
  return { name: builtIn, element: registry[builtIn].render(props).element };
}

/** A list of posts rendered by its template: the first registered candidate, or the built-in. */
export function renderListTemplate(
  candidates: TemplateCandidates<'list'>,
  props: ListTemplateProps,
  registry: TemplateRegistry,
): { name: string; element: ReactElement } {
  const { name, template } = resolveTemplate(candidates, registry);
  const { component: Component } = template;
  return { name, element: <Component {...props} /> };
}
