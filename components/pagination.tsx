import { IntentLink as Link } from '@/components/intent-link';
import { paginatedPath } from '@/lib/wordpress';

/**
 * Previous/next and numbered links: at WordPress's /page/N/ paths below `basePath`, or where
 * `pathForPage` says (search results keep their query string).
 */
export function Pagination({
  page,
  totalPages,
  basePath,
  pathForPage = (n) => paginatedPath(basePath, n),
}: {
  page: number;
  totalPages: number;
  basePath: string;
  pathForPage?: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  const numbers = Array.from({ length: totalPages }, (_, index) => index + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2,
  );
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 && (
        <Link href={pathForPage(page - 1)} rel="prev">
          ← Newer
        </Link>
      )}
      <ol>
        {numbers.map((n, index) => (
          <li key={n}>
            {index > 0 && n - (numbers[index - 1] ?? n) > 1 && <span aria-hidden="true">… </span>}
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={pathForPage(n)} aria-label={`Page ${n}`}>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {page < totalPages && (
        <Link href={pathForPage(page + 1)} rel="next">
          Older →
        </Link>
      )}
    </nav>
  );
}
