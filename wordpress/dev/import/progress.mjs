// The import's progress: a bar redrawn in place on a terminal; on a pipe or a CI log, where
// carriage returns would pile up, one line each time a step finishes.

const BAR_WIDTH = 30;

/**
 * @param {{ stream?: NodeJS.WriteStream, interactive?: boolean }} [options]
 */
export function createProgress({ stream = process.stderr, interactive = Boolean(stream.isTTY) } = {}) {
  let total = 0;
  let done = 0;
  let step = '';
  let stepDone = 0;
  let stepTotal = 0;
  let drawn = false;

  const draw = () => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * BAR_WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    const line = `[${bar}] ${String(Math.round(share * 100)).padStart(3)}%  ${step} ${stepDone}/${stepTotal}`;
    stream.write(`\r\x1b[K${line}`);
    drawn = true;
  };
  const endStep = () => {
    if (step && !interactive) stream.write(`  ${step}: ${stepDone}/${stepTotal}\n`);
  };

  return {
    /** @param {number} count the number of units of work the whole import will report */
    setTotal(count) {
      total = count;
    },
    /** @param {string} name @param {number} count */
    startStep(name, count) {
      endStep();
      step = name;
      stepDone = 0;
      stepTotal = count;
      if (interactive) draw();
    },
    /** @param {number} [count] */
    advance(count = 1) {
      done += count;
      stepDone += count;
      if (interactive) draw();
    },
    /** Writes a message without tearing the bar. @param {string} message */
    note(message) {
      if (interactive && drawn) stream.write('\r\x1b[K');
      stream.write(`${message}\n`);
      if (interactive && drawn) draw();
    },
    finish() {
      endStep();
      step = '';
      if (interactive && drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** @typedef {ReturnType<typeof createProgress>} Progress */

/** For callers that want no output (tests, other launchers). @type {Progress} */
export const silentProgress = {
  setTotal() {},
  startStep() {},
  advance() {},
  note() {},
  finish() {},
};
