import type { TemplateSite } from './define';
import type { Post } from '@/lib/wordpress';

export const site: TemplateSite = {
  timezone: 'Europe/London',
  language: 'en-GB',
  dateFormat: 'F j, Y',
  timeFormat: 'g:i a',
  addresses: {
    home: 'https://news.example.org',
    wordpressAddress: 'https://news.example.org',
    wordpressUrl: 'https://news.example.org',
  },
};

/** A post as lib/wordpress gives it, of the type and slug a test needs. */
export function samplePost(overrides: Partial<Post> = {}): Post {
  return {
    id: 41,
    type: 'post',
    slug: 'brass-in-the-park',
    path: '/events/brass-in-the-park/',
    title: 'Brass in the Park',
    excerpt: 'A summer evening of brass bands.',
    publishedAt: '2026-05-02T09:00:00Z',
    modifiedAt: '2026-05-03T09:00:00Z',
    sticky: false,
    authors: [],
    featuredImage: null,
    categories: [],
    tags: [],
    contentHtml: '<p>Bring a blanket.</p>',
    isPasswordProtected: false,
    commentStatus: 'closed',
    hasApprovedComments: null,
    wordpressLink: 'https://news.example.org/events/brass-in-the-park/',
    customFields: {},
    seo: { yoastHeadJson: null },
    ...overrides,
  };
}
