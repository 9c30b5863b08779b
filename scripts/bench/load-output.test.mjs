import { describe, expect, it } from 'vitest';
import { durationToMs, fromAutocannonResult, parseWrkOutput, sizeToBytes } from './load-output.mjs';

// Printed by wrk 4.1.0 (`wrk -t2 -c10 -d1s --latency`).
const WRK_OUTPUT = `Running 1s test @ http://127.0.0.1:39555/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    14.28ms   29.05ms 206.69ms   92.76%
    Req/Sec     0.89k   617.46     2.06k    73.68%
  Latency Distribution
     50%    5.04ms
     75%   12.07ms
     90%   29.23ms
     99%  160.87ms
  1697 requests in 1.01s, 210.47KB read
Requests/sec:   1685.12
Transfer/sec:    208.99KB
`;

describe('wrk output', () => {
  it('reads rate, latency percentiles and volume', () => {
    const result = parseWrkOutput(WRK_OUTPUT);
    expect(result.requests).toBe(1697);
    expect(result.seconds).toBeCloseTo(1.01);
    expect(result.requestsPerSecond).toBe(1685.12);
    expect(result.bytesRead).toBe(Math.round(210.47 * 1024));
    expect(result.latencyMs).toEqual({
      average: 14.28,
      p50: 5.04,
      p75: 12.07,
      p90: 29.23,
      p99: 160.87,
      max: 206.69,
    });
    expect(result.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, non2xx: 0 });
  });

  it('reads socket errors, non-2xx answers and other units', () => {
    const output = WRK_OUTPUT.replace(
      '    Latency    14.28ms   29.05ms 206.69ms',
      '    Latency   850.00us    1.02ms    1.20s',
    )
      .replace('     99%  160.87ms', '     99%    2.50s')
      .replace(
        'Requests/sec:',
        '  Socket errors: connect 0, read 3, write 0, timeout 7\n  Non-2xx or 3xx responses: 12\nRequests/sec:',
      );
    const result = parseWrkOutput(output);
    expect(result.latencyMs.average).toBeCloseTo(0.85);
    expect(result.latencyMs.max).toBe(1200);
    expect(result.latencyMs.p99).toBe(2500);
    expect(result.errors).toEqual({ connect: 0, read: 3, write: 0, timeout: 7, non2xx: 12 });
  });

  it('refuses output without a summary instead of reporting zeros', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/no summary/);
  });

  it('converts units', () => {
    expect(durationToMs('1.5m')).toBe(90_000);
    expect(durationToMs('250us')).toBeCloseTo(0.25);
    expect(sizeToBytes('2.00MB')).toBe(2 * 1024 * 1024);
    expect(() => durationToMs('fast')).toThrow();
  });
});

describe('autocannon result', () => {
  it('has the same shape, with the rate from the total', () => {
    const result = fromAutocannonResult({
      requests: { total: 30_000 },
      duration: 10.02,
      throughput: { total: 123_456 },
      latency: { average: 3.1, p50: 3, p75: 4, p90: 5, p99: 9, max: 40 },
      errors: 5,
      timeouts: 2,
      non2xx: 1,
    });
    expect(result.requestsPerSecond).toBeCloseTo(30_000 / 10.02);
    expect(result.latencyMs.p99).toBe(9);
    expect(result.errors).toEqual({ connect: 0, read: 3, write: 0, timeout: 2, non2xx: 1 });
  });
});
