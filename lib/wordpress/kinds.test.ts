import { describe, expect, it, vi } from 'vitest';
import indexFixture from './fixtures/index.json';
import taxonomiesCore from './fixtures/kinds/taxonomies-core.json';
import taxonomiesWithoutPlugin from './fixtures/kinds/taxonomies-without-plugin.json';
import taxonomies from './fixtures/kinds/taxonomies.json';
import typesCore from './fixtures/kinds/types-core.json';
import typesWithoutPlugin from './fixtures/kinds/types-without-plugin.json';
import types from './fixtures/kinds/types.json';
import { buildKinds, contentKindsForPath, getKinds, permastructPrefix, type Kinds } from './kinds';
import { singleAddress, type SiteAddresses } from './paths';
import { listSourceOf } from './posts';

const addresses = singleAddress('http://wp.example.test');

const names = (kinds: Kinds) => ({
  content: kinds.content.map((kind) => kind.type).sort(),
  taxonomies: kinds.taxonomies.map((kind) => kind.taxonomy).sort(),
});

describe('the registry, from a site with a custom type and taxonomy (recorded, with the companion plugin)', () => {
  const kinds = buildKinds(types, taxonomies, addresses);

  it('holds the viewable types and taxonomies, and nothing WordPress keeps for itself', () => {
    expect(names(kinds)).toEqual({
      content: ['event', 'page', 'post'],
      // Co-Authors Plus's "author" is no term archive: its archives are the author archives.
      taxonomies: ['category', 'event_series', 'post_tag'],
    });
  });

  it('knows where a custom type lives: its REST collection, its archive and its items', () => {
    expect(kinds.content.find((kind) => kind.type === 'event')).toEqual({
      type: 'event',
      label: 'Events',
      route: '/wp/v2/events',
      hierarchical: false,
      archivePath: '/events/',
      itemPrefix: '/events/',
      taxonomies: ['event_series'],
      searchable: true,
    });
  });

  it('knows where a custom taxonomy lives and what its archives list', () => {
    expect(kinds.taxonomies.find((kind) => kind.taxonomy === 'event_series')).toEqual({
      taxonomy: 'event_series',
      label: 'Series',
      route: '/wp/v2/event-series',
      restBase: 'event-series',
      hierarchical: true,
      types: ['event'],
      pathPrefix: '/series/',
    });
    expect(kinds.taxonomies.find((kind) => kind.taxonomy === 'category')?.pathPrefix).toBe('/category/');
  });

  it('asks the kind whose items the path is under first, then posts, pages and the rest', () => {
    const order = (path: string) =>
      contentKindsForPath(kinds, path).map((group) => group.map((kind) => kind.type));
    expect(order('/events/the-drain-cover-walk/')).toEqual([['event'], ['post'], ['page']]);
    expect(order('/salt-roads/')).toEqual([['post'], ['page'], ['event']]);
    // The archive itself is no item of the type.
    expect(order('/events/')).toEqual([['post'], ['page'], ['event']]);
  });

  it('gives each list its REST source and its own cache tag', () => {
    expect(listSourceOf({ kind: 'type', type: 'event' }, kinds)).toEqual({
      route: '/wp/v2/events',
      params: {},
      tag: 'wp:list:type:event',
    });
    expect(listSourceOf({ kind: 'term', taxonomy: 'event_series', id: 24 }, kinds)).toEqual({
      route: '/wp/v2/events',
      params: { 'event-series[terms]': 24, 'event-series[include_children]': true },
      tag: 'wp:list:term:event_series:24',
    });
    expect(listSourceOf({ kind: 'term', taxonomy: 'post_tag', id: 3 }, kinds)).toEqual({
      route: '/wp/v2/posts',
      params: { tags: 3 },
      tag: 'wp:list:term:post_tag:3',
    });
    // Kinds the site does not serve have no list.
    expect(listSourceOf({ kind: 'type', type: 'internal_note' }, kinds)).toBeNull();
    expect(listSourceOf({ kind: 'type', type: 'page' }, kinds)).toBeNull();
    expect(listSourceOf({ kind: 'term', taxonomy: 'author', id: 1 }, kinds)).toBeNull();
  });
});

describe('the registry without the companion plugin', () => {
  it('finds the same kinds on the same site from what core says alone', () => {
    const kinds = buildKinds(typesCore, taxonomiesCore, addresses);
    // Without `viewable`, a type WordPress registered with show_in_rest but not public cannot be
    // told apart from a public one: it is listed, and its pages simply never resolve.
    expect(names(kinds).content).toEqual(['event', 'internal_note', 'page', 'post']);
    expect(names(kinds).taxonomies).toEqual(['category', 'event_series', 'post_tag']);
    const event = kinds.content.find((kind) => kind.type === 'event');
    // WordPress's defaults: the archive at has_archive's slug, items below it.
    expect(event?.archivePath).toBe('/events/');
    expect(event?.itemPrefix).toBe('/events/');
    // The taxonomy's default base is its name (the plugin knows it is /series/).
    expect(kinds.taxonomies.find((kind) => kind.taxonomy === 'event_series')?.pathPrefix).toBe(
      '/event_series/',
    );
  });

  it('reads a plain WordPress as posts, pages, categories and tags', () => {
    expect(names(buildKinds(typesWithoutPlugin, taxonomiesWithoutPlugin, addresses))).toEqual({
      content: ['page', 'post'],
      taxonomies: ['category', 'post_tag'],
    });
  });

  it('still has posts and pages when WordPress lists no types at all', () => {
    expect(names(buildKinds({}, {}, addresses))).toEqual({ content: ['page', 'post'], taxonomies: [] });
    expect(names(buildKinds(null, 'nonsense', addresses))).toEqual({
      content: ['page', 'post'],
      taxonomies: [],
    });
  });
});

