import { siteSettings } from './site-settings';
import { pathOf, textOf, wordpressGet, type WordPressPost } from './wordpress';

/**
 * One page of every type the site serves, for the quality gates (e2e/quality.spec.ts,
 * e2e/valid-html.spec.ts). Paths come from WordPress, so they hold under any permalink structure.
 */

interface DatedPost extends WordPressPost {
  date: string;
}
interface WordPressTerm {
  id: number;
  link: string;
  parent: number;
  count: number;
}
interface WordPressPage {
  id: number;
  link: string;
  parent: number;
}
interface WordPressUser {
  slug: string;
  link: string;
  description: string;
}

const ALL_BLOCKS_SLUG = 'a-field-guide-to-every-block';

/** A lookup made once per worker, however many tests need it. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

const newestPosts = once(async () => {
  const { data } = await wordpressGet<DatedPost[]>('/wp/v2/posts', { per_page: 10 });
  if (!data[0]) throw new Error('WordPress has no posts');
  return data;
});

async function allBlocksPath() {
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { slug: ALL_BLOCKS_SLUG });
  if (!data[0]) throw new Error(`the all-blocks post (${ALL_BLOCKS_SLUG}) is missing`);
  return pathOf(data[0].link);
}

/** The newest post that is plain prose: not the all-blocks showcase, not password-protected. */
async function newestPlainPostPath() {
  const post = (await newestPosts()).find(
    (candidate) => candidate.slug !== ALL_BLOCKS_SLUG && !candidate.content.protected,
  );
  if (!post) throw new Error('no plain post among the newest ten');
  return pathOf(post.link);
}

async function childPagePath() {
  const { data } = await wordpressGet<WordPressPage[]>('/wp/v2/pages', { per_page: 100 });
  const page = data.find((candidate) => candidate.parent !== 0);
  if (!page) throw new Error('no child page seeded');
  return pathOf(page.link);
}

async function nestedCategoryPath() {
  const { data } = await wordpressGet<WordPressTerm[]>('/wp/v2/categories', { per_page: 100 });
  const category = data.filter((term) => term.parent !== 0).sort((a, b) => b.count - a.count)[0];
  if (!category) throw new Error('no nested category seeded');
  return pathOf(category.link);
}

async function tagPath() {
  const { data } = await wordpressGet<WordPressTerm[]>('/wp/v2/tags', { orderby: 'count', order: 'desc' });
  if (!data[0]) throw new Error('no tags seeded');
  return pathOf(data[0].link);
}

async function authorPath() {
  const { data } = await wordpressGet<WordPressUser[]>('/wp/v2/users', { per_page: 100 });
  const author = data.find((user) => user.description && user.slug !== 'admin');
  if (!author) throw new Error('no author seeded');
  return pathOf(author.link);
}

async function monthArchivePath() {
  const [newest] = await newestPosts();
  const [year, month] = (newest?.date ?? '').slice(0, 7).split('-');
  return `/${year}/${month}/`;
}

/** "bakery" when WordPress finds it, otherwise the longest word of the newest post's title. */
async function searchPath() {
  const { total } = await wordpressGet<WordPressPost[]>('/wp/v2/posts', { search: 'bakery', per_page: 1 });
  let term = 'bakery';
  if (total === 0) {
    const [newest] = await newestPosts();
    const words = textOf(newest?.title.rendered ?? '').match(/\p{L}+/gu) ?? [];
    term = words.sort((a, b) => b.length - a.length)[0]?.toLowerCase() ?? 'the';
  }
  return `/search/?s=${encodeURIComponent(term)}`;
}

export interface PageType {
  name: string;
  status: number;
  path: () => Promise<string>;
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', status: 200, path: async () => '/' },
  // The latest posts' second page: under "/", or under a static front page's posts page.
  {
    name: 'latest posts page 2',
    status: 200,
    path: async () => `${(await siteSettings()).postsListPath}page/2/`,
  },
  { name: 'article (all blocks)', status: 200, path: once(allBlocksPath) },
  { name: 'article (newest plain post)', status: 200, path: once(newestPlainPostPath) },
  { name: 'child page', status: 200, path: once(childPagePath) },
  { name: 'nested category archive', status: 200, path: once(nestedCategoryPath) },
  { name: 'tag archive', status: 200, path: once(tagPath) },
  { name: 'author archive', status: 200, path: once(authorPath) },
  { name: 'month archive', status: 200, path: once(monthArchivePath) },
  { name: 'search results', status: 200, path: once(searchPath) },
  { name: '404 page', status: 404, path: async () => '/no-such-page-here/' },
];
