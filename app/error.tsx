'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="not-found">
      <h1 className="page-title">This page is unavailable right now</h1>
      <p>We could not reach our content server. Please try again in a moment.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