describe('the registry, from what other sites declare', () => {
  const restType = (slug: string, fields: Record<string, unknown>) => ({
    slug,
    name: slug,
    hierarchical: false,
    has_archive: false,
    taxonomies: [],
    rest_base: slug,
    rest_namespace: 'wp/v2',
    ...fields,
  });

  it('leaves out a non-public type, and an entry that does not parse, keeping the rest', () => {
    const kinds = buildKinds(
      {
        recipe: restType('recipe', { viewable: true, has_archive: true }),
        ledger: restType('ledger', { viewable: false }),
        broken: { slug: 42 },
      },
      {},
      addresses,
    );
    expect(names(kinds).content).toEqual(['page', 'post', 'recipe']);
  });

  it('gives a type without archive no archive and no list, but its items still resolve by path', () => {
    const kinds = buildKinds({ person: restType('person', { viewable: true }) }, {}, addresses);
    const person = kinds.content.find((kind) => kind.type === 'person');
    expect(person?.archivePath).toBeNull();
    expect(person?.itemPrefix).toBeNull();
    expect(listSourceOf({ kind: 'type', type: 'person' }, kinds)).toBeNull();
    expect(
      contentKindsForPath(kinds, '/people/ada/')
        .flat()
        .map((kind) => kind.type),
    ).toContain('person');
  });

  it('reads a REST base and namespace that differ from the name', () => {
    const kinds = buildKinds(
      {
        book: restType('book', {
          viewable: true,
          rest_base: 'library/books',
          rest_namespace: 'shelf/v1',
          has_archive: 'library',
        }),
        widget: restType('widget', { viewable: true, rest_base: 'widgets/(?P<id>[\\d]+)/parts' }),
      },
      {
        genre: {
          slug: 'genre',
          name: 'Genres',
          rest_base: 'book-genres',
          hierarchical: false,
          types: ['book'],
          viewable: true,
          broadsheet_permastruct: '/library/genre/%genre%/',
        },
      },
      addresses,
    );
    const book = kinds.content.find((kind) => kind.type === 'book');
    expect(book?.route).toBe('/shelf/v1/library/books');
    expect(book?.archivePath).toBe('/library/');
    // A REST base that is a pattern is no collection to list.
    expect(names(kinds).content).not.toContain('widget');
    expect(listSourceOf({ kind: 'term', taxonomy: 'genre', id: 5 }, kinds)).toEqual({
      route: '/shelf/v1/library/books',
      params: { 'book-genres': 5 },
      tag: 'wp:list:term:genre:5',
    });
    expect(kinds.taxonomies[0]?.pathPrefix).toBe('/library/genre/');
  });

  it('reads archive links against the Site Address, wherever WordPress is reached', () => {
    const subFolder: SiteAddresses = {
      home: 'https://example.org/en',
      wordpressAddress: 'https://cms.example.org',
      wordpressUrl: 'http://wp.internal',
    };
    const kinds = buildKinds(
      {
        event: restType('event', {
          viewable: true,
          broadsheet_archive_link: 'https://example.org/en/events/',
        }),
      },
      {},
      subFolder,
    );
    expect(kinds.content.find((kind) => kind.type === 'event')?.archivePath).toBe('/events/');
  });

  it('drops a taxonomy none of whose types is viewable', () => {
    const kinds = buildKinds(
      { ledger: restType('ledger', { viewable: false }) },
      {
        account: {
          slug: 'account',
          name: 'Accounts',
          rest_base: 'accounts',
          types: ['ledger'],
          viewable: true,
        },
      },
      addresses,
    );
    expect(names(kinds).taxonomies).toEqual([]);
  });
});

describe('permastructPrefix', () => {
  it.each([
    ['/events/%event%/', '/events/'],
    ['/%postname%/', '/'],
    ['/%year%/%monthnum%/%postname%/', '/'],
    ['/blog/events/%event%', '/blog/events/'],
    ['/shop/item-%product%/', '/shop/'],
    ['', null],
    [null, null],
    ['events/%event%', null],
  ])('%j → %j', (structure, prefix) => {
    expect(permastructPrefix(structure)).toBe(prefix);
  });
});

describe('getKinds, when WordPress keeps its listings from anonymous clients', () => {
  it('serves WordPress’s own kinds, says so once, and throws an outage so the last registry stays', async () => {
    vi.stubEnv('WORDPRESS_URL', 'http://wp.example.test');
    vi.stubEnv('SITE_URL', 'http://localhost:3000');
    vi.stubEnv('WORDPRESS_TIMEOUT_MS', '1500');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fetchMock = vi.fn<typeof fetch>(async (input) => {
      const route = new URL(String(input)).searchParams.get('rest_route');
      if (route === '/wp/v2/types')
        return Response.json(
          { code: 'rest_forbidden', message: 'Sorry.', data: { status: 401 } },
          { status: 401 },
        );
      if (route === '/wp/v2/taxonomies') return Response.json(taxonomies);
      return Response.json(indexFixture);
    });
    vi.stubGlobal('fetch', fetchMock);
    const kinds = await getKinds();
    expect(names(kinds).content).toEqual(['page', 'post']);
    // Only the taxonomies of the types it knows.
    expect(names(kinds).taxonomies).toEqual(['category', 'post_tag']);
    await getKinds();
    expect(errors.mock.calls.filter(([line]) => String(line).includes('/wp/v2/types'))).toHaveLength(1);

    fetchMock.mockImplementation(async () => new Response('down', { status: 503 }));
    await expect(getKinds()).rejects.toThrow();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });
});
