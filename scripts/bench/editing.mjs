// The benchmark's measurements of tag-precise invalidation: cached pages' throughput while a post
// is edited every second, WordPress requests per edit, and Varnish in front (issue 18's goals).
import { getRaw, sendSignedWebhook } from './http.mjs';

const GZIP = { 'accept-encoding': 'gzip' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {Awaited<ReturnType<typeof import('./load.mjs').chooseLoadGenerator>>} LoadGenerator
 * @typedef {Awaited<ReturnType<typeof import('./counting-proxy.mjs').startCountingProxy>>} CountingProxy
 */

/**
 * Sends the edited post's webhook every second while `work` runs, as a newsroom editing it would.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<{ result: T, edits: number, refused: number }>}
 */
async function whileEditing(origin, secret, editedObject, work) {
  let edits = 0;
  let refused = 0;
  const pending = [];
  const timer = setInterval(() => {
    edits += 1;
    pending.push(
      sendSignedWebhook(origin, secret, { type: 'post', action: 'updated', object: editedObject }).then(
        (answer) => {
          if (answer.status !== 200) refused += 1;
        },
        () => {
          refused += 1;
        },
      ),
    );
  }, 1000);
  try {
    const result = await work();
    return { result, edits, refused };
  } finally {
    clearInterval(timer);
    await Promise.all(pending);
  }
}

/**
 * For each page: c=50 gzip throughput without edits, then with an edit every second to `edited`
 * (which the page may or may not show), taking turns, on the same server.
 * @param {{ load: LoadGenerator, origin: string, proxy: CountingProxy, secret: string, edited: object,
 *   pages: { name: string, path: string }[], seconds: number, log: (line: string) => void }} options
 */
export async function measureUnderEdits({ load, origin, proxy, secret, edited, pages, seconds, log }) {
  const rows = [];
  for (const page of pages) {
    const url = `${origin}${page.path}`;
    const run = () => load.run({ url, connections: 50, seconds, headers: GZIP });
    const quiet = await run();
    await proxy.waitUntilQuiet({ quietMs: 1000, timeoutMs: 60_000 });
    proxy.reset();
    const editing = await whileEditing(origin, secret, edited, run);
    await proxy.waitUntilQuiet({ quietMs: 1000, timeoutMs: 60_000 });
    const row = {
      page: page.name,
      path: page.path,
      noEditsRequestsPerSecond: quiet.requestsPerSecond,
      underEditsRequestsPerSecond: editing.result.requestsPerSecond,
      share: editing.result.requestsPerSecond / quiet.requestsPerSecond,
      edits: editing.edits,
      refusedEdits: editing.refused,
      wordpressRequests: proxy.counts().total,
    };
    rows.push(row);
    log(
      `${page.name} under an edit a second: ${Math.round(row.underEditsRequestsPerSecond)} req/s against ` +
        `${Math.round(row.noEditsRequestsPerSecond)} without (${(row.share * 100).toFixed(0)} %), ${row.edits} edits`,
    );
  }
  return rows;
}

/**
 * WordPress requests caused by one edit while `pages` are cached and read: every page is made a
 * fast-path hit, one webhook is sent, each page is read until it is fresh again, and what reached
 * WordPress is counted. The webhook marks its tags stale twice (at once, and again after the
 * settle delay, see lib/revalidation/request.ts); both rounds are counted, and reported apart.
 * @param {{ origin: string, proxy: CountingProxy, secret: string, edited: object,
 *   pages: { name: string, path: string }[], settleDelayMs: number }} options
 */
export async function measureRequestsPerEdit({ origin, proxy, secret, edited, pages, settleDelayMs }) {
  const readAll = async () => {
    for (const page of pages) {
      // Stale pages answer at once and re-render behind; read until each is fresh.
      for (let attempt = 0; attempt < 40; attempt += 1) {
        const answer = await getRaw(`${origin}${page.path}`, GZIP);
        const cache =
          answer.headers['x-broadsheet-cache'] === 'HIT' ? 'HIT' : answer.headers['x-nextjs-cache'];
        if (cache === 'HIT') break;
        await sleep(100);
      }
    }
    await proxy.waitUntilQuiet({ quietMs: 1000, timeoutMs: 60_000 });
  };
  await readAll();
  proxy.reset();
  const answer = await sendSignedWebhook(origin, secret, { type: 'post', action: 'updated', object: edited });
  if (answer.status !== 200) throw new Error(`The revalidation webhook was refused (${answer.status})`);
  await readAll();
  const first = proxy.counts();
  proxy.reset();
  await sleep(settleDelayMs + 500);
  await readAll();
  const second = proxy.counts();
  return {
    pages: pages.map((page) => page.path),
    revalidatedTags: answer.revalidated,
    firstRound: first.total,
    settleRound: second.total,
    requested: { ...first.byRequest },
    requestedUrls: first.urls,
    settleRequested: { ...second.byRequest },
  };
}
