import type { ReactNode } from 'react';
import { prerender } from 'react-dom/static';

/**
 * An element's HTML once everything in it has resolved, as a server render sends it: what
 * renderToStaticMarkup gives, for trees with async server components (ContentStyles reads the
 * site's block CSS) that renderToStaticMarkup cannot wait for.
 */
export async function renderToHtml(element: ReactNode): Promise<string> {
  const { prelude } = await prerender(element);
  // Without the markers between adjacent texts, which only hydration needs.
  return (await new Response(prelude).text()).replaceAll('<!-- -->', '');
}
