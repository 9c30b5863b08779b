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
 * or page-{slug}, page-{id}, page. `customFields` is what WordPress sent (ACF's `acf` object,
 * `meta`), prepared here (prepareCustomFields) before the template's schema sees it.
 */
export function PostTemplate({
  post,
  site,
  customFields,
  unlocked,
}: {
  post: Post;
  site: TemplateSite;
  customFields: unknown;
  unlocked?: boolean;
}) {
  const fields = prepareCustomFields(customFields, site.addresses);
  const candidates = templateCandidates(singularSubjectOf(post));
  return renderSingularTemplate(candidates, { post, site, fields, unlocked }, templates).element;
}

/** A list of posts through the template hierarchy (archive-{type}, category-{slug}, …, archive or index). */
export function ListingTemplate({ subject, ...props }: ListTemplateProps & { subject: ListSubject }) {
  return renderListTemplate(templateCandidates(subject), props, templates).element;
}
