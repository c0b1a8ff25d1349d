import type { BenchEnv } from './env.js';
import type { LoadPlan } from './load.js';
import type { BenchResult } from './results.js';

/**
 * One benchmark: listed in metrics/index.ts, selected by `--only <name>`. It measures Kyodo and its own bare
 * baseline in the same run and returns its entries: `<name>` and any `<name>.<suffix>` (such as `.p99`).
 */
export interface Metric {
  name: string;
  /** One line: what is measured, for --help. */
  description: string;
  run(env: BenchEnv): Promise<BenchResult[]>;
}

export const loadPlan = (env: BenchEnv, connections: number): LoadPlan => ({
  connections,
  warmupSeconds: env.options.warmupSeconds,
  durationSeconds: env.options.durationSeconds,
  rounds: env.options.rounds,
});

/** How a comparison was made, for the results' notes. */
export const planNote = (env: BenchEnv, plan: LoadPlan, baseline: string): string =>
  `baseline: ${baseline}; ${env.dialect}, ${plan.connections} connections, ` +
  `${plan.rounds} alternating round(s) totalling ${plan.durationSeconds} s per side after ${plan.warmupSeconds} s warm-up`;
