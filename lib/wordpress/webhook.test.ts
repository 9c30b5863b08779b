import { describe, expect, it } from 'vitest';
import { ReplayGuard, signWebhook, tagsForEvent, type WebhookEvent } from './webhook';
import { NOW, SECRET, verifySigned } from './webhook.test-helpers';

const postEvent: WebhookEvent = {
  id: 'b8f3c1d2-0000-4000-8000-000000000001',
  type: 'post',
  action: 'updated',
  object: {
    id: 42,
    post_type: 'post',
    slug: 'salt-roads',
    previous_slug: 'salt-road',
    status: 'publish',
    author: 3,
    categories: [5, 9],
    tags: [11],
    date_gmt: '2024-03-05T10:00:00Z',
  },
};

function signed(event: unknown, overrides: Parameters<typeof verifySigned>[1] = {}) {
  return verifySigned(JSON.stringify(event), overrides);
}

describe('verifyWebhook', () => {
  it('accepts a correctly signed event and names the tags it touches', () => {
    const verdict = signed(postEvent);
    expect(verdict.status).toBe(200);
    if (verdict.status !== 200) return;
    expect(verdict.tags).toContain('wp:content:42');
  });

  it('refuses a signature made with another secret (401)', () => {
    const body = JSON.stringify(postEvent);
    const verdict = signed(postEvent, {
      signature: signWebhook('another-secret-entirely-here', String(NOW), body),
    });
    expect(verdict).toMatchObject({ status: 401, error: 'Bad signature.' });
  });

  it('refuses a body altered after signing (401)', () => {
    const body = JSON.stringify(postEvent);
    const verdict = signed(postEvent, {
      signature: signWebhook(SECRET, String(NOW), body),
      body: body.replace('salt-roads', 'other-post'),
    });
    expect(verdict.status).toBe(401);
  });

  it('refuses missing or malformed signature headers (401)', () => {
    expect(signed(postEvent, { signature: null }).status).toBe(401);
    expect(signed(postEvent, { timestamp: null }).status).toBe(401);
    expect(signed(postEvent, { timestamp: '12abc' }).status).toBe(401);
    expect(signed(postEvent, { signature: 'sha256=00' }).status).toBe(401);
  });

  it('refuses a timestamp more than five minutes off, either way (401)', () => {
    for (const skew of [-301, 301]) {
      const timestamp = String(NOW + skew);
      const body = JSON.stringify(postEvent);
      const verdict = signed(postEvent, { timestamp, signature: signWebhook(SECRET, timestamp, body) });
      expect(verdict).toMatchObject({ status: 401, error: 'Timestamp outside the allowed window.' });
    }
    const timestamp = String(NOW - 299);
    const body = JSON.stringify(postEvent);
    expect(signed(postEvent, { timestamp, signature: signWebhook(SECRET, timestamp, body) }).status).toBe(
      200,
    );
  });

  it('refuses the same event twice (401, replay)', () => {
    const replayGuard = new ReplayGuard();
    expect(signed(postEvent, { replayGuard }).status).toBe(200);
    expect(signed(postEvent, { replayGuard })).toMatchObject({
      status: 401,
      error: 'Event already received.',
    });
  });

  it('refuses a correctly signed body that is not JSON, or not an event (400)', () => {
    const body = '{not json';
    expect(signed(null, { body, signature: signWebhook(SECRET, String(NOW), body) })).toMatchObject({
      status: 400,
    });
    expect(signed({ ...postEvent, type: 'comet' }).status).toBe(400);
    expect(signed({ ...postEvent, object: { id: 'forty-two' } }).status).toBe(400);
  });

  it('refuses everything while no secret is configured (503)', () => {
    expect(signed(postEvent, { secret: null }).status).toBe(503);
  });
});

