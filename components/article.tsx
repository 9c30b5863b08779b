import type { SiteDates } from './formatted-date';
import { IntentLink as Link } from '@/components/intent-link';
import './content-blocks.css';
import { parseSanitizedHtml } from '@/lib/content/render';
import { sanitizeContent } from '@/lib/content/sanitize';
import { countWords, readingTime } from '@/lib/seo';
import type { Post, SiteAddresses, SiteInfo } from '@/lib/wordpress';
import { Byline } from './byline';
import { ContentStyles } from './content-styles';
import { FeaturedImage } from './featured-image';
import { PasswordForm } from './password-form';

export function Article({
  post,
  site,
  addresses,
  unlocked = false,
}: {
  post: Post;
  site: SiteDates & Pick<SiteInfo, 'globalStylesheet'>;
  /** What the content's links are read against: links to the Site Address become paths here. */
  addresses: SiteAddresses;
  /** Rendered with the reader's password: show the content WordPress returned. */
  unlocked?: boolean;
}) {
  const isPage = post.type === 'page';
  const locked = post.isPasswordProtected && !unlocked;
  const contentHtml = locked ? '' : sanitizeContent(post.contentHtml, addresses);
  return (
    <article className="article">
      {/* A <style> in the body (an inlined one) must be the first child of its parent to be valid HTML. */}
      {!locked && (
        <ContentStyles
          post={post}
          contentHtml={contentHtml}
          globalStylesheet={site.globalStylesheet}
          addresses={addresses}
        />
      )}
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
        {locked ? <PasswordForm id={post.id} type={post.type} /> : parseSanitizedHtml(contentHtml)}
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
