import { describe, expect, it } from 'vitest';
import { slugForms, templateCandidates } from './hierarchy';

describe('templateCandidates follows WordPress’s template hierarchy', () => {
  it('tries a single of a custom type by slug, then by type, then single', () => {
    expect(templateCandidates({ kind: 'single', type: 'event', slug: 'summer-fair', id: 12 })).toEqual({
      view: 'singular',
      names: ['single-event-summer-fair', 'single-event', 'single'],
    });
  });

  it('treats a post like any other type', () => {
    expect(templateCandidates({ kind: 'single', type: 'post', slug: 'hello', id: 1 }).names).toEqual([
      'single-post-hello',
      'single-post',
      'single',
    ]);
  });

  it('tries a page by slug, then by id, then page', () => {
    expect(templateCandidates({ kind: 'page', slug: 'about', id: 7 })).toEqual({
      view: 'singular',
      names: ['page-about', 'page-7', 'page'],
    });
  });

  it('gives a post type archive archive-{type}, then archive', () => {
    expect(templateCandidates({ kind: 'archive', type: 'event' })).toEqual({
      view: 'list',
      names: ['archive-event', 'archive'],
    });
  });

  it('gives a custom taxonomy’s term taxonomy-{tax}-{term}, taxonomy-{tax}, taxonomy, archive (no id)', () => {
    expect(templateCandidates({ kind: 'term', taxonomy: 'genre', slug: 'jazz', id: 31 }).names).toEqual([
      'taxonomy-genre-jazz',
      'taxonomy-genre',
      'taxonomy',
      'archive',
    ]);
  });

  it('gives categories and tags their own templates, by slug and by id', () => {
    expect(templateCandidates({ kind: 'term', taxonomy: 'category', slug: 'cities', id: 3 }).names).toEqual([
      'category-cities',
      'category-3',
      'category',
      'archive',
    ]);
    expect(templateCandidates({ kind: 'term', taxonomy: 'post_tag', slug: 'rain', id: 9 }).names).toEqual([
      'tag-rain',
      'tag-9',
      'tag',
      'archive',
    ]);
  });

  it('tries an author by nicename, then by id; a guest author without id skips the id', () => {
    expect(templateCandidates({ kind: 'author', slug: 'ada', id: 2 }).names).toEqual([
      'author-ada',
      'author-2',
      'author',
      'archive',
    ]);
    expect(templateCandidates({ kind: 'author', slug: 'guest', id: null }).names).toEqual([
      'author-guest',
      'author',
      'archive',
    ]);
  });

  it('ends date archives in archive, and the front page list and search in index', () => {
    expect(templateCandidates({ kind: 'date' })).toEqual({ view: 'list', names: ['date', 'archive'] });
    expect(templateCandidates({ kind: 'home' })).toEqual({ view: 'list', names: ['home', 'index'] });
    expect(templateCandidates({ kind: 'search' })).toEqual({ view: 'list', names: ['search', 'index'] });
  });

  it('tries the decoded slug, then the stored percent-encoded one, from either form', () => {
    const expected = ['single-post-café', 'single-post-caf%c3%a9', 'single-post', 'single'];
    expect(templateCandidates({ kind: 'single', type: 'post', slug: 'caf%c3%a9', id: 4 }).names).toEqual(
      expected,
    );
    expect(templateCandidates({ kind: 'single', type: 'post', slug: 'café', id: 4 }).names).toEqual(expected);
    expect(templateCandidates({ kind: 'page', slug: '%d0%bf%d1%80%d0%be', id: 5 }).names).toEqual([
      'page-про',
      'page-%d0%bf%d1%80%d0%be',
      'page-5',
      'page',
    ]);
  });

  it('skips slug and id candidates that are missing or malformed', () => {
    expect(templateCandidates({ kind: 'page', slug: '', id: 0 }).names).toEqual(['page']);
    expect(templateCandidates({ kind: 'single', type: 'post', slug: 'bad%zz', id: 1 }).names).toEqual([
      'single-post-bad%zz',
      'single-post',
      'single',
    ]);
  });

  it('never lists a name twice (a page whose slug is its id)', () => {
    expect(templateCandidates({ kind: 'page', slug: '42', id: 42 }).names).toEqual(['page-42', 'page']);
  });
});

describe('slugForms', () => {
  it('keeps an ASCII slug as it is', () => {
    expect(slugForms('summer-fair')).toEqual(['summer-fair']);
  });

  it('writes the stored form with lowercase escapes, as WordPress stores slugs', () => {
    expect(slugForms('CAF%C3%A9')).toEqual(['CAFé', 'CAF%c3%a9']);
  });
});
