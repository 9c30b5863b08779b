// Never prefetched, not even on intent (see below), so not IntentLink.
// eslint-disable-next-line no-restricted-imports
import Link from 'next/link';
import { previewExitPath } from '@/lib/previews/request';
import type { PreviewTarget } from '@/lib/wordpress';

/** Shown on every preview: what this is, and the way out. */
export function PreviewBanner({ target }: { target: PreviewTarget }) {
  return (
    <div className="preview-banner" role="status">
      <strong>Preview</strong> — you are seeing unpublished changes. Readers do not see this page.{' '}
      {/* Never prefetched: fetching this link is what ends the preview. */}
      <Link href={previewExitPath(target)} prefetch={false}>
        Exit preview
      </Link>
    </div>
  );
}
