import { prepareCustomFields } from '@/lib/content/fields';
import { singularSubjectOf, templateCandidates, type ListSubject } from '@/lib/templates/hierarchy';
import type { Post } from '@/lib/wordpress';
import {
  renderListTemplate,
  renderSingularTemplate,
  type ListTemplateProps,
  type TemplateSite,
} from './define';
import { templates } from './index';

/**
 * One post or page through the template hierarchy: single-{type}-{slug}, single-{type}, single,
 * or page-{slug}, page-{id}, page. Its custom fields (ACF's `acf` object, `meta`, as WordPress
 * sent them) are prepared here (prepareCustomFields) before the template's schema sees them —
 * and withheld from a password-protected item until it is unlocked, as WordPress withholds its
 * content (ACF itself serves them regardless).
 */
export function PostTemplate({
  post,
  site,
  customFields = post.customFields,
  unlocked,
}: {
  post: Post;
  site: TemplateSite;
  /** The fields to prepare, when not the post's own. */
  customFields?: unknown;
  unlocked?: boolean;
}) {
  const all = templateCandidates(singularSubjectOf(post));
  if (post.isPasswordProtected && !unlocked) {
    // Locked, an item is its password form and nothing else, whatever its template: the
    // built-in shows that, and no template's schema is asked about fields it may not see.
    const builtIn = { ...all, names: all.names.slice(-1) };
    return renderSingularTemplate(builtIn, { post, site, fields: {}, unlocked }, templates).element;
  }
  const fields = prepareCustomFields(customFields, site.addresses);
  const candidates = all;
  return renderSingularTemplate(candidates, { post, site, fields, unlocked }, templates).element;
}

/** A list of posts through the template hierarchy (archive-{type}, category-{slug}, …, archive or index). */
export function ListingTemplate({ subject, ...props }: ListTemplateProps & { subject: ListSubject }) {
  return renderListTemplate(templateCandidates(subject), props, templates).element;
}
