/**
 * Timing one thing at a time, as a person waits for it (a report, a count, a close), against its baseline: calls
 * made one after another for a while, in alternating rounds so that a busy or slow stretch of the machine falls on
 * both sides alike. Shared by the latency metrics.
 */

/** Runs `work` one call after another for `seconds` (at least `minimum` calls), timing each in ms. */
export async function sequential(work: () => Promise<unknown>, seconds: number, minimum: number): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (samples.length < minimum || performance.now() < until) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** One GET to the last byte of the answer; a non-2xx answer is an error (the rate would count work not done). */
export async function getBody(url: string, headers: Record<string, string> | undefined): Promise<string> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** Nearest-rank percentile of `samples` (0 < p ≤ 1); p = 0.5 is the median (the lower middle of an even count). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export interface Sides {
  app: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
}

/**
 * Warms both sides up for `warmupSeconds` (at least one call each), then measures `rounds` alternating rounds
 * (baseline, app, app, baseline, …) totalling `durationSeconds` per side, at least `minimumPerRound` calls per side and
 * round, logging each round's median and p95 with `noun` ("requests", "counts").
 */
export async function alternatingRounds(
  sides: Sides,
  options: { warmupSeconds: number; durationSeconds: number; rounds: number; minimumPerRound: number; noun: string; log(message: string): void },
): Promise<{ app: number[]; baseline: number[] }> {
  const { warmupSeconds, durationSeconds, rounds, minimumPerRound } = options;
  if (warmupSeconds > 0) {
    await sequential(sides.baseline, warmupSeconds, 1);
    await sequential(sides.app, warmupSeconds, 1);
  }
  const samples: { app: number[]; baseline: number[] } = { app: [], baseline: [] };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
    for (const side of order) {
      const measured = await sequential(sides[side], durationSeconds / rounds, minimumPerRound);
      samples[side].push(...measured);
      options.log(`  round ${round + 1}/${rounds} ${side.padEnd(8)} ${measured.length} ${options.noun}, median ${ms(percentile(measured, 0.5))}, p95 ${ms(percentile(measured, 0.95))}`);
    }
  }
  return samples;
}
