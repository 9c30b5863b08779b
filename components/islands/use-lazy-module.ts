'use client';

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';

export type LazyModuleState<T> =
  { status: 'idle' | 'loading' | 'failed'; module: null } | { status: 'ready'; module: T };

/**
 * Loads an island's heavier code (the query library and what uses it) only when asked:
 * `load()` starts the download once and resolves to the module, or to null when it failed
 * (a later call tries again). Until then the island is its server-rendered HTML.
 */
export function useLazyModule<T>(importer: () => Promise<T>) {
  const [state, setState] = useState<LazyModuleState<T>>({ status: 'idle', module: null });
  const pending = useRef<Promise<T | null> | null>(null);
  const importerRef = useRef(importer);

  const load = useCallback((): Promise<T | null> => {
    if (!pending.current) {
      setState((current) => (current.status === 'ready' ? current : { status: 'loading', module: null }));
      pending.current = importerRef.current().then(
        (module) => {
          setState({ status: 'ready', module });
          return module;
        },
        () => {
          pending.current = null;
          setState({ status: 'failed', module: null });
          return null;
        },
      );
    }
    return pending.current;
  }, []);

  return { ...state, load };
}

/** Calls `onVisible` once, when the element comes within `margin` of the viewport. */
export function useWhenNearViewport(ref: RefObject<Element | null>, onVisible: () => void, margin = '300px') {
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          callback.current();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
}

const subscribeToNothing = () => () => {};

/**
 * False during the server render and hydration, true once the browser runs the island: what only
 * works with JavaScript (combobox roles, buttons) is rendered only then, so the HTML without it
 * never promises what it cannot do.
 */
export function useEnhanced(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
