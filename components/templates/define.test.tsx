import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { templateCandidates } from '@/lib/templates/hierarchy';
import { archiveTemplate, articleTemplate } from './built-in';
import {
  defineListTemplate,
  defineTemplate,
  renderListTemplate,
  renderSingularTemplate,
  resolveTemplate,
  type SingularTemplateProps,
  type TemplateRegistry,
} from './define';
import { ListingTemplate, PostTemplate } from './post-template';
import { renderToHtml } from '../render-html.test-helpers';
import { samplePost, site } from './templates.test-helpers';

// Articles inline the site's block CSS; these tests are about templates, without a WordPress.
vi.mock('@/lib/wordpress/block-library', () => ({
  getBlockLibrary: async () => ({ stylesheets: [], blocks: null }),
  blockLibraryFor: () => [],
}));

const builtIns = {
  single: articleTemplate,
  page: articleTemplate,
  archive: archiveTemplate,
  index: archiveTemplate,
};

const named = (name: string) => defineTemplate({ component: () => <p>{name}</p> });
const namedList = (name: string) => defineListTemplate(() => <p>{name}</p>);

describe('resolveTemplate', () => {
  const registry: TemplateRegistry = {
    ...builtIns,
    'single-event': named('single-event'),
    'page-7': named('page-7'),
    'taxonomy-genre': namedList('taxonomy-genre'),
  };

  it('takes the first registered candidate', () => {
    const candidates = templateCandidates({ kind: 'single', type: 'event', slug: 'fair', id: 1 });
    expect(resolveTemplate(candidates, registry)).toEqual({
      name: 'single-event',
      template: registry['single-event'],
    });
    const page = templateCandidates({ kind: 'page', slug: 'about', id: 7 });
    expect(resolveTemplate(page, registry).name).toBe('page-7');
    const term = templateCandidates({ kind: 'term', taxonomy: 'genre', slug: 'jazz', id: 3 });
    expect(resolveTemplate(term, registry).name).toBe('taxonomy-genre');
  });

  it('falls back to the final built-in', () => {
    expect(
      resolveTemplate(templateCandidates({ kind: 'single', type: 'post', slug: 'a', id: 1 }), registry),
    ).toEqual({
      name: 'single',
      template: articleTemplate,
    });
    expect(resolveTemplate(templateCandidates({ kind: 'search' }), registry)).toEqual({
      name: 'index',
      template: archiveTemplate,
    });
  });

  it('passes over a template of the other view, and names that are the registry object’s own properties', () => {
    const mixed = { ...builtIns, 'single-event': namedList('wrong') } as unknown as TemplateRegistry;
    expect(
      resolveTemplate(templateCandidates({ kind: 'single', type: 'event', slug: 'x', id: 1 }), mixed).name,
    ).toBe('single');
    const candidates = { view: 'singular', names: ['constructor', 'toString', 'single'] } as const;
    expect(resolveTemplate(candidates, registry).name).toBe('single');
  });
});

const schema = z.object({ venue: z.string(), capacity: z.number().int() });

function Venue({ fields }: SingularTemplateProps<z.output<typeof schema>>) {
  // Typed fields: capacity is a number here, so toFixed type-checks.
  return (
    <p>
      {fields.venue} for {fields.capacity.toFixed(0)}
    </p>
  );
}

