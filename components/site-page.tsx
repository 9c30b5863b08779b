import { notFound } from 'next/navigation';
import { CommentSection } from '@/components/comments/comment-section';
import { PostList } from '@/components/post-list';
import { SeoExtraHead } from '@/components/seo-extra-head';
import { ListingTemplate, PostTemplate } from '@/components/templates/post-template';
import type { ContentPage, ListPage, LoadedPage } from '@/lib/pages/load';
import type { LoadableList } from '@/lib/post-list-api';
import { ContentPageLinks } from '@/components/content-page-links';
import { permanentRedirectWithinSite, answerByRule } from '@/lib/redirect';
import type { ListSubject } from '@/lib/templates/hierarchy';
import type { ListTarget, PostListQuery } from '@/lib/wordpress';

/** What a list is, in the template hierarchy's terms. */
function templateSubjectOf(list: Exclude<ListTarget, { kind: 'home' }>): ListSubject {
  switch (list.kind) {
    case 'type':
      return { kind: 'archive', type: list.contentKind.type };
    case 'term':
      return { kind: 'term', taxonomy: list.taxonomyKind.taxonomy, slug: list.term.slug, id: list.term.id };
    case 'author':
      return { kind: 'author', slug: list.author.slug, id: list.author.id };
    case 'date':
      return { kind: 'date' };
  }
}

/** Every list but search can load more. */
function loadableList(query: PostListQuery): LoadableList | undefined {
  return query.kind === 'search' ? undefined : query;
}

/** A loaded page as the reader sees it; a redirect or "not found" is answered as such. */
export function SitePage({ page }: { page: LoadedPage }) {
  if (page.kind === 'not-found') notFound();
  if (page.kind === 'redirect') permanentRedirectWithinSite(page.path);
  if (page.kind === 'site-redirect') answerByRule(page.from, page.action);
  return (
    <>
      <SeoExtraHead {...page.seo} />
      {page.kind === 'content' ? <Content page={page} /> : <List page={page} />}
    </>
  );
}

function Content({ page }: { page: ContentPage }) {
  const { post, site, comments, contentPages } = page;
  return (
    <>
      <PostTemplate post={post} site={site} />
      {contentPages && <ContentPageLinks postPath={post.path} {...contentPages} />}
      {comments && (
        <CommentSection
          postId={post.id}
          postPath={post.path}
          comments={comments}
          open={post.commentStatus === 'open'}
          site={site}
        />
      )}
    </>
  );
}

function List({ page }: { page: ListPage }) {
  const { list, posts, site } = page;
  if (list.kind === 'home') {
    // On a static front page's posts page, the list is headed by that page's title.
    const heading = list.postsPage ? page.title : 'Latest stories';
    return (
      <>
        {posts.page > 1 ? (
          <h1 className="page-title">
            {heading}, page {posts.page}
          </h1>
        ) : (
          <h1 className={list.postsPage ? 'page-title' : 'visually-hidden'}>{heading}</h1>
        )}
        <PostList
          posts={posts}
          leading={page.sticky}
          site={site}
          basePath={list.path}
          list={loadableList(list.query)}
        />
      </>
    );
  }
  const avatar = list.kind === 'author' ? list.author.avatarUrl : null;
  return (
    <ListingTemplate
      subject={templateSubjectOf(list)}
      kicker={page.kicker ?? undefined}
      title={page.title}
      description={page.description || undefined}
      aside={
        avatar ? (
          <img className="archive-header__avatar" src={avatar} alt="" width={96} height={96} />
        ) : undefined
      }
      posts={posts}
      site={site}
      basePath={list.path}
      list={loadableList(list.query)}
    />
  );
}
