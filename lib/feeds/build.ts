import { Feed, type Item } from 'feed';
import { removeInvalidXmlCharacters } from '@/lib/xml';
import type { Post } from '@/lib/wordpress';
import { feedContentHtml, type FeedUrls } from './content';
import { feedPath, type FeedFormat } from './paths';

export interface FeedChannel {
  /** Plain text: the site's name, the feed's author where a post names none. */
  siteName: string;
  /** Plain text. */
  title: string;
  /** Plain text; may be empty. */
  description: string;
  /** The archive's path on this frontend ('/', '/category/food/', …). */
  archivePath: string;
}

/** Plain text as HTML (Atom's type="html" title, the excerpt as a description). */
function textToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The feed library writes titles, descriptions and content as CDATA sections and splits only
 * the first "]]>" in each; a second would end the section early. Escaped HTML never contains
 * one, but a plain-text title may, so each is broken with an invisible U+200B.
 */
function cdataSafe(text: string): string {
  return removeInvalidXmlCharacters(text).replace(/]]>/g, ']]\u200B>');
}

/**
 * Attribute values (Atom's category term and label) are quoted and their "&" escaped by the
 * library, but "<" is not, and it is not allowed in XML attributes.
 */
function attributeSafe(text: string): string {
  return removeInvalidXmlCharacters(text).replace(/</g, '\uFF1C');
}

/** A date the library can write (it throws on an invalid one); null for none. */
function toDate(iso: string): Date | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time);
}

function newest(posts: readonly Post[]): Date | null {
  const times = posts.map((post) => toDate(post.modifiedAt)?.getTime() ?? Number.NaN);
  const known = times.filter((time) => !Number.isNaN(time));
  return known.length > 0 ? new Date(Math.max(...known)) : null;
}

function item(post: Post, format: FeedFormat, urls: FeedUrls): Item {
  const link = `${urls.siteUrl}${post.path}`;
  const authors = post.authors.filter((author) => author.name !== '');
  const terms = [...post.categories, ...post.tags].filter((term) => term.name !== '');
  // Password-protected posts: WordPress gives neither content nor excerpt without the password.
  const html = post.isPasswordProtected ? '' : feedContentHtml(post.contentHtml, post.path, urls);
  // Never empty: a reader shows something, and RSS's dc: namespace comes with content:encoded.
  const content =
    html.trim() !== ''
      ? html
      : post.isPasswordProtected
        ? `<p>This story is protected by a password. <a href="${textToHtml(link)}">Read it on the site</a>.</p>`
        : `<p><a href="${textToHtml(link)}">${textToHtml(post.title)}</a></p>`;
  return {
    title: cdataSafe(format === 'atom' ? textToHtml(post.title) : post.title),
    link,
    // WordPress's guid form (home/?p=ID) on the public origin: stable when a slug or the
    // permalink structure changes, so readers never see a post twice.
    id: `${urls.siteUrl}/?p=${post.id}`,
    guid: `${urls.siteUrl}/?p=${post.id}`,
    date: toDate(post.modifiedAt) ?? toDate(post.publishedAt) ?? new Date(0),
    published: toDate(post.publishedAt) ?? new Date(0),
    description: post.excerpt ? cdataSafe(textToHtml(post.excerpt)) : undefined,
    content: cdataSafe(content),
    category: terms.map((term) =>
      format === 'atom'
        ? { name: attributeSafe(term.name), term: attributeSafe(term.name) }
        : { name: removeInvalidXmlCharacters(term.name) },
    ),
    ...(format === 'atom'
      ? {
          author: authors.map((author) => ({
            name: removeInvalidXmlCharacters(author.name),
            link: `${urls.siteUrl}${author.path}`,
          })),
        }
      : authors.length > 0
        ? {
            // RSS's <author> is an e-mail address; names go in dc:creator, as WordPress writes them.
            extensions: [
              {
                name: 'dc:creator',
                objects: {
                  _text: removeInvalidXmlCharacters(authors.map((author) => author.name).join(', ')),
                },
              },
            ],
          }
        : {}),
  };
}

/**
 * An RSS 2.0 or Atom 1.0 document for a list of posts (newest first). Links, guids and every
 * URL in the content are absolute, on SITE_URL; media stay on WordPress.
 */
export function buildFeed(
  format: FeedFormat,
  channel: FeedChannel,
  posts: readonly Post[],
  urls: FeedUrls,
  now: () => Date = () => new Date(),
): string {
  const archiveUrl = `${urls.siteUrl}${channel.archivePath}`;
  const selfUrl = `${urls.siteUrl}${feedPath(channel.archivePath, format)}`;
  const title = removeInvalidXmlCharacters(channel.title);
  const feed = new Feed({
    id: selfUrl,
    title,
    description: removeInvalidXmlCharacters(channel.description) || undefined,
    link: archiveUrl,
    updated: newest(posts) ?? now(),
    generator: 'Broadsheet',
    feedLinks: {
      rss: `${urls.siteUrl}${feedPath(channel.archivePath, 'rss')}`,
      atom: `${urls.siteUrl}${feedPath(channel.archivePath, 'atom')}`,
    },
    // Atom requires an author for every entry; the site stands in where a post has none.
    author: { name: removeInvalidXmlCharacters(channel.siteName), link: `${urls.siteUrl}/` },
  });
  for (const post of posts) feed.addItem(item(post, format, urls));
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
