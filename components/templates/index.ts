import { archiveTemplate, articleTemplate } from './built-in';
import type { TemplateRegistry } from './define';
import { singleEventTemplate } from './single-event';

/**
 * The site's templates by WordPress template name (see lib/templates/hierarchy.ts). To add one,
 * write components/templates/<name>.tsx exporting defineTemplate(…) (or defineListTemplate(…))
 * and add a line here. An explicit list keeps every template in the server bundle and checked
 * by the type checker: a name's form decides whether it takes a post or a list.
 */
export const templates: TemplateRegistry = {
  single: articleTemplate,
  page: articleTemplate,
  archive: archiveTemplate,
  index: archiveTemplate,
  'single-event': singleEventTemplate,
};
