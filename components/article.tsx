import type { SiteDates } from './formatted-date';
import { IntentLink as Link } from '@/components/intent-link';
// WordPress's own block styles, as the block editor publishes them: only pages with post content load them.
import '@wordpress/block-library/build-style/style.css';
import '@wordpress/block-library/build-style/theme.css';
import { renderContent } from '@/lib/content/render';
import { countWords, readingTime } from '@/lib/seo';
import type { Post, SiteAddresses } from '@/lib/wordpress';
import { Byline } from './byline';
import { FeaturedImage } from './featured-image';
import { PasswordForm } from './password-form';

export function Article({
  post,
  site,
  addresses,
  unlocked = false,
}: {
  post: Post;
  site: SiteDates;
  /** What the content's links are read against: links to the Site Address become paths here. */
  addresses: SiteAddresses;
  /** Rendered with the reader's password: show the content WordPress returned. */
  unlocked?: boolean;
}) {
  const isPage = post.type === 'page';
  return (
    <article className="article">
      <header className="article__header">
        {post.categories.length > 0 && (
          <p className="article__kicker">
            {post.categories.map((category, index) => (
              <span key={category.id}>
                {index > 0 && ', '}
                <Link href={category.path}>{category.name}</Link>
              </span>
            ))}
          </p>
        )}
        <h1 className="article__title">{post.title}</h1>
        {!isPage && (
          <>
            <Byline authors={post.authors} publishedAt={post.publishedAt} site={site} />
            {!post.isPasswordProtected && (
              <p className="article__reading-time">{readingTime(countWords(post.contentHtml))} read</p>
            )}
          </>
        )}
      </header>
      {post.featuredImage && <FeaturedImage image={post.featuredImage} />}
      <div className="article__content entry-content">
        {post.isPasswordProtected && !unlocked ? (
          <PasswordForm id={post.id} type={post.type} />
        ) : (
          renderContent(post.contentHtml, addresses)
        )}
      </div>
      {post.tags.length > 0 && (
        <footer className="article__footer">
          <h2 className="visually-hidden">Tags</h2>
          <ul className="tag-list">
            {post.tags.map((tag) => (
              <li key={tag.id}>
                <Link href={tag.path} rel="tag">
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
