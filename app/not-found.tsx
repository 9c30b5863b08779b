import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/search-form';
import { listPosts } from '@/lib/wordpress';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false, follow: true } };

export default async function NotFound() {
  const recent = await listPosts({ kind: 'home' }, 1).catch(() => null);
  return (
    <div className="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>Nothing lives at this address. It may have moved, or the link may be mistyped.</p>
      <SearchForm id="not-found-search" />
      {recent && recent.items.length > 0 && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent stories</h2>
          <ul>
            {recent.items.slice(0, 5).map((post) => (
              <li key={post.id}>
                <Link href={post.path}>{post.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