describe('renderSingularTemplate checks fields against the template’s schema', () => {
  afterEach(() => vi.restoreAllMocks());

  const registry: TemplateRegistry = {
    ...builtIns,
    'single-event': defineTemplate({ fieldsSchema: schema, component: Venue }),
  };
  const candidates = templateCandidates({ kind: 'single', type: 'event', slug: 'fair', id: 41 });

  it('renders the template with the parsed fields when they match', async () => {
    const post = samplePost({ id: 90, type: 'event' });
    const { name, element } = renderSingularTemplate(
      candidates,
      { post, site, fields: { venue: 'Town Hall', capacity: 300, extra: true } },
      registry,
    );
    expect(name).toBe('single-event');
    expect(await renderToHtml(element)).toBe('<p>Town Hall for 300</p>');
  });

  it('renders the built-in instead, and logs one line naming the template and the field', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const post = samplePost({ id: 91, type: 'event' });
    const { name, element } = renderSingularTemplate(
      candidates,
      { post, site, fields: { venue: 'Town Hall', capacity: 'many' } },
      registry,
    );
    expect(name).toBe('single');
    const html = await renderToHtml(element);
    expect(html).toContain('<article class="article">');
    expect(html).toContain('Bring a blanket.');
    expect(errors).toHaveBeenCalledTimes(1);
    const line = String(errors.mock.calls[0]?.[0]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^\[templates\] single-event: post #91's .*capacity: .*rendered with single instead$/,
    );
  });

  it('keeps the log line one line whatever the field names', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const strict = z.object({ 'a\nFAKE: b': z.string() });
    const withSchema: TemplateRegistry = {
      ...builtIns,
      'single-event': defineTemplate({ fieldsSchema: strict, component: () => null }),
    };
    renderSingularTemplate(candidates, { post: samplePost({ id: 93 }), site, fields: {} }, withSchema);
    expect(String(errors.mock.calls[0]?.[0])).not.toMatch(/[\n\r]/);
  });

  it('renders the built-in when the schema itself throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const throwing = z.object({}).transform(() => {
      throw new Error('template bug');
    });
    const withSchema: TemplateRegistry = {
      ...builtIns,
      'single-event': defineTemplate({ fieldsSchema: throwing, component: () => <p>never</p> }),
    };
    const { name } = renderSingularTemplate(
      candidates,
      { post: samplePost({ id: 94 }), site, fields: {} },
      withSchema,
    );
    expect(name).toBe('single');
  });

  it('logs a post’s bad fields once, however often it renders', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const props = { post: samplePost({ id: 92, type: 'event' }), site, fields: {} };
    renderSingularTemplate(candidates, props, registry);
    renderSingularTemplate(candidates, props, registry);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain('venue');
  });
});

describe('renderListTemplate', () => {
  it('renders the first registered list template with the list props', async () => {
    const registry: TemplateRegistry = {
      ...builtIns,
      'archive-event': defineListTemplate(({ title }) => <h1>Events: {title}</h1>),
    };
    const posts = { items: [], page: 1, totalItems: 0, totalPages: 1 };
    const props = { title: 'All', posts, site, basePath: '/events/' };
    const { name, element } = renderListTemplate(
      templateCandidates({ kind: 'archive', type: 'event' }),
      props,
      registry,
    );
    expect(name).toBe('archive-event');
    expect(await renderToHtml(element)).toBe('<h1>Events: All</h1>');
  });
});

describe('the site’s registry', () => {
  it('renders a post and a page with Article, and a list with ArchiveView', async () => {
    const post = await renderToHtml(<PostTemplate post={samplePost()} site={site} customFields={[]} />);
    expect(post).toContain('<h1 class="article__title">Brass in the Park</h1>');
    const page = await renderToHtml(
      <PostTemplate post={samplePost({ type: 'page', slug: 'about' })} site={site} customFields={{}} />,
    );
    expect(page).toContain('<h1 class="article__title">Brass in the Park</h1>');
    const posts = { items: [samplePost()], page: 1, totalItems: 1, totalPages: 1 };
    const list = await renderToHtml(
      <ListingTemplate
        subject={{ kind: 'date' }}
        title="May 2026"
        posts={posts}
        site={site}
        basePath="/2026/05/"
      />,
    );
    expect(list).toContain('<h1 class="page-title">May 2026</h1>');
    expect(list).toContain('<article class="post-card">');
    expect(list).toContain('Brass in the Park</a>');
  });
});

describe('types', () => {
  it('reject a misplaced or misspelt template, and a component whose fields do not fit its schema', () => {
    const misplaced: TemplateRegistry = {
      ...builtIns,
      // @ts-expect-error A list template cannot be a single's.
      'single-event': namedList('list'),
    };
    const misspelt: TemplateRegistry = {
      ...builtIns,
      // @ts-expect-error Not a WordPress template name.
      singel: named('typo'),
    };
    defineTemplate({
      fieldsSchema: z.object({ venue: z.number() }),
      // @ts-expect-error The schema makes venue a number; Venue expects a string.
      component: Venue,
    });
    expect(Object.keys(misplaced)).toContain('single-event');
    expect(Object.keys(misspelt)).toContain('singel');
  });
});
