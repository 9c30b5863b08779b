import type { SiteDates } from './formatted-date';
import { IntentLink as Link } from '@/components/intent-link';
import type { PostSummary } from '@/lib/wordpress';
import { Byline } from './byline';

/**
 * One story of a list. `first` marks the list's first card: on a phone its image fills the
 * screen's width above the fold and is the page's largest paint, so it is fetched early and at
 * high priority instead of lazily.
 */
export function PostCard({
  post,
  site,
  first = false,
}: {
  post: PostSummary;
  site: SiteDates;
  first?: boolean;
}) {
  const image = post.featuredImage;
  const thumbnail = image?.sizes.find((size) => size.width >= 600) ?? image?.sizes.at(-1) ?? null;
  return (
    <article className={image ? 'post-card post-card--with-image' : 'post-card'}>
      {image && thumbnail && (
        <img
          className="post-card__image"
          src={thumbnail.url}
          srcSet={image.sizes.map((size) => `${size.url} ${size.width}w`).join(', ')}
          sizes="(min-width: 48rem) 16rem, 100vw"
          width={thumbnail.width}
          height={thumbnail.height}
          alt={image.alt}
          loading={first ? undefined : 'lazy'}
          fetchPriority={first ? 'high' : undefined}
          decoding="async"
        />
      )}
      <div className="post-card__body">
        {post.sticky && <p className="post-card__flag">Featured</p>}
        <h2 className="post-card__title">
          <Link href={post.path}>{post.title}</Link>
        </h2>
        <Byline authors={post.authors} publishedAt={post.publishedAt} site={site} />
        {post.excerpt && <p className="post-card__excerpt">{post.excerpt}</p>}
      </div>
    </article>
  );
}
