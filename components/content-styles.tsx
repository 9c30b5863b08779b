import {
  CONTENT_SCOPE,
  contentCss,
  contentStylesheetHash,
  contentStylesheetPath,
} from '@/lib/content/content-stylesheet';
import { sanitizeContent } from '@/lib/content/sanitize';
import type { Post, SiteAddresses } from '@/lib/wordpress';

/**
 * The part of WordPress's block CSS an item's content uses (lib/content/content-stylesheet.ts).
 *
 * A published item's is a stylesheet of its own, addressed by its digest and kept by every
 * cache for good: inlined, it would travel twice in every copy of the page (in the `<style>` and
 * again in React's server components payload), 18 KB of CSS on a page of many block types. React
 * puts the link in the head, after the app's own stylesheets. A preview's or an unlocked
 * protected post's is inlined: it is one reader's, and must not be served at a public address.
 */
export async function ContentStyles({
  post,
  contentHtml,
  globalStylesheet,
  addresses,
}: {
  post: Pick<Post, 'id' | 'type' | 'blockStylesCss' | 'blockNames' | 'wholeContentHtml' | 'fetchedPrivately'>;
  /** The sanitised content shown (lib/content/sanitize.ts). */
  contentHtml: string;
  globalStylesheet: string | undefined;
  addresses: SiteAddresses;
}) {
  // One stylesheet for every page of a split post: it covers the whole content's classes.
  const css = await contentCss({
    contentHtml:
      post.wholeContentHtml === undefined ? contentHtml : sanitizeContent(post.wholeContentHtml, addresses),
    blockStylesCss: post.blockStylesCss,
    blockNames: post.blockNames,
    globalStylesheet,
    addresses,
  });
  if (!css) return null;
  if (post.fetchedPrivately) return <style data-scope={CONTENT_SCOPE}>{css}</style>;
  const href = contentStylesheetPath({ type: post.type, id: post.id, hash: contentStylesheetHash(css) });
  return <link rel="stylesheet" href={href} precedence="content" />;
}
