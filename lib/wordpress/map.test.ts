import { describe, it, expect } from 'vitest';
import pageFixture from './fixtures/page.json';
import postFixture from './fixtures/post.json';
import protectedFixture from './fixtures/post-protected.json';
import postsFixture from './fixtures/posts.json';
import { mapImage, mapPost, mapPostSummary, toIsoUtc } from './map';
import { singleAddress } from './paths';
import { rawPostListSchema, rawPostSchema, type RawPost } from './schemas';

const HOME = singleAddress('http://wp.example.test');

const post = (): RawPost => rawPostSchema.parse(postFixture);
const list = (): RawPost[] => rawPostListSchema.parse(postsFixture);

/** The same payload as WordPress installed in http://wp.example.test/blog would send it. */
function inSubFolder(fixture: unknown): unknown {
  return JSON.parse(
    JSON.stringify(fixture).replaceAll('http://wp.example.test/', 'http://wp.example.test/blog/'),
  );
}

function listItem(index: number): RawPost {
  const item = list()[index];
  if (!item) throw new Error(`posts.json has no item ${index}`);
  return item;
}

describe('mapPost on a post with everything embedded', () => {
  it('decodes entities and strips markup from the title', () => {
    expect(mapPost(post(), HOME).title).toBe('The Keeper’s Log: Notes from Gull Rock');
  });

  it('gives the path relative to the WordPress home', () => {
    const mapped = mapPost(post(), HOME);
    expect(mapped.path).toBe('/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(mapped.wordpressLink).toBe('http://wp.example.test/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(mapped.slug).toBe('the-last-keeper-of-gull-rock');
    expect(mapped.type).toBe('post');
    expect(mapped.id).toBe(412);
  });

  it('gives paths relative to a sub-folder WordPress home', () => {
    const mapped = mapPost(
      rawPostSchema.parse(inSubFolder(postFixture)),
      singleAddress('http://wp.example.test/blog'),
    );
    expect(mapped.path).toBe('/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(mapped.authors.map((author) => author.path)).toEqual([
      '/author/ofenwick/',
      '/author/tomas-bryn-aldous/',
    ]);
    expect(mapped.categories.map((term) => term.path)).toEqual(['/category/essays/']);
    expect(mapped.tags.map((term) => term.path)).toEqual(['/tag/lighthouses/', '/tag/coast-and-sea/']);
  });

  it('gives dates as ISO 8601 in UTC, from the *_gmt fields', () => {
    const mapped = mapPost(post(), HOME);
    expect(mapped.publishedAt).toBe('2024-03-05T14:30:00Z');
    expect(mapped.modifiedAt).toBe('2024-03-11T20:02:41Z');
    expect(new Date(mapped.publishedAt).toISOString()).toBe('2024-03-05T14:30:00.000Z');
  });

  it('keeps the featured image sizes without the square crop, narrowest first', () => {
    const image = mapPost(post(), HOME).featuredImage;
    expect(image).not.toBeNull();
    expect(image?.url).toBe('http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp.jpg');
    expect(image?.width).toBe(1600);
    expect(image?.height).toBe(900);
    expect(image?.alt).toBe('The lamp room at dusk, its brass fittings catching the last light');
    expect(image?.sizes).toEqual([
      {
        url: 'http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp-300x169.jpg',
        width: 300,
        height: 169,
      },
      {
        url: 'http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp-768x432.jpg',
        width: 768,
        height: 432,
      },
      {
        url: 'http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp-1024x576.jpg',
        width: 1024,
        height: 576,
      },
      {
        url: 'http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp.jpg',
        width: 1600,
        height: 900,
      },
    ]);
  });

  it("uses Co-Authors Plus's embedded author terms instead of the embedded author", () => {
    expect(mapPost(post(), HOME).authors).toEqual([
      {
        id: null,
        name: 'Odile Fenwick',
        slug: 'ofenwick',
        path: '/author/ofenwick/',
        bio: '',
        avatarUrl: null,
      },
      {
        id: null,
        name: 'Tomas & Bryn Aldous',
        slug: 'tomas-bryn-aldous',
        path: '/author/tomas-bryn-aldous/',
        bio: '',
        avatarUrl: null,
      },
    ]);
    // Author terms are people, not topics.
    expect(mapPost(post(), HOME).tags.map((tag) => tag.taxonomy)).not.toContain('author');
  });

  it('uses the embedded author when there are no co-authors', () => {
    const authors = mapPost(rawPostSchema.parse({ ...postFixture, coauthors: [] }), HOME).authors;
    expect(authors).toEqual([
      {
        id: 3,
        name: 'Odile Fenwick',
        slug: 'ofenwick',
        path: '/author/ofenwick/',
        bio: 'Odile Fenwick edits the coastal desk of The Lantern Quarterly.',
        avatarUrl: 'http://wp.example.test/wp-content/uploads/2023/01/odile-96x96.jpg',
      },
    ]);
  });

  it('splits embedded terms into categories and tags, names decoded', () => {
    const mapped = mapPost(post(), HOME);
    expect(mapped.categories).toEqual([
      { id: 4, name: 'Essays', slug: 'essays', taxonomy: 'category', path: '/category/essays/' },
    ]);
    expect(mapped.tags.map((tag) => tag.name)).toEqual(['Lighthouses', 'Coast & Sea']);
  });

  it('keeps the content unsanitised, the SEO data and the comment status', () => {
    const mapped = mapPost(post(), HOME);
    expect(mapped.contentHtml).toBe(postFixture.content.rendered);
    expect(mapped.isPasswordProtected).toBe(false);
    expect(mapped.commentStatus).toBe('open');
    expect(mapped.seo.yoastHeadJson).toMatchObject({
      canonical: 'http://wp.example.test/2024/03/05/the-last-keeper-of-gull-rock/',
      og_site_name: 'The Lantern Quarterly',
    });
  });

  it('gives a plain-text excerpt', () => {
    expect(mapPost(post(), HOME).excerpt).toBe(
      'For thirty-one winters the lamp on Gull Rock was wound by hand, and for the last nine of them the hand belonged to Ines Harrow …',
    );
  });
});

