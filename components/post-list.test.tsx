import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostList } from './post-list';
import { samplePost, site } from './templates/templates.test-helpers';

const image = (name: string) => ({
  url: `https://news.example.org/wp-content/uploads/${name}.jpg`,
  width: 1600,
  height: 900,
  alt: name,
  sizes: [300, 768, 1024].map((width) => ({
    url: `https://news.example.org/wp-content/uploads/${name}-${width}.jpg`,
    width,
    height: (width * 9) / 16,
  })),
});

const posts = ['first', 'second', 'third'].map((slug, index) =>
  samplePost({ id: index + 1, slug, path: `/${slug}/`, title: slug, featuredImage: image(slug) }),
);

const html = () =>
  renderToStaticMarkup(
    <PostList posts={{ items: posts, page: 1, totalItems: 3, totalPages: 1 }} site={site} basePath="/" />,
  );

/** The <img> tags of the rendered list, in order. */
const images = () => html().match(/<img[^>]*>/g) ?? [];

describe('PostList images', () => {
  it('fetches the first card’s image early and at high priority: on a phone it is the largest paint', () => {
    const [first, ...rest] = images();
    expect(first).toContain('fetchPriority="high"');
    expect(first).not.toContain('loading="lazy"');
    expect(rest).toHaveLength(2);
    for (const tag of rest) {
      expect(tag).toContain('loading="lazy"');
      expect(tag).not.toContain('fetchPriority');
    }
  });

  it('has React preload the first image alone, so the browser finds it before the stylesheets', () => {
    const preloads = html().match(/<link rel="preload" as="image"[^>]*>/g) ?? [];
    expect(preloads).toHaveLength(1);
    expect(preloads[0]).toContain('first-768.jpg');
  });
});
