// The benchmark's goals (the project's issue 7) and how measured figures are judged against
// them. Pure, so the verdicts can be tested without running anything.

export const GOALS = {
  /** Cached article, gzip, c=50: at least this many times plain `next start` of the same build. */
  minTimesBaseline: 20,
  /** ... with a 99th percentile latency at most this, in milliseconds. */
  maxP99Ms: 20,
  /** ... and at least this share of the bare-Node pre-compressed ceiling. */
  minShareOfCeiling: 0.25,
  /** WordPress requests per cold article render, and per cache hit. */
  coldRenderRequests: 1,
  cacheHitRequests: 0,
  /** Upstream refreshes of one stale page under 100 concurrent requests. */
  staleBurstRefreshes: 1,
  /** Largest change of the server's resident memory over the soak, relative to after warm-up. */
  maxMemoryGrowth: 0.1,
  /** Issue 18: cached pages under an edit a second keep this share of their throughput without. */
  minShareUnderEdits: 0.8,
  /** Issue 18: cached article, gzip, c=50 through Varnish, as a share of the same bytes' ceiling. */
  minVarnishShareOfCeiling: 0.8,
};

/**
 * Verdicts on tag-precise invalidation (issue 18).
 * @param {{
 *   underEdits: { page: string, share: number }[],
 *   perEdit: { firstRound: number, listsShowingPost: number } | null,
 *   varnish: { varnish: number, ceiling: number } | null,
 * }} figures
 * @returns {GoalVerdict[]}
 */
export function evaluateEditingGoals({ underEdits, perEdit, varnish }) {
  const verdicts = underEdits.map((row) => ({
    goal: `cached ${row.page} under an edit a second: ≥ ${GOALS.minShareUnderEdits * 100} % of its throughput without`,
    measured: `${(row.share * 100).toFixed(1)} %`,
    pass: row.share >= GOALS.minShareUnderEdits,
  }));
  if (underEdits.length === 0) {
    verdicts.push({ goal: 'cached pages under an edit a second', measured: 'not measured', pass: null });
  }
  verdicts.push({
    goal: 'WordPress requests per edit ≤ the lists showing the post + 1',
    measured: perEdit
      ? `${perEdit.firstRound} (lists showing the post: ${perEdit.listsShowingPost})`
      : 'not measured',
    pass: perEdit ? perEdit.firstRound <= perEdit.listsShowingPost + 1 : null,
  });
  const share = ratio(varnish?.varnish, varnish?.ceiling);
  verdicts.push({
    goal: `cached article through Varnish, gzip, c=50: ≥ ${GOALS.minVarnishShareOfCeiling * 100} % of the ceiling`,
    measured: share === null ? 'not measured' : `${(share * 100).toFixed(1)} %`,
    pass: share === null ? null : share >= GOALS.minVarnishShareOfCeiling,
  });
  return verdicts;
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a, b) {
  if (typeof a !== 'number' || typeof b !== 'number' || b === 0) return null;
  return a / b;
}

/**
 * @typedef {object} GoalVerdict
 * @property {string} goal what is promised, in words
 * @property {string} measured what this run measured, in words
 * @property {boolean | null} pass null when the figure could not be measured
 */

/**
 * @param {{
 *   article: { broadsheet?: { requestsPerSecond: number, latencyMs: { p99: number } } | null,
 *     baseline?: { requestsPerSecond: number } | null, ceiling?: { requestsPerSecond: number } | null },
 *   coldRenders: { path: string, upstreamRequests: number, hitUpstreamRequests: number }[],
 *   staleBurst: { requests: number, refreshes: number } | null,
 *   memory: { afterWarmupBytes: number | null, afterSoakBytes: number | null, soakSeconds: number },
 * }} figures
 * @returns {GoalVerdict[]}
 */
export function evaluateGoals({ article, coldRenders, staleBurst, memory }) {
  const verdicts = [];
  const rate = article.broadsheet?.requestsPerSecond;
  const timesBaseline = ratio(rate, article.baseline?.requestsPerSecond);
  verdicts.push({
    goal: `cached article, gzip, c=50: ≥ ${GOALS.minTimesBaseline}× plain next start`,
    measured: timesBaseline === null ? 'not measured' : `${timesBaseline.toFixed(1)}×`,
    pass: timesBaseline === null ? null : timesBaseline >= GOALS.minTimesBaseline,
  });
  const p99 = article.broadsheet?.latencyMs.p99;
  verdicts.push({
    goal: `cached article, gzip, c=50: p99 ≤ ${GOALS.maxP99Ms} ms`,
    measured: typeof p99 === 'number' ? `${p99.toFixed(2)} ms` : 'not measured',
    pass: typeof p99 === 'number' ? p99 <= GOALS.maxP99Ms : null,
  });
  const shareOfCeiling = ratio(rate, article.ceiling?.requestsPerSecond);
  verdicts.push({
    goal: `cached article, gzip, c=50: ≥ ${GOALS.minShareOfCeiling * 100} % of the bare-Node ceiling`,
    measured: shareOfCeiling === null ? 'not measured' : `${(shareOfCeiling * 100).toFixed(1)} %`,
    pass: shareOfCeiling === null ? null : shareOfCeiling >= GOALS.minShareOfCeiling,
  });
  const perRender = coldRenders.map((render) => render.upstreamRequests);
  verdicts.push({
    goal: `exactly ${GOALS.coldRenderRequests} WordPress request per cold article render`,
    measured: perRender.length === 0 ? 'not measured' : `${perRender.join(', ')} (per article)`,
    pass: perRender.length === 0 ? null : perRender.every((count) => count === GOALS.coldRenderRequests),
  });
  const perHit = coldRenders.map((render) => render.hitUpstreamRequests);
  verdicts.push({
    goal: `${GOALS.cacheHitRequests} WordPress requests per cache hit`,
    measured: perHit.length === 0 ? 'not measured' : `${perHit.join(', ')} (per article)`,
    pass: perHit.length === 0 ? null : perHit.every((count) => count === GOALS.cacheHitRequests),
  });
  verdicts.push({
    goal: `${staleBurst?.requests ?? 100} concurrent requests to a stale page: ${GOALS.staleBurstRefreshes} upstream refresh`,
    measured: staleBurst ? `${staleBurst.refreshes} refresh(es) of the page's post` : 'not measured',
    pass: staleBurst ? staleBurst.refreshes === GOALS.staleBurstRefreshes : null,
  });
  const growth =
    memory.afterWarmupBytes && memory.afterSoakBytes !== null
      ? (memory.afterSoakBytes - memory.afterWarmupBytes) / memory.afterWarmupBytes
      : null;
  verdicts.push({
    goal: `memory after ${memory.soakSeconds} s at c=50 within ${GOALS.maxMemoryGrowth * 100} % of after warm-up`,
    measured:
      growth === null
        ? 'not measured'
        : `${formatMegabytes(memory.afterWarmupBytes)} → ${formatMegabytes(memory.afterSoakBytes)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
    pass: growth === null ? null : Math.abs(growth) <= GOALS.maxMemoryGrowth,
  });
  return verdicts;
}

/** @param {number | null} bytes */
export function formatMegabytes(bytes) {
  return bytes === null ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
