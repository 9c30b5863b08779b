// Plain-text tables for the benchmark's printout (a Markdown table, so it can be pasted as is).

/**
 * @param {{ title: string, align?: 'left' | 'right' }[]} columns
 * @param {string[][]} rows
 * @returns {string}
 */
export function formatTable(columns, rows) {
  const widths = columns.map((column, index) =>
    Math.max(column.title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const cell = (text, index) =>
    columns[index]?.align === 'right' ? text.padStart(widths[index] ?? 0) : text.padEnd(widths[index] ?? 0);
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (columns[index]?.align === 'right' ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [
    line(columns.map((column) => column.title)),
    rule,
    ...rows.map((row) => line(columns.map((_, index) => row[index] ?? ''))),
  ].join('\n');
}

/** 12345.6 → "12,346"; missing → "—". */
export function formatRate(value) {
  return typeof value === 'number' ? Math.round(value).toLocaleString('en-US') : '—';
}

/** Milliseconds with precision where it matters: 0.84 → "0.84", 12.3 → "12.3", 140 → "140". */
export function formatMs(value) {
  if (typeof value !== 'number') return '—';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

/** A ratio as "24.3×"; missing → "—". */
export function formatTimes(value) {
  return typeof value === 'number' ? `${value.toFixed(1)}×` : '—';
}

/** A share as "31 %"; missing → "—". */
export function formatShare(value) {
  return typeof value === 'number' ? `${(value * 100).toFixed(0)} %` : '—';
}
