import { describe, expect, it } from 'vitest';
import { formatMetric, median, opportunities, rscRequests, summarise } from './summary.mjs';

/** A Lighthouse result with just the fields the summary reads. */
function report({ performance = 0.9, lcp = 2000, requests = [], audits = {} } = {}) {
  return {
    categories: {
      performance: { score: performance },
      accessibility: { score: 1 },
      'best-practices': { score: 0.96 },
      seo: { score: 1 },
    },
    audits: {
      'largest-contentful-paint': { numericValue: lcp, score: 0.5 },
      'total-blocking-time': { numericValue: 150 },
      'cumulative-layout-shift': { numericValue: 0 },
      'first-contentful-paint': { numericValue: 1000 },
      'speed-index': { numericValue: 1200 },
      'network-requests': { details: { items: requests } },
      ...audits,
    },
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([NaN, 5])).toBe(5);
  });
});

describe('rscRequests', () => {
  it('keeps only the requests for React Server Components payloads', () => {
    const lhr = report({
      requests: [
        { url: 'http://site.test/', resourceType: 'Document' },
        { url: 'http://site.test/news/?_rsc=abc', resourceType: 'Fetch' },
        { url: 'http://site.test/_next/static/chunks/a.js', resourceType: 'Script' },
      ],
    });
    expect(rscRequests(lhr)).toEqual(['http://site.test/news/?_rsc=abc']);
  });
});

describe('opportunities', () => {
  const blocking = { title: 'Eliminate render-blocking resources', score: 0.4, metricSavings: { LCP: 300 } };
  const passing = { title: 'Properly size images', score: 1, metricSavings: { LCP: 0 } };

  it('lists the failing audits most runs agree on, biggest saving first', () => {
    const lazy = { title: 'LCP image was not lazily loaded', score: 0, metricSavings: { LCP: 900 } };
    const reports = [
      report({ audits: { 'render-blocking-resources': blocking, 'uses-responsive-images': passing, lazy } }),
      report({ audits: { 'render-blocking-resources': blocking, lazy } }),
      report({ audits: { 'render-blocking-resources': { ...blocking, metricSavings: { LCP: 100 } } } }),
    ];
    expect(opportunities(reports)).toEqual([
      { id: 'lazy', title: lazy.title, savingsMs: 900 },
      { id: 'render-blocking-resources', title: blocking.title, savingsMs: 300 },
    ]);
  });

  it('leaves out an audit failing in only one run of three', () => {
    const reports = [report({ audits: { 'render-blocking-resources': blocking } }), report(), report()];
    expect(opportunities(reports)).toEqual([]);
  });
});

describe('summarise', () => {
  it('gives each score and metric as the median over the runs', () => {
    const summary = summarise([
      report({ performance: 0.58, lcp: 2900 }),
      report({ performance: 0.9, lcp: 2600, requests: [{ url: 'http://site.test/a/?_rsc=1' }] }),
      report({ performance: 0.88, lcp: 2700 }),
    ]);
    expect(summary.scores.performance).toBe(88);
    expect(summary.scores['best-practices']).toBe(96);
    expect(summary.performanceRange).toEqual([58, 90]);
    expect(summary.metrics.LCP).toBe(2700);
    expect(summary.rscPrefetches).toBe(0);
    expect(formatMetric('LCP', summary.metrics.LCP)).toBe('2700 ms');
    expect(formatMetric('CLS', 0.0123)).toBe('0.012');
  });
});
