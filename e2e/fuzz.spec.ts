import { readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { webhookSignatureHeaders } from './wordpress';

/**
 * What scanners and broken clients send: generated paths, query strings and webhook bodies
 * against the running app. Whatever arrives, the answer is never a server error, and the app
 * never logs an unhandled rejection. Bounded (a fixed seed and number of requests) so it costs
 * the same every run; a failure names the request (without shrinking, which would multiply the
 * requests; rerun with the seed fast-check prints to explore).
 */
const secret = process.env.E2E_BROADSHEET_SECRET ?? '';
const appLog = process.env.E2E_APP_LOG ?? '';
const SEED = 20_251_006;

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,24}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'page',
      'category',
      'tag',
      'author',
      'feed',
      'search',
      '2025',
      '02',
      '30',
      '0',
      '-1',
      '007',
      '99999999999',
      '..',
      '.',
      '%2F',
      '%00',
      '%E2%82',
      '%',
      'wp-admin',
      'sitemaps',
      'posts-1.xml',
    ),
  },
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', '1', '0', '-1', '2', 'x'.repeat(300)),
);
const query = fc.dictionary(
  fc.constantFrom('s', 'page', 'p', 'preview', 'rest_route', 'utm_source', 'x'),
  queryValue,
  {
    maxKeys: 3,
  },
);

/** A path and query string as a raw request target, percent-encoding what must be. */
const requestTarget = fc
  .tuple(fc.array(segment, { maxLength: 5 }), fc.boolean(), query)
  .map(([segments, trailingSlash, params]) => {
    const path = segments
      .map((part) => (/^[\w.~%-]*$/.test(part) ? part : encodeURIComponent(part)))
      .join('/');
    const search = new URLSearchParams(params).toString();
    return `/${path}${path && trailingSlash ? '/' : ''}${search ? `?${search}` : ''}`;
  });

test('generated paths and query strings never get a server error', async ({ request }) => {
  test.setTimeout(180_000);
  const logOffset = appLog ? statSync(appLog).size : 0;
  await fc.assert(
    fc.asyncProperty(requestTarget, async (target) => {
      const response = await request.get(target, { maxRedirects: 0, timeout: 30_000 });
      expect(response.status(), `GET ${target}`).toBeLessThan(500);
    }),
    { seed: SEED, numRuns: 150, endOnFailure: true },
  );
  if (appLog)
    expect(readFileSync(appLog).subarray(logOffset).toString()).not.toMatch(/unhandled ?rejection/i);
});

test('generated webhook bodies, signed or not, are refused without a server error', async ({ request }) => {
  expect(secret, 'E2E_BROADSHEET_SECRET must be set').not.toBe('');
  const logOffset = appLog ? statSync(appLog).size : 0;
  const body = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 300 }));
  await fc.assert(
    fc.asyncProperty(body, fc.boolean(), async (text, signed) => {
      const response = await request.post('/api/revalidate/', {
        headers: { 'Content-Type': 'application/json', ...(signed ? webhookSignatureHeaders(text) : {}) },
        data: text,
      });
      expect(response.status(), `POST ${signed ? 'signed' : 'unsigned'} ${text.slice(0, 80)}`).toBeLessThan(
        500,
      );
    }),
    { seed: SEED, numRuns: 50, endOnFailure: true },
  );
  if (appLog)
    expect(readFileSync(appLog).subarray(logOffset).toString()).not.toMatch(/unhandled ?rejection/i);
});
