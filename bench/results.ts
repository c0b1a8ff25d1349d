/** One line of bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The same quantity measured on the bare baseline in the same run. */
  baseline: number;
  /** Higher is better for every metric; the note says how it was computed. */
  ratio: number;
  note: string;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** A bound on the measured value itself, such as "p99 < 50 ms" or "at least 20,000 rows/s". */
export interface AbsoluteTarget {
  /** 'min': the value must be at least `bound`; 'max': below it. */
  kind: 'min' | 'max';
  bound: number;
}

const met = (ok: boolean): string => (ok ? 'met' : 'missed');

function targetNotes(c: Comparison, ratio: number, unit: string): string[] {
  const notes: string[] = [];
  if (c.target !== undefined) notes.push(`target: ratio >= ${c.target} (${met(ratio >= c.target)})`);
  if (c.absolute) {
    const { kind, bound } = c.absolute;
    notes.push(kind === 'min'
      ? `target: value >= ${bound} ${unit} (${met(c.value >= bound)})`
      : `target: value < ${bound} ${unit} (${met(c.value < bound)})`);
  }
  return notes;
}

export interface Comparison {
  name: string;
  value: number;
  baseline: number;
  /** What the baseline is, and how the two were measured. */
  context: string;
  /** The least acceptable ratio. */
  target?: number;
  /** A bound on the value itself, checked and noted besides (or instead of) the ratio target. */
  absolute?: AbsoluteTarget;
}

/** A rate where more is better (requests/s): ratio = value / baseline. */
export function throughputResult(c: Comparison & { unit: string }): BenchResult {
  const ratio = c.value / c.baseline;
  return {
    name: c.name,
    value: round(c.value, 1),
    unit: c.unit,
    baseline: round(c.baseline, 1),
    ratio: round(ratio, 3),
    note: [`ratio = value / baseline (higher is better)`, c.context, ...targetNotes(c, ratio, c.unit)].join('; '),
  };
}

/**
 * A quantity where less is better (a latency, a memory footprint): ratio = baseline / value, so that, as for
 * throughput, 1 means as good as the baseline and 0.5 means twice the baseline's time or memory.
 */
export function costResult(c: Comparison & { unit: string }): BenchResult {
  const ratio = c.baseline / c.value;
  return {
    name: c.name,
    value: round(c.value, 2),
    unit: c.unit,
    baseline: round(c.baseline, 2),
    ratio: round(ratio, 3),
    note: [`ratio = baseline / value (higher is better)`, c.context, ...targetNotes(c, ratio, c.unit)].join('; '),
  };
}

/** A latency in ms: 1 means as fast as the baseline, 0.5 twice as slow. */
export const latencyResult = (c: Comparison): BenchResult => costResult({ ...c, unit: 'ms' });

/** A short aligned table for people; results.json stays the record. */
export function formatTable(results: BenchResult[]): string {
  const rows = [
    ['metric', 'value', 'unit', 'baseline', 'ratio', 'target'],
    ...results.map((r) => [
      r.name, String(r.value), r.unit, String(r.baseline), r.ratio.toFixed(3),
      [...r.note.matchAll(/target: ([^;]+)/g)].map((m) => m[1]).join(', '),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const numeric = new Set([1, 3, 4]);
  return rows
    .map((row) => row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd())
    .join('\n');
}
