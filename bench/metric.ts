import type { DemoScale } from '../src/runtime.js';
import type { BenchEnv } from './env.js';
import type { LoadPlan } from './load.js';
import type { BenchResult } from './results.js';

/**
 * The demo data a metric needs: `small` (a few organizations, the quick default) or `jwcu` (the seed's
 * federation at full scale: 25 organizations, 64,626 members in March 2017 and 67,149 today, its businesses). The run loads the biggest one any selected
 * metric asks for; `jwcu` includes everything `small` has.
 */
export type Dataset = DemoScale;

/** Smallest first; each includes the ones before it. */
const datasets: readonly Dataset[] = ['small', 'jwcu'];

/** The dataset that serves every one of `metrics`: the biggest any of them asks for. */
export const datasetFor = (metrics: readonly Metric[]): Dataset =>
  datasets[Math.max(0, ...metrics.map((m) => datasets.indexOf(m.dataset ?? 'small')))] ?? 'small';

/**
 * One benchmark: listed in metrics/index.ts, selected by `--only <name>`. It measures Kyodo and its own bare
 * baseline in the same run and returns its entries: `<name>` and any `<name>.<suffix>` (such as `.p99`).
 */
export interface Metric {
  name: string;
  /** One line: what is measured, for --help. */
  description: string;
  /** The data it measures on; `small` when absent. */
  dataset?: Dataset;
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
  `baseline: ${baseline}; ${env.dialect}, ${env.dataset} dataset, ${plan.connections} connections, ` +
  `${plan.rounds} alternating round(s) totalling ${plan.durationSeconds} s per side after ${plan.warmupSeconds} s warm-up`;
