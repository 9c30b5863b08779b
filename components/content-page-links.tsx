import { IntentLink as Link } from './intent-link';
import { contentPagePath } from '@/lib/wordpress';

/**
 * The page links of a post split with <!--nextpage-->, as wp_link_pages() prints them: every
 * page's number, the current one marked, at WordPress's own /post/N/ addresses.
 */
export function ContentPageLinks({
  postPath,
  page,
  count,
}: {
  postPath: string;
  page: number;
  count: number;
}) {
  return (
    <nav className="page-links" aria-label="Pages of this article">
      <span className="page-links__label">Pages:</span>
      <ol>
        {Array.from({ length: count }, (_, index) => index + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={contentPagePath(postPath, n)} aria-label={`Page ${n}`} rel={relOf(n, page)}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function relOf(n: number, page: number): string | undefined {
  if (n === page - 1) return 'prev';
  if (n === page + 1) return 'next';
  return undefined;
}
