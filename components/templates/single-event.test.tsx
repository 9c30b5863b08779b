import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToHtml } from '../render-html.test-helpers';
import { PostTemplate } from './post-template';
import { samplePost, site } from './templates.test-helpers';

const event = samplePost({ id: 120, type: 'event', slug: 'brass-in-the-park' });

/** An event's `acf` object as WordPress's REST API sends it. */
const acf = {
  venue: 'Bandstand, Victoria Park',
  starts_at: '2026-07-04 19:30:00',
  ticket_link: { title: 'Book a seat', url: 'https://news.example.org/tickets/brass/', target: '' },
  poster: {
    id: 88,
    type: 'image',
    url: 'https://news.example.org/wp-content/uploads/2026/06/poster.jpg',
    alt: 'A brass band on a bandstand',
    width: 1600,
    height: 1200,
    sizes: {
      large: 'https://news.example.org/wp-content/uploads/2026/06/poster-1024x768.jpg',
      'large-width': 1024,
      'large-height': 768,
    },
  },
  programme: '<h1>Running order</h1><ul><li>Overture</li><li>Marches</li></ul>',
};

// Articles inline the site's block CSS; these tests are about the template, without a WordPress.
vi.mock('@/lib/wordpress/block-library', () => ({
  getBlockLibrary: async () => ({ stylesheets: [], blocks: null }),
  blockLibraryFor: () => [],
}));

const render = (customFields: unknown, post = event, unlocked?: boolean) =>
  renderToHtml(<PostTemplate post={post} site={site} customFields={customFields} unlocked={unlocked} />);

describe('single-event', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders the article, then the event’s details as a description list', async () => {
    const html = await render(acf);
    expect(html).toContain('<h1 class="article__title">Brass in the Park</h1>');
    expect(html).toContain('<p>Bring a blanket.</p>');
    expect(html).toMatch(
      /<dl class="event__details"><dt>Venue<\/dt><dd>Bandstand, Victoria Park<\/dd><dt>Starts<\/dt><dd><time dateTime="2026-07-04T19:30:00">Saturday,? 4 July 2026 at 19:30<\/time><\/dd><dt>Tickets<\/dt><dd><a href="\/tickets\/brass\/?">Book a seat<\/a><\/dd><\/dl>/,
    );
    expect(html.indexOf('</article>')).toBeLessThan(html.indexOf('<section class="event"'));
  });

  it('shows the poster through the image component, and the programme sanitised (its heading below the page’s)', async () => {
    const html = await render(acf);
    expect(html).toContain('src="https://news.example.org/wp-content/uploads/2026/06/poster-1024x768.jpg"');
    expect(html).toContain('alt="A brass band on a bandstand"');
    expect(html).toContain('<h2>Running order</h2><ul><li>Overture</li><li>Marches</li></ul>');
  });

  it('shows the poster lazily, without preloading it ahead of the page’s own images', async () => {
    const html = await render(acf);
    expect(html).toMatch(/<figure class="event__poster"><img [^>]*loading="lazy"/);
    expect(html).not.toContain('rel="preload"');
  });

  it('shows hostile field values harmlessly', async () => {
    const html = await render({
      ...acf,
      venue: 'Hall"><script>alert(1)</script> <b>B</b>',
      ticket_link: {
        title: '<img src=x onerror=alert(1)>',
        url: 'https://tickets.example.com/',
        target: '_blank',
      },
      programme:
        '<p onmouseover="alert(1)">Overture<script>alert(2)</script></p><a href="javascript:alert(3)">x</a>',
    });
    expect(html).not.toMatch(/<script|<[^>]*\son\w+=|javascript:/i);
    expect(html).toContain(
      '<a href="https://tickets.example.com/" target="_blank" rel="noopener noreferrer">',
    );
    expect(html).toContain('<p>Overture</p>');
    expect(html).toContain('<dd>Hall&quot;&gt; B</dd>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</a>');
  });

  it('leaves out a ticket link that is not safe to follow', async () => {
    const html = await render({
      ...acf,
      ticket_link: { title: 'Tickets', url: 'javascript:alert(1)', target: '' },
    });
    expect(html).toContain('<dt>Venue</dt>');
    expect(html).not.toMatch(/Tickets|javascript/);
  });

  it('leaves out what is empty, as ACF reports it', async () => {
    const html = await render({ ...acf, ticket_link: null, poster: false, programme: '' });
    expect(html).toContain('<dt>Venue</dt>');
    expect(html).not.toContain('Tickets');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('Programme');
  });

  it('falls back to the plain article, with one line in the log, when a field does not match', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const html = await render({ ...acf, starts_at: 'soon' }, { ...event, id: 121 });
    expect(html).toContain('<h1 class="article__title">Brass in the Park</h1>');
    expect(html).not.toContain('event__details');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(
      /^\[templates\] single-event: post #121's custom fields .*\(starts_at: [^;]*\); rendered with single instead$/,
    );
  });

  it('keeps a password-protected event’s details locked with its content', async () => {
    const locked = { ...event, isPasswordProtected: true };
    expect(await render(acf, locked)).not.toContain('Bandstand');
    expect(await render(acf, locked, true)).toContain('Bandstand');
  });

  it('renders a locked event as its password form, with no complaint about the fields it may not see', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = await render(acf, { ...event, id: 140, isPasswordProtected: true });
    expect(html).toContain('name="password"');
    expect(errors).not.toHaveBeenCalled();
  });

  it('is for events only: a post of another type renders as an article', async () => {
    expect(await render(acf, samplePost())).not.toContain('event__details');
  });
});