describe('tagsForEvent', () => {
  it('a post change reaches its page and every list it appears in, not the whole site', () => {
    expect(new Set(tagsForEvent(postEvent))).toEqual(
      new Set([
        'wp:content:42',
        // Approved comments' changes arrive as their post's "updated" event.
        'wp:comments:42',
        'wp:slug:post:salt-roads',
        'wp:slug:post:salt-road',
        'wp:list:home',
        'wp:list:sticky',
        'wp:list:search',
        'wp:list:type:post',
        'wp:feeds:post',
        'wp:sitemap:type:post',
        'wp:sitemap:taxonomy:category',
        'wp:sitemap:taxonomy:post_tag',
        'wp:sitemap:authors',
        'wp:list:term:category:5',
        'wp:list:term:category:9',
        'wp:list:term:post_tag:11',
        'wp:list:author:3',
        'wp:list:date:2024',
        'wp:list:date:2024-03',
      ]),
    );
  });

  it('an edit leaves the sticky posts and the lists’ Yoast heads alone: only they would ask WordPress again', () => {
    const tags = tagsForEvent({ ...postEvent, object: { ...postEvent.object, sticky: false } });
    expect(tags).toContain('wp:list:home');
    expect(tags).not.toContain('wp:list:sticky');
    expect(tags.filter((tag) => tag.endsWith(':head'))).toEqual([]);
    // A sticky post's edit changes the sticky list; an older plugin that does not say is read as sticky.
    expect(tagsForEvent({ ...postEvent, object: { ...postEvent.object, sticky: true } })).toContain(
      'wp:list:sticky',
    );
  });

  it('an edit that keeps the post where it is listed leaves its lists to its content tag, which they carry', () => {
    const tags = tagsForEvent({
      ...postEvent,
      object: { ...postEvent.object, sticky: true, lists_unchanged: true },
    });
    expect(new Set(tags)).toEqual(
      new Set([
        'wp:content:42',
        'wp:comments:42',
        'wp:slug:post:salt-roads',
        'wp:slug:post:salt-road',
        // A new title or text can change what a search finds.
        'wp:list:search',
        'wp:feeds:post',
        'wp:sitemap:type:post',
        'wp:sitemap:taxonomy:category',
        'wp:sitemap:taxonomy:post_tag',
        'wp:sitemap:authors',
      ]),
    );
  });

  it('a custom type’s item kept where it is listed leaves its archive and terms alone too', () => {
    const tags = tagsForEvent({
      id: 'b8f3c1d2-0000-4000-8000-000000000006',
      type: 'post',
      action: 'updated',
      object: { id: 125, post_type: 'event', terms: { event_series: [26] }, lists_unchanged: true },
    });
    expect(tags.filter((tag) => tag.startsWith('wp:list:'))).toEqual(['wp:list:search']);
    expect(tags).toEqual(expect.arrayContaining(['wp:content:125', 'wp:feeds:event']));
  });

  it('every list as before when the listing changed, the plugin does not say, or the post appears or goes', () => {
    const before = new Set(tagsForEvent(postEvent));
    expect(
      new Set(tagsForEvent({ ...postEvent, object: { ...postEvent.object, lists_unchanged: false } })),
    ).toEqual(before);
    for (const action of ['created', 'status_changed', 'deleted'] as const) {
      expect(
        new Set(
          tagsForEvent({ ...postEvent, action, object: { ...postEvent.object, lists_unchanged: true } }),
        ),
      ).toEqual(new Set(tagsForEvent({ ...postEvent, action })));
    }
  });

  it('a post that appears or goes changes its lists’ page counts, and so their heads’ prev/next', () => {
    for (const action of ['created', 'status_changed', 'deleted'] as const) {
      const tags = tagsForEvent({ ...postEvent, action });
      for (const list of [
        'wp:list:home',
        'wp:list:term:category:5',
        'wp:list:author:3',
        'wp:list:date:2024-03',
      ]) {
        expect(tags, action).toContain(`${list}:head`);
      }
    }
  });

  it('a post that appears or goes also reaches the navigation, which every page shows', () => {
    expect(tagsForEvent(postEvent)).not.toContain('wp:nav:categories');
    for (const action of ['created', 'status_changed', 'deleted'] as const) {
      expect(tagsForEvent({ ...postEvent, action })).toContain('wp:nav:categories');
    }
  });

  it('a page change reaches the page, the pages sitemap and search only', () => {
    const tags = tagsForEvent({
      id: 'b8f3c1d2-0000-4000-8000-000000000002',
      type: 'page',
      action: 'updated',
      object: { id: 7, slug: 'team' },
    });
    expect(tags.sort()).toEqual([
      'wp:content:7',
      'wp:list:search',
      'wp:sitemap:type:page',
      'wp:slug:page:team',
    ]);
  });

  it('a custom type’s item reaches its page, its archive and its terms, never the front page', () => {
    const tags = tagsForEvent({
      id: 'b8f3c1d2-0000-4000-8000-000000000004',
      type: 'post',
      action: 'updated',
      object: {
        id: 125,
        post_type: 'event',
        slug: 'bridges-at-dusk',
        author: 4,
        categories: [],
        tags: [],
        terms: { event_series: [26, 24] },
        date_gmt: '2026-03-01T10:00:00',
      },
    });
    expect(new Set(tags)).toEqual(
      new Set([
        'wp:content:125',
        'wp:comments:125',
        'wp:slug:event:bridges-at-dusk',
        'wp:list:type:event',
        'wp:list:search',
        'wp:feeds:event',
        'wp:sitemap:type:event',
        'wp:sitemap:taxonomy:event_series',
        'wp:sitemap:taxonomy:category',
        'wp:sitemap:taxonomy:post_tag',
        'wp:list:term:event_series:26',
        'wp:list:term:event_series:24',
      ]),
    );
    expect(tags).not.toContain('wp:list:home');
    expect(tags).not.toContain('wp:list:author:4');
    expect(tags.some((tag) => tag.startsWith('wp:list:date:'))).toBe(false);
  });

  it('term, user, menu and settings changes reach their own lists', () => {
    expect(
      tagsForEvent({
        id: 'b8f3c1d2-0000-4000-8000-000000000005',
        action: 'updated',
        type: 'term',
        object: { id: 24, taxonomy: 'event_series', slug: 'lantern-evenings' },
      }).sort(),
    ).toEqual([
      'wp:list:term:event_series:24',
      // The term's name is in its archive's title, Yoast's head included.
      'wp:list:term:event_series:24:head',
      'wp:sitemap:taxonomy:event_series',
      'wp:term-slug:event_series:lantern-evenings',
    ]);
    const base = { id: 'b8f3c1d2-0000-4000-8000-000000000003', action: 'updated' } as const;
    expect(
      tagsForEvent({ ...base, type: 'term', object: { id: 5, taxonomy: 'category', slug: 'cities' } }),
    ).toEqual(
      expect.arrayContaining([
        'wp:list:term:category:5',
        'wp:term-slug:category:cities',
        'wp:nav:categories',
      ]),
    );
    expect(
      tagsForEvent({ ...base, type: 'term', object: { id: 11, taxonomy: 'post_tag', slug: 'bread' } }),
    ).toEqual(expect.arrayContaining(['wp:list:term:post_tag:11', 'wp:term-slug:post_tag:bread']));
    expect(tagsForEvent({ ...base, type: 'user', object: { id: 3, slug: 'mholt' } })).toEqual(
      expect.arrayContaining(['wp:list:author:3', 'wp:list:author:3:head', 'wp:term-slug:author:mholt']),
    );
    expect(tagsForEvent({ ...base, type: 'menu', object: { id: 1 } })).toEqual([
      'wp:nav:categories',
      'wp:nav:menus',
    ]);
    expect(tagsForEvent({ ...base, type: 'redirect', object: { id: 3 } })).toEqual(['wp:redirects']);
    expect(tagsForEvent({ ...base, type: 'settings', object: { option: 'blogname' } })).toEqual([
      'wp:site',
      'wp:kinds',
    ]);
  });
});
