// Counts what an import did, per kind of item, and words it for the person who ran it.

/** What WordPress did with one item. "unchanged" and "reused" are skips with a known reason. */
const SKIP_OUTCOMES = new Set(['unchanged', 'reused', 'skipped']);

const UNCHANGED_REASON = 'unchanged since the last import';
/** Examples listed per reason; the rest are counted. */
const EXAMPLES_SHOWN = 3;

/**
 * @typedef {{ created: number, updated: number, skipped: number, failed: number,
 *   reasons: Map<string, { count: number, examples: string[] }> }} KindCount
 */

export function createTally() {
  /** @type {Map<string, KindCount>} */
  const kinds = new Map();
  /** @type {string[]} */
  const notes = [];
  const media = { attachments: 0, downloaded: 0, placeholders: 0 };

  /** @param {string} kind */
  const countOf = (kind) => {
    let count = kinds.get(kind);
    if (!count) {
      count = { created: 0, updated: 0, skipped: 0, failed: 0, reasons: new Map() };
      kinds.set(kind, count);
    }
    return count;
  };

  return {
    kinds,
    notes,
    media,
    /** Declares a kind so it shows even when the file has none of it. @param {string} kind */
    expect(kind) {
      countOf(kind);
    },
    /**
     * @param {string} kind e.g. "posts", "categories"
     * @param {string} outcome created | updated | unchanged | reused | skipped | failed
     * @param {{ label: string, reason?: string }} detail
     */
    record(kind, outcome, { label, reason }) {
      const count = countOf(kind);
      if (outcome === 'created' || outcome === 'updated') {
        count[outcome] += 1;
        // A created item can still carry a remark (a slug WordPress changed, an email left out).
        if (reason && !reason.startsWith('placeholder')) notes.push(`${kind}: ${label}: ${reason}`);
        return;
      }
      const why = outcome === 'unchanged' ? UNCHANGED_REASON : (reason ?? outcome);
      if (SKIP_OUTCOMES.has(outcome)) count.skipped += 1;
      else count.failed += 1;
      const key = outcome === 'failed' ? `failed: ${why}` : why;
      const entry = count.reasons.get(key) ?? { count: 0, examples: [] };
      entry.count += 1;
      if (entry.examples.length < EXAMPLES_SHOWN) entry.examples.push(label);
      count.reasons.set(key, entry);
    },
    totals() {
      const totals = { created: 0, updated: 0, skipped: 0, failed: 0 };
      for (const count of kinds.values()) {
        totals.created += count.created;
        totals.updated += count.updated;
        totals.skipped += count.skipped;
        totals.failed += count.failed;
      }
      return totals;
    },
  };
}

/** @typedef {ReturnType<typeof createTally>} Tally */

/**
 * The summary printed at the end: a table of counts, then the reasons for every skip and
 * failure (with a few examples), media, and remarks.
 * @param {Tally} tally
 * @param {{ source: string, target: string, seconds: number, emptied?: number | null }} context
 */
export function formatSummary(tally, { source, target, seconds, emptied = null }) {
  const lines = [`Imported ${source} into ${target} in ${seconds.toFixed(1)} s.`];
  if (emptied !== null) lines.push(`Started from an empty site (${emptied} items removed first).`);
  const width = Math.max(...[...tally.kinds.keys()].map((kind) => kind.length), 'kind'.length);
  const columns = ['created', 'updated', 'skipped', 'failed'];
  lines.push('', `  ${'kind'.padEnd(width)}  ${columns.map((column) => column.padStart(7)).join('  ')}`);
  for (const [kind, count] of tally.kinds) {
    const cells = [count.created, count.updated, count.skipped, count.failed].map((n) =>
      String(n).padStart(7),
    );
    lines.push(`  ${kind.padEnd(width)}  ${cells.join('  ')}`);
  }
  const totals = tally.totals();
  lines.push(
    `  ${'total'.padEnd(width)}  ${[totals.created, totals.updated, totals.skipped, totals.failed]
      .map((n) => String(n).padStart(7))
      .join('  ')}`,
  );

  const reasonLines = [];
  for (const [kind, count] of tally.kinds) {
    for (const [reason, { count: times, examples }] of count.reasons) {
      const more = times > examples.length ? `, and ${times - examples.length} more` : '';
      const list = reason === UNCHANGED_REASON ? '' : `: ${examples.join('; ')}${more}`;
      reasonLines.push(`  ${kind}: ${times} ${reason}${list}`);
    }
  }
  if (reasonLines.length > 0) lines.push('', 'Skipped and failed, with reasons:', ...reasonLines);

  const { attachments, downloaded, placeholders } = tally.media;
  if (attachments > 0) {
    lines.push(
      '',
      `Media: ${attachments} attachments: ${downloaded} with their file downloaded, ${placeholders} kept as placeholders ` +
        '(the source file could not be fetched; images show a grey "Image not imported" card).',
    );
  }
  if (tally.notes.length > 0) lines.push('', 'Notes:', ...tally.notes.map((note) => `  ${note}`));
  return lines.join('\n');
}