describe('mapPost on a page and a protected post', () => {
  it('maps a hierarchical page', () => {
    const page = mapPost(rawPostSchema.parse(pageFixture), HOME);
    expect(page.type).toBe('page');
    expect(page.path).toBe('/about/masthead/');
    expect(page.title).toBe('Masthead');
    expect(page.commentStatus).toBe('closed');
    expect(page.featuredImage).toBeNull();
    expect(page.categories).toEqual([]);
    expect(page.authors.map((author) => author.name)).toEqual(['lantern-admin']);
  });

  it('empties the excerpt and flags the content of a password-protected post', () => {
    const mapped = mapPost(rawPostSchema.parse(protectedFixture), HOME);
    expect(mapped.isPasswordProtected).toBe(true);
    expect(mapped.contentHtml).toBe('');
    expect(mapped.excerpt).toBe('');
    expect(mapped.title).toBe('Subscribers’ Dispatch: April');
    expect(mapped.seo).toEqual({ yoastHeadJson: null });
  });

  it('drops an embedded author WordPress could not include', () => {
    expect(mapPost(rawPostSchema.parse(protectedFixture), HOME).authors).toEqual([]);
  });
});

describe('mapPostSummary on a list', () => {
  it('maps every summary', () => {
    const summaries = list().map((raw) => mapPostSummary(raw, HOME));
    expect(summaries.map((summary) => summary.title)).toEqual([
      'Salt Roads & the Winter Ferries',
      'Letters: “Your Map Was Wrong”',
      'The Keeper’s Log: Notes from Gull Rock',
    ]);
    expect(summaries.map((summary) => summary.path)).toEqual([
      '/2024/04/02/salt-roads/',
      '/2024/03/20/letters-to-the-editor-spring/',
      '/2024/03/05/the-last-keeper-of-gull-rock/',
    ]);
    expect(summaries.map((summary) => summary.sticky)).toEqual([false, true, false]);
    expect(summaries[1]?.excerpt).toBe(
      'Readers write in about a misplaced lighthouse, a missing ferry and the correct way to pronounce Skerryvane.',
    );
  });

  it('gives featuredImage null for an embedded error object, without throwing', () => {
    const summary = mapPostSummary(listItem(0), HOME);
    expect(summary.featuredImage).toBeNull();
    expect(summary.authors.map((author) => author.name)).toEqual(['Priya Castellane']);
  });

  it('gives featuredImage null when nothing is embedded', () => {
    expect(mapPostSummary(listItem(1), HOME).featuredImage).toBeNull();
  });

  it('gives featuredImage null for a rest_forbidden error injected into a full post', () => {
    const raw = rawPostSchema.parse({
      ...postFixture,
      _embedded: { ...postFixture._embedded, 'wp:featuredmedia': [{ code: 'rest_forbidden' }] },
    });
    expect(mapPostSummary(raw, HOME).featuredImage).toBeNull();
  });

  it('falls back to /?p=ID for a link on another origin', () => {
    const raw = rawPostSchema.parse({ ...postFixture, link: 'https://elsewhere.example.org/gull-rock/' });
    expect(mapPostSummary(raw, HOME).path).toBe('/?p=412');
  });
});

describe('toIsoUtc', () => {
  it('appends Z to WordPress GMT dates', () => {
    expect(toIsoUtc('2024-03-05T14:30:00', '2024-03-05T09:30:00')).toBe('2024-03-05T14:30:00Z');
  });

  it('keeps an explicit zone', () => {
    expect(toIsoUtc('2024-03-05T14:30:00Z', 'x')).toBe('2024-03-05T14:30:00Z');
    expect(toIsoUtc('2024-03-05T14:30:00+00:00', 'x')).toBe('2024-03-05T14:30:00+00:00');
  });
});

describe('mapImage', () => {
  it('falls back to the largest size when the full dimensions are missing', () => {
    const image = mapImage({
      id: 1,
      source_url: 'http://wp.example.test/wp-content/uploads/tide-chart.png',
      alt_text: '',
      media_details: {
        sizes: {
          large: { source_url: 'http://wp.example.test/l.png', width: 1024, height: 768 },
          medium: { source_url: 'http://wp.example.test/m.png', width: 300, height: 225 },
        },
      },
    });
    expect(image.width).toBe(1024);
    expect(image.height).toBe(768);
    expect(image.sizes.map((size) => size.width)).toEqual([300, 1024]);
  });
});
