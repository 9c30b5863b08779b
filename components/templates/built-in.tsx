import { ArchiveView } from '../archive-view';
import { Article } from '../article';
import { defineListTemplate, defineTemplate } from './define';

/**
 * The built-in templates every candidate list ends in. A post and a page render alike (Article
 * leaves the byline off pages); a list is ArchiveView.
 */
export const articleTemplate = defineTemplate({
  component: ({ post, site, unlocked }) => (
    <Article post={post} site={site} addresses={site.addresses} unlocked={unlocked} />
  ),
});

export const archiveTemplate = defineListTemplate(ArchiveView);
