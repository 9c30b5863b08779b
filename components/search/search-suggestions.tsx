'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SearchSuggestion } from '@/lib/wordpress';
import { QueryProvider } from '../islands/query-provider';

export interface SuggestionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  results: SearchSuggestion[];
  retry?: () => void;
}

const NONE: SearchSuggestion[] = [];

async function fetchSuggestions(term: string, signal: AbortSignal): Promise<SearchSuggestion[]> {
  const response = await fetch(`/api/search/?q=${encodeURIComponent(term)}`, {
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`Search suggestions answered HTTP ${response.status}`);
  const body = (await response.json()) as { results?: SearchSuggestion[] };
  return body.results ?? [];
}

function Suggestions({ term, onChange }: { term: string; onChange: (state: SuggestionState) => void }) {
  const query = useQuery({
    queryKey: ['search-suggestions', term],
    queryFn: ({ signal }) => fetchSuggestions(term, signal),
    enabled: term !== '',
    // While the next term loads, keep showing the last results rather than an empty list.
    placeholderData: (previous) => previous,
  });
  const { refetch } = query;
  const status: SuggestionState['status'] =
    term === '' ? 'idle' : query.isError ? 'error' : query.isFetching ? 'loading' : 'ready';
  const results = term === '' ? NONE : (query.data ?? NONE);
  useEffect(() => {
    onChange({ status, results, retry: () => void refetch() });
  }, [status, results, refetch, onChange]);
  return null;
}

/** The search box's heavier half, loaded on first focus: fetching and caching suggestions. */
export function SearchSuggestions(props: { term: string; onChange: (state: SuggestionState) => void }) {
  return (
    <QueryProvider>
      <Suggestions {...props} />
    </QueryProvider>
  );
}
