import { CONTENT_SCOPE, stylesForContent } from '@/lib/content/global-styles';
import { mediaOriginsOf } from '@/lib/content/sanitize';
import { WORDPRESS_DEFAULT_PRESETS_CSS } from '@/lib/content/wordpress-default-presets';
import { getBlockLibraryStylesheets, type SiteAddresses } from '@/lib/wordpress';

/**
 * The part of WordPress's block CSS one piece of content uses, inlined before it, in the order
 * WordPress prints it: the site's WordPress's own block library, the site's global stylesheet
 * (or WordPress's default presets, without the companion plugin) and the block-supports rules
 * WordPress wrote while rendering it, scoped to CONTENT_SCOPE and cut to the classes the content
 * has. A few kilobytes, so inlined: no request of its own and nothing that blocks rendering
 * beyond the page itself. It is cached with the page, which reads the stylesheets under the
 * site's tag.
 */
export async function ContentStyles({
  contentHtml,
  blockStylesCss,
  globalStylesheet,
  addresses,
}: {
  /** Sanitised content (lib/content/sanitize.ts): its classes say which rules apply. */
  contentHtml: string;
  blockStylesCss: string | undefined;
  globalStylesheet: string | undefined;
  addresses: SiteAddresses;
}) {
  const blockLibrary = await getBlockLibraryStylesheets();
  const css = stylesForContent(
    [
      ...blockLibrary.map((stylesheet) => ({ css: stylesheet, origin: 'core' as const })),
      { css: globalStylesheet ?? WORDPRESS_DEFAULT_PRESETS_CSS, origin: 'site' },
      { css: blockStylesCss ?? '', origin: 'post' },
    ],
    contentHtml,
    { mediaOrigins: mediaOriginsOf(addresses) },
  );
  return css ? <style data-scope={CONTENT_SCOPE}>{css}</style> : null;
}
