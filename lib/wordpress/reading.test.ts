import { describe, expect, it } from 'vitest';
import { samplePost } from '@/components/templates/templates.test-helpers';
import { buildKinds, findContentKind } from './kinds';
import { plainWordPressKinds } from './kinds.test-helpers';
import { readingPagesOf } from './reading';

const pageKind = findContentKind(plainWordPressKinds(buildKinds), 'page');
if (!pageKind) throw new Error('no page kind');
const front = samplePost({ id: 12, type: 'page', slug: 'welcome', path: '/welcome/', title: 'Welcome' });
const posts = samplePost({ id: 14, type: 'page', slug: 'news', path: '/news/', title: 'News' });

describe('readingPagesOf', () => {
  it('serves the static front page at "/" and the posts page at its own path', () => {
    const { pages, problem } = readingPagesOf({ frontPageId: 12, postsPageId: 14 }, [posts, front], pageKind);
    expect(pages.frontPage?.post).toMatchObject({ id: 12, path: '/', title: 'Welcome' });
    expect(pages.frontPage?.contentKind.type).toBe('page');
    expect(pages.postsPage).toMatchObject({ id: 14, path: '/news/' });
    expect(problem).toBeNull();
  });

  it('lists the posts on the front page when it is not static', () => {
    expect(readingPagesOf({ frontPageId: null, postsPageId: null }, [], pageKind)).toEqual({
      pages: { frontPage: null, postsPage: null },
      problem: null,
    });
  });

  it('degrades to WordPress’s default when the front page is gone, with the reason', () => {
    const { pages, problem } = readingPagesOf({ frontPageId: 12, postsPageId: 14 }, [posts], pageKind);
    expect(pages).toEqual({ frontPage: null, postsPage: null });
    expect(problem).toBe(
      'the static front page (page 12) is not a published page; the front page lists posts',
    );
  });

  it('keeps the static front page when only the posts page is gone', () => {
    const { pages, problem } = readingPagesOf({ frontPageId: 12, postsPageId: 14 }, [front], pageKind);
    expect(pages.frontPage?.post.id).toBe(12);
    expect(pages.postsPage).toBeNull();
    expect(problem).toContain('posts page (page 14)');
  });
});
