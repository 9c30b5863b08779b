import type { Metadata } from 'next';
import { IntentLink as Link } from '@/components/intent-link';
import { SearchForm } from '@/components/search-form';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

/**
 * Deliberately reads nothing from WordPress: Next renders this boundary into every page's
 * payload, so a list here would tie every cached page to that list's cache tag, and each post
 * change would re-render the whole site. The navigation above offers the sections.
 */
export default function NotFound() {
  return (
    <div className="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>Nothing lives at this address. It may have moved, or the link may be mistyped.</p>
      <SearchForm id="not-found-search" />
      <p>
        <Link href="/">Go to the front page</Link> for the latest stories.
      </p>
    </div>
  );
}
