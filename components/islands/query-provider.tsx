'use client';

import {
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
  type DehydratedState,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';

let browserClient: QueryClient | undefined;

/**
 * The one QueryClient of the page, shared by every island (so they share a cache). It is created
 * when the first island comes alive, never during the server render: this module is only ever
 * loaded by islands' lazy chunks.
 */
export function getQueryClient(): QueryClient {
  browserClient ??= new QueryClient({
    defaultOptions: {
      // Server data handed over through hydration is fresh for a minute: no request on mount.
      queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return browserClient;
}

/** The provider every island renders inside, with the server's data for it, if any. */
export function QueryProvider({ state, children }: { state?: DehydratedState; children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <HydrationBoundary state={state}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}
