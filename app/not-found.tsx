import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="not-found">
      <h1 className="page-title">Page not found</h1>
      <p>Nothing lives at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
