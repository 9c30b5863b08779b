import type { SiteDates } from './formatted-date';
import { IntentLink as Link } from '@/components/intent-link';
import type { Author } from '@/lib/wordpress';
import { FormattedDate } from './formatted-date';

export function Byline({
  authors,
  publishedAt,
  site,
}: {
  authors: Author[];
  publishedAt: string;
  site: SiteDates;
}) {
  return (
    <p className="byline">
      {authors.length > 0 && (
        <>
          By{' '}
          {authors.map((author, index) => (
            <span key={author.slug || author.name}>
              {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
              <Link href={author.path} rel="author">
                {author.name}
              </Link>
            </span>
          ))}
          <span aria-hidden="true"> · </span>
        </>
      )}
      <FormattedDate iso={publishedAt} site={site} />
    </p>
  );
}
