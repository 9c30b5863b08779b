// What scripts/lighthouse.mjs prints: the median of several Lighthouse runs of one page, the
// opportunities the runs agree on, and the navigation prefetches the page made on load.

/** The metrics reported, by Lighthouse audit id, with how each is shown. */
export const METRICS = [
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: '' },
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'speed-index', label: 'SI', unit: 'ms' },
];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value));
  sorted.sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Requests of a run that fetched a React Server Components payload: what Next's <Link>
 * prefetching costs a page on load.
 */
export function rscRequests(lhr) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items
    .map((item) => item.url)
    .filter((url) => typeof url === 'string' && new URL(url).searchParams.has('_rsc'));
}

/** Bytes of JavaScript a run downloaded (transfer size), from its network requests. */
export function scriptBytes(lhr) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items
    .filter((item) => item.resourceType === 'Script')
    .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
}

/**
 * The opportunities and diagnostics that cost the page time in most runs, biggest first:
 * audits that estimate a saving and scored below 0.9, their savings the median over the runs.
 */
export function opportunities(reports, limit = 5) {
  const savings = new Map();
  for (const lhr of reports) {
    for (const [id, audit] of Object.entries(lhr.audits)) {
      // Metrics themselves (LCP, TBT…) are scored too; only audits that estimate a saving count.
      if (audit.metricSavings === undefined && audit.details?.overallSavingsMs === undefined) continue;
      const ms = audit.metricSavings?.LCP ?? audit.details?.overallSavingsMs ?? 0;
      const failing = audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative';
      if (!failing && ms <= 0) continue;
      const entry = savings.get(id) ?? { id, title: audit.title, ms: [], failing: 0 };
      entry.ms.push(ms);
      if (failing) entry.failing += 1;
      savings.set(id, entry);
    }
  }
  return [...savings.values()]
    .filter((entry) => entry.failing * 2 > reports.length)
    .map((entry) => ({ id: entry.id, title: entry.title, savingsMs: median(entry.ms) ?? 0 }))
    .sort((a, b) => b.savingsMs - a.savingsMs)
    .slice(0, limit);
}

/** Everything reported for one page, from the Lighthouse results of its runs. */
export function summarise(reports) {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      median(reports.map((lhr) => Math.round((lhr.categories[category]?.score ?? NaN) * 100))),
    ]),
  );
  const metrics = Object.fromEntries(
    METRICS.map(({ id, label }) => [
      label,
      median(reports.map((lhr) => lhr.audits[id]?.numericValue ?? NaN)),
    ]),
  );
  return {
    runs: reports.length,
    scores,
    performanceRange: [
      Math.min(...reports.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100))),
      Math.max(...reports.map((lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100))),
    ],
    metrics,
    // Lighthouse's CPU benchmark of the machine (about 1000 or more on a typical desktop): low
    // values mean a slow or busy machine, whose timings come out longer than a phone's.
    benchmarkIndex: median(reports.map((lhr) => lhr.environment?.benchmarkIndex ?? NaN)),
    erroredAudits: [
      ...new Set(
        reports.flatMap((lhr) =>
          Object.entries(lhr.audits)
            .filter(([, audit]) => audit.scoreDisplayMode === 'error')
            .map(([id]) => id),
        ),
      ),
    ],
    rscPrefetches: median(reports.map((lhr) => rscRequests(lhr).length)),
    scriptKilobytes: Math.round((median(reports.map(scriptBytes)) ?? 0) / 1024),
    opportunities: opportunities(reports),
  };
}

/** A metric's value as printed: milliseconds whole, CLS to three decimals. */
export function formatMetric(label, value) {
  if (value === null) return '–';
  return label === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`;
}
