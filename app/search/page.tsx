import type { Metadata } from 'next';
import { PostList } from '@/components/post-list';
import { InstantSearch } from '@/components/search/instant-search';
import { parsePageNumber, searchPath } from '@/lib/wordpress';
import { seoForListing } from '@/lib/seo';
import { getSiteInfo, listPosts } from '@/lib/wordpress';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function readQuery(params: Record<string, string | string[] | undefined>) {
  const raw = params.s;
  const term = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
  const pageParam = params.page;
  const page =
    pageParam === undefined
      ? 1
      : parsePageNumber(Array.isArray(pageParam) ? (pageParam[0] ?? '') : pageParam);
  return { term, page };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { term } = readQuery(await searchParams);
  const site = await getSiteInfo();
  // Result pages are endless and thin: the SEO module marks them noindex, as Yoast does.
  return seoForListing(
    {
      kind: 'search',
      title: term ? `Search results for “${term}”` : 'Search',
      description: '',
      path: searchPath(term),
    },
    site,
  ).metadata;
}

export default async function SearchPage({ searchParams }: Props) {
  const { term, page } = readQuery(await searchParams);
  const [results, site] = await Promise.all([
    term && page ? listPosts({ kind: 'search', term }, page) : Promise.resolve(null),
    getSiteInfo(),
  ]);
  return (
    <>
      <h1 className="page-title">{term ? `Search results for “${term}”` : 'Search'}</h1>
      <InstantSearch defaultValue={term} />
      {term && (!results || results.items.length === 0) && (
        <p>Nothing matched your search. Try other words.</p>
      )}
      {results && results.items.length > 0 && (
        <>
          <p className="search-count">
            {results.totalItems} {results.totalItems === 1 ? 'story' : 'stories'} found
          </p>
          <PostList
            posts={results}
            site={site}
            basePath={searchPath(term)}
            pathForPage={(n) => searchPath(term, n)}
          />
        </>
      )}
    </>
  );
}
