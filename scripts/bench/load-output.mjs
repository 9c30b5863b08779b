// Load generators' results in one shape, so the benchmark can use wrk or autocannon alike.

/**
 * @typedef {object} LoadResult
 * @property {number} requests completed requests
 * @property {number} seconds how long the run lasted
 * @property {number} requestsPerSecond
 * @property {number} bytesRead
 * @property {{ average: number, p50: number, p75: number, p90: number, p99: number, max: number }} latencyMs
 * @property {{ connect: number, read: number, write: number, timeout: number, non2xx: number }} errors
 */

const DURATION_UNITS_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE_UNITS = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** "1.23ms", "850.00us", "2.00s" → milliseconds. */
export function durationToMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`Not a wrk duration: "${text}"`);
  return Number(match[1]) * DURATION_UNITS_MS[match[2]];
}

/** "5.00GB", "312.45KB", "800B" → bytes. */
export function sizeToBytes(text) {
  const match = /^([\d.]+)(B|KB|MB|GB|TB)$/.exec(text.trim());
  if (!match) throw new Error(`Not a wrk size: "${text}"`);
  return Math.round(Number(match[1]) * SIZE_UNITS[match[2]]);
}

/**
 * Reads what `wrk --latency` prints. Throws when the summary lines are missing (wrk failed to
 * connect at all, or printed something this parser does not know), rather than guessing.
 * @param {string} output
 * @returns {LoadResult}
 */
export function parseWrkOutput(output) {
  const summary = /(\d+) requests in ([\d.]+\w+), ([\d.]+\w+) read/.exec(output);
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const latency = /^\s*Latency\s+([\d.]+\w+)\s+[\d.]+\w+\s+([\d.]+\w+)/m.exec(output);
  if (!summary || !rate || !latency) {
    throw new Error(`wrk printed no summary:\n${output.slice(0, 2000)}`);
  }
  const percentile = (name) => {
    const match = new RegExp(`^\\s*${name}%\\s+([\\d.]+\\w+)`, 'm').exec(output);
    if (!match) throw new Error(`wrk printed no ${name}th percentile (was --latency given?)`);
    return durationToMs(match[1]);
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  return {
    requests: Number(summary[1]),
    seconds: durationToMs(summary[2]) / 1000,
    requestsPerSecond: Number(rate[1]),
    bytesRead: sizeToBytes(summary[3]),
    latencyMs: {
      average: durationToMs(latency[1]),
      p50: percentile('50'),
      p75: percentile('75'),
      p90: percentile('90'),
      p99: percentile('99'),
      max: durationToMs(latency[2]),
    },
    errors: {
      connect: Number(socket?.[1] ?? 0),
      read: Number(socket?.[2] ?? 0),
      write: Number(socket?.[3] ?? 0),
      timeout: Number(socket?.[4] ?? 0),
      non2xx: Number(non2xx?.[1] ?? 0),
    },
  };
}

/**
 * Autocannon's result object in the same shape. Its latencies are already in milliseconds;
 * its per-second request average is over one-second samples, so the rate here is recomputed
 * from the total, as wrk's is.
 * @param {{ requests: { total: number }, duration: number, throughput: { total: number },
 *   latency: { average: number, p50: number, p75: number, p90: number, p99: number, max: number },
 *   errors: number, timeouts: number, non2xx: number }} result
 * @returns {LoadResult}
 */
export function fromAutocannonResult(result) {
  const seconds = result.duration;
  return {
    requests: result.requests.total,
    seconds,
    requestsPerSecond: seconds > 0 ? result.requests.total / seconds : 0,
    bytesRead: result.throughput.total,
    latencyMs: {
      average: result.latency.average,
      p50: result.latency.p50,
      p75: result.latency.p75,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: {
      connect: 0,
      // Autocannon counts every socket error together; timeouts are reported apart.
      read: Math.max(0, result.errors - result.timeouts),
      write: 0,
      timeout: result.timeouts,
      non2xx: result.non2xx,
    },
  };
}
