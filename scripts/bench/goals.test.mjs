import { describe, expect, it } from 'vitest';
import { evaluateEditingGoals, evaluateGoals, ratio } from './goals.mjs';
import { formatMs, formatRate, formatTable } from './table.mjs';

const MB = 1024 * 1024;
const passing = {
  article: {
    broadsheet: { requestsPerSecond: 12_000, latencyMs: { p99: 9.5 } },
    baseline: { requestsPerSecond: 500 },
    ceiling: { requestsPerSecond: 30_000 },
  },
  coldRenders: [
    { path: '/a/', upstreamRequests: 1, hitUpstreamRequests: 0 },
    { path: '/b/', upstreamRequests: 1, hitUpstreamRequests: 0 },
  ],
  staleBurst: { requests: 100, refreshes: 1 },
  memory: { afterWarmupBytes: 200 * MB, afterSoakBytes: 215 * MB, soakSeconds: 60 },
};

describe('goal verdicts', () => {
  it('passes every goal the figures meet', () => {
    const verdicts = evaluateGoals(passing);
    expect(verdicts).toHaveLength(7);
    expect(verdicts.map((verdict) => verdict.pass)).toEqual([true, true, true, true, true, true, true]);
    expect(verdicts[0]?.measured).toBe('24.0×');
    expect(verdicts[2]?.measured).toBe('40.0 %');
  });

  it('fails each goal on its own figure', () => {
    const verdicts = evaluateGoals({
      article: {
        broadsheet: { requestsPerSecond: 5_000, latencyMs: { p99: 20.01 } },
        baseline: { requestsPerSecond: 500 },
        ceiling: { requestsPerSecond: 30_000 },
      },
      coldRenders: [
        { path: '/a/', upstreamRequests: 1, hitUpstreamRequests: 0 },
        { path: '/b/', upstreamRequests: 3, hitUpstreamRequests: 1 },
      ],
      staleBurst: { requests: 100, refreshes: 2 },
      memory: { afterWarmupBytes: 200 * MB, afterSoakBytes: 221 * MB, soakSeconds: 60 },
    });
    expect(verdicts.map((verdict) => verdict.pass)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(verdicts[3]?.measured).toBe('1, 3 (per article)');
  });

  it('counts shrinking memory as a change too, and the 10 % bound as a pass', () => {
    const at = (afterSoakBytes) =>
      evaluateGoals({ ...passing, memory: { ...passing.memory, afterSoakBytes } })[6]?.pass;
    expect(at(220 * MB)).toBe(true);
    expect(at(170 * MB)).toBe(false);
  });

  it('says "not measured" rather than passing or failing what is missing', () => {
    const verdicts = evaluateGoals({
      article: { broadsheet: null, baseline: null, ceiling: null },
      coldRenders: [],
      staleBurst: null,
      memory: { afterWarmupBytes: null, afterSoakBytes: null, soakSeconds: 60 },
    });
    expect(verdicts.every((verdict) => verdict.pass === null && verdict.measured === 'not measured')).toBe(
      true,
    );
  });

  it('has no ratio against nothing', () => {
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(undefined, 5)).toBeNull();
    expect(ratio(10, 4)).toBe(2.5);
  });
});

describe('table', () => {
  it('aligns columns as a Markdown table', () => {
    const table = formatTable(
      [{ title: 'page' }, { title: 'req/s', align: 'right' }],
      [
        ['article', formatRate(12345.6)],
        ['home', formatRate(undefined)],
      ],
    );
    expect(table.split('\n')).toEqual([
      '| page    |  req/s |',
      '|---------|-------:|',
      '| article | 12,346 |',
      '| home    |      — |',
    ]);
    expect([formatMs(0.844), formatMs(12.34), formatMs(140.2)]).toEqual(['0.84', '12.3', '140']);
  });
});

describe('tag-precise invalidation verdicts', () => {
  it('judges throughput under edits, WordPress requests per edit and Varnish against the ceiling', () => {
    const verdicts = evaluateEditingGoals({
      underEdits: [
        { page: 'home', share: 0.85 },
        { page: 'unedited article', share: 0.6 },
      ],
      perEdit: { firstRound: 3, listsShowingPost: 1 },
      varnish: { varnish: 24_000, ceiling: 30_000 },
    });
    expect(verdicts.map((verdict) => verdict.pass)).toEqual([true, false, false, true]);
    expect(verdicts[2]?.measured).toBe('3 (lists showing the post: 1)');
    expect(verdicts[3]?.measured).toBe('80.0 %');
  });

  it('says "not measured" for what is missing', () => {
    const verdicts = evaluateEditingGoals({ underEdits: [], perEdit: null, varnish: null });
    expect(verdicts.map((verdict) => verdict.pass)).toEqual([null, null, null]);
  });
});
