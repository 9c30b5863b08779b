// How long each phase of a run took, for the table `npm test` and the end-to-end run print at the
// end, so the next slow phase is visible. Phases may overlap; each row says when it started.

/**
 * @returns {{ timed: <T>(phase: string, task: () => Promise<T>) => Promise<T>,
 *   timings: { phase: string, startedAt: number, seconds: number, ok: boolean }[] }}
 */
export function timer(origin = Date.now()) {
  const timings = [];
  async function timed(phase, task) {
    const started = Date.now();
    const entry = { phase, startedAt: (started - origin) / 1000, seconds: 0, ok: false };
    timings.push(entry);
    try {
      const result = await task();
      entry.ok = true;
      return result;
    } finally {
      entry.seconds = (Date.now() - started) / 1000;
    }
  }
  return { timed, timings };
}

/** The rows as a table, each line after `prefix`. */
export function formatTimings(timings, prefix = '') {
  const width = Math.max(5, ...timings.map((entry) => entry.phase.length));
  const lines = [
    `${'phase'.padEnd(width)}  from (s)  took (s)  result`,
    ...timings.map(
      (entry) =>
        `${entry.phase.padEnd(width)}  ${entry.startedAt.toFixed(0).padStart(8)}  ${entry.seconds
          .toFixed(0)
          .padStart(8)}  ${entry.ok ? 'ok' : 'FAILED'}`,
    ),
  ];
  return lines.map((line) => `${prefix}${line}`).join('\n');
}
