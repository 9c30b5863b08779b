'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useEnhanced, useLazyModule } from '../islands/use-lazy-module';
import '../islands.css';
import type { SuggestionState } from './search-suggestions';

const loadSuggestions = () => import('./search-suggestions');
const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

/**
 * The search box. Without JavaScript a plain GET form to the server-rendered /search/ page. With
 * it, an ARIA combobox: suggestions as the reader types (debounced, from /api/search/), arrow
 * keys to move through them, Enter to open the highlighted story (or, with none highlighted, to
 * submit the search), Escape to close. The query library loads on first focus.
 */
export function InstantSearch({ defaultValue = '', id = 'search' }: { defaultValue?: string; id?: string }) {
  const router = useRouter();
  const enhanced = useEnhanced();
  const listboxId = useId();
  const statusId = useId();
  const [value, setValue] = useState(defaultValue);
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<SuggestionState>({ status: 'idle', results: [] });
  const suggestions = useLazyModule(loadSuggestions);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const results = state.results;
  const expanded =
    enhanced && open && term.length >= MIN_LENGTH && (results.length > 0 || state.status !== 'idle');
  const optionId = (index: number) => `${listboxId}-option-${index}`;

  const openResult = (index: number) => {
    const result = results[index];
    if (result) router.push(result.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Positions run from -1 (the text box itself) to the last suggestion, wrapping around.
      setActive((current) => {
        const next = current + step;
        if (next >= results.length) return -1;
        return next < -1 ? results.length - 1 : next;
      });
    } else if (event.key === 'Enter' && expanded && active >= 0 && results[active]) {
      event.preventDefault();
      openResult(active);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue('');
      }
    }
  };

  const Suggestions = suggestions.module?.SearchSuggestions;
  const statusText = !expanded
    ? ''
    : state.status === 'loading' && results.length === 0
      ? 'Searching…'
      : state.status === 'error'
        ? 'Suggestions are unavailable.'
        : results.length === 0
          ? 'No stories match yet. Press Enter to search.'
          : `${results.length} ${results.length === 1 ? 'story' : 'stories'} found. Use the arrow keys to choose.`;

  return (
    <form className="search-form instant-search" action="/search/" method="get" role="search">
      <label htmlFor={id}>Search the site</label>
      <div className="search-form__row">
        <input
          id={id}
          name="s"
          type="search"
          value={value}
          maxLength={200}
          required
          autoComplete="off"
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
            setActive(-1);
            void suggestions.load();
          }}
          onFocus={() => void suggestions.load()}
          onKeyDown={onKeyDown}
          {...(enhanced
            ? {
                role: 'combobox',
                'aria-autocomplete': 'list' as const,
                'aria-expanded': expanded,
                'aria-controls': listboxId,
                'aria-describedby': statusId,
                'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
              }
            : {})}
        />
        <button type="submit">Search</button>
      </div>
      {enhanced && (
        <>
          <ul
            id={listboxId}
            role="listbox"
            aria-label="Suggested stories"
            className="instant-search__results"
            hidden={!expanded || results.length === 0}
          >
            {results.map((result, index) => (
              <li
                key={result.path}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="instant-search__option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => openResult(index)}
              >
                <span className="instant-search__title">{result.title}</span>
                {result.excerpt && <span className="instant-search__excerpt">{result.excerpt}</span>}
              </li>
            ))}
          </ul>
          <p id={statusId} className="instant-search__status" role="status">
            {statusText}
            {expanded && state.status === 'error' && (
              <>
                {' '}
                <button type="button" onClick={() => state.retry?.()}>
                  Try again
                </button>
              </>
            )}
          </p>
          {suggestions.status === 'failed' && (
            <p className="island-error" role="alert">
              Suggestions could not load; the search button still works.{' '}
              <button type="button" onClick={() => void suggestions.load()}>
                Try again
              </button>
            </p>
          )}
          {Suggestions && <Suggestions term={term.length >= MIN_LENGTH ? term : ''} onChange={setState} />}
        </>
      )}
    </form>
  );
}
