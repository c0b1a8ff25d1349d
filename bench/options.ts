import { parseArgs } from 'node:util';

/** How long and how often each side of a comparison is measured. */
export interface BenchOptions {
  /** Metric names from --only; null runs every metric. */
  only: string[] | null;
  /** Measured seconds per side, split over the rounds. */
  durationSeconds: number;
  /** Seconds of discarded load per side before measuring: JIT, caches and pools settle first. */
  warmupSeconds: number;
  /** Alternating rounds (baseline, app, app, baseline, …) so that drift on a shared machine hits both sides. */
  rounds: number;
  outFile: string;
}

export class UsageError extends Error {}

export const usage = `usage: npm run bench -- [--only NAME[,NAME…]] [--duration S] [--warmup S] [--rounds N] [--out FILE]
  --only      run these metrics (a .p99 name selects its metric)
  --duration  measured seconds per side, default 10
  --warmup    warm-up seconds per side, default 3 (at most --duration)
  --rounds    alternating rounds the duration is split over, default 2
  --out       results file, default bench/results.json
  DATABASE_URL=postgres://… measures PostgreSQL in a scratch database on that server.`;

function seconds(raw: string | undefined, name: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`--${name} must be a number of seconds from 0 to ${max}, got "${raw}"`);
  return value;
}

export function parseOptions(argv: string[], defaultOutFile: string): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        only: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        rounds: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const durationSeconds = seconds(values.duration, 'duration', 10, 3600);
  const rounds = values.rounds === undefined ? 2 : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new UsageError(`--rounds must be a whole number from 1 to 20, got "${values.rounds}"`);
  const only = values.only?.split(',').map((name) => name.trim()).filter((name) => name !== '') ?? null;
  if (only?.length === 0) throw new UsageError('--only needs at least one metric name');
  return {
    only,
    durationSeconds,
    warmupSeconds: seconds(values.warmup, 'warmup', Math.min(3, durationSeconds), 600),
    rounds,
    outFile: values.out ?? defaultOutFile,
  };
}
