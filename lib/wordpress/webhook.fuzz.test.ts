import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayGuard, signWebhook, tagsForEvent, webhookEventSchema } from './webhook';
import { NOW, SECRET, verifySigned } from './webhook.test-helpers';

/**
 * Property-based checks of the webhook's edges: whatever arrives at /api/revalidate — noise,
 * signed noise, or any event the schema admits — the verifier answers with a verdict and never
 * throws (a throw would be a 500), and the tags of an accepted event are usable cache tags.
 */
/** Next ignores longer cache tags. */
const NEXT_MAX_TAG_LENGTH = 256;
const VERDICTS = [200, 400, 401, 413, 503];

const slug = fc.stringMatching(/^[a-z0-9%_-]{1,200}$/);
const id = fc.nat({ max: 2 ** 31 });
const action = fc.constantFrom('created', 'updated', 'status_changed', 'deleted');
const eventId = fc.uuid();
const date = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
  .map((value) => value.toISOString());
const postObject = fc.record(
  {
    id,
    post_type: fc.constantFrom('post', 'page', 'product'),
    slug,
    previous_slug: slug,
    status: fc.constantFrom('publish', 'draft', 'trash', 'private'),
    previous_status: fc.constantFrom('publish', 'draft', 'trash', 'private'),
    author: id,
    categories: fc.array(id, { maxLength: 20 }),
    tags: fc.array(id, { maxLength: 20 }),
    date_gmt: fc.oneof(date, fc.string({ maxLength: 40 })),
    sticky: fc.boolean(),
    lists_unchanged: fc.boolean(),
  },
  { requiredKeys: ['id'] },
);
/** Every event the companion plugin may send, within the schema's limits. */
const anyEvent = fc.oneof(
  fc.record({ id: eventId, type: fc.constantFrom('post', 'page'), action, object: postObject }),
  fc.record({
    id: eventId,
    type: fc.constant('term'),
    action,
    object: fc.record(
      { id, taxonomy: fc.constantFrom('category', 'post_tag', 'product_cat'), slug },
      { requiredKeys: ['id', 'taxonomy'] },
    ),
  }),
  fc.record({
    id: eventId,
    type: fc.constant('user'),
    action,
    object: fc.record({ id, slug }, { requiredKeys: ['id'] }),
  }),
  fc.record({ id: eventId, type: fc.constant('menu'), action, object: fc.record({ id }) }),
  fc.record({
    id: eventId,
    type: fc.constant('settings'),
    action,
    object: fc.record({ option: fc.string({ maxLength: 200 }) }),
  }),
);

describe('webhook verifier, fuzzed', () => {
  it('answers any unsigned request with a refusal, never a throw', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.option(fc.string({ maxLength: 40 })),
        fc.option(fc.string({ maxLength: 100 })),
        (body, timestamp, signature) => {
          const verdict = verifySigned(body, { timestamp, signature });
          expect([401, 413]).toContain(verdict.status);
        },
      ),
    );
  });

  it('answers any signed body, JSON or not, with a verdict, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 500 })),
        (body) => {
          expect(VERDICTS).toContain(verifySigned(body).status);
        },
      ),
    );
  });

  it('accepts every well-formed event once, with precise, usable tags', () => {
    fc.assert(
      fc.property(anyEvent, (event) => {
        expect(webhookEventSchema.safeParse(event).success).toBe(true);
        const body = JSON.stringify(event);
        const replayGuard = new ReplayGuard();
        const verdict = verifySigned(body, { replayGuard });
        expect(verdict.status).toBe(200);
        if (verdict.status !== 200) return;
        expect(verdict.tags).toEqual(tagsForEvent(verdict.event));
        expect(new Set(verdict.tags).size).toBe(verdict.tags.length);
        for (const tag of verdict.tags) {
          expect(tag).toMatch(/^wp:/);
          expect(tag.length).toBeLessThanOrEqual(NEXT_MAX_TAG_LENGTH);
        }
        // The same event again is a replay.
        expect(verifySigned(body, { replayGuard }).status).toBe(401);
      }),
    );
  });

  it('drops only list tags, search’s excepted, for an edit that keeps a post where it is listed', () => {
    fc.assert(
      fc.property(
        fc.record({ id: eventId, type: fc.constantFrom('post', 'page'), action, object: postObject }),
        (event) => {
          const all = tagsForEvent({ ...event, object: { ...event.object, lists_unchanged: undefined } });
          const tags = tagsForEvent({ ...event, object: { ...event.object, lists_unchanged: true } });
          const dropped = all.filter((tag) => !tags.includes(tag));
          expect(tags.every((tag) => all.includes(tag))).toBe(true);
          if (event.action !== 'updated') expect(dropped).toEqual([]);
          for (const tag of dropped) {
            expect(tag).toMatch(/^wp:list:/);
            expect(tag).not.toBe('wp:list:search');
          }
          expect(tags).toContain(`wp:content:${event.object.id}`);
        },
      ),
    );
  });

  it('refuses any change to a signed event', () => {
    fc.assert(
      fc.property(anyEvent, fc.nat(), fc.integer({ min: 1, max: 255 }), (event, at, flip) => {
        const body = JSON.stringify(event);
        const position = at % body.length;
        const altered =
          body.slice(0, position) +
          String.fromCharCode(body.charCodeAt(position) ^ flip) +
          body.slice(position + 1);
        const timestamp = String(NOW);
        const verdict = verifySigned(altered, { signature: signWebhook(SECRET, timestamp, body) });
        expect(verdict.status).toBe(401);
      }),
    );
  });
});
