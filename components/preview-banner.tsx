import Link from 'next/link';

/** Shown on every preview: what this is, and the way out. */
export function PreviewBanner() {
  return (
    <div className="preview-banner" role="status">
      <strong>Preview</strong> — you are seeing unpublished changes. Readers do not see this page.{' '}
      {/* Never prefetched: fetching this link is what ends the preview. */}
      <Link href="/api/preview/exit/" prefetch={false}>
        Exit preview
      </Link>
    </div>
  );
}
