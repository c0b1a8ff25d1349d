import autocannon from 'autocannon';

/** Where load goes: a full URL and the request headers. */
export interface Target {
  url: string;
  headers?: Record<string, string>;
  /**
   * GET paths (with their query strings, already encoded) on the URL's origin that each connection requests in
   * turn, over and over, in place of the URL's own path: a rotation over several queries.
   */
  paths?: readonly string[];
  /** Requests with a method and body (POSTs of writes), in place of `paths`, each connection sending them in turn. */
  requests?: readonly { method: 'POST'; path: string; body: string }[];
}

/** Every URL a target's load requests, in order. */
export const targetUrls = (target: Target): string[] =>
  target.paths ? target.paths.map((path) => new URL(path, target.url).toString()) : [target.url];

export interface LoadPlan {
  connections: number;
  warmupSeconds: number;
  /** Measured seconds per side, split over the rounds. */
  durationSeconds: number;
  rounds: number;
}

/** What one side of a comparison did over all its rounds. */
export interface Sample {
  requestsPerSecond: number;
  /** Mean of the rounds' p99 latencies (autocannon gives percentiles, not mergeable histograms). */
  p99Ms: number;
  requests: number;
}

/** autocannon stops at the first sample after the duration: short samples keep fractional slices exact. */
const sampleMs = 250;

/** Seconds autocannon may overrun its duration before the run counts as hung. */
const overrunSeconds = 30;

/**
 * One autocannon run. The load runs in one worker thread (`workers: 1`) so that on a 2-core machine the server
 * under test keeps this thread's event loop to itself. Any error or non-2xx answer fails the bench: a fast
 * stream of 401s would otherwise look like a great result.
 */
export function runLoad(target: Target, seconds: number, connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      instance.stop();
      reject(new Error(`load on ${target.url} did not finish within ${seconds + overrunSeconds} s`));
    }, (seconds + overrunSeconds) * 1000);
    // Plain request objects (no setupRequest function) cross into the worker thread as they are.
    const requests = target.requests ? [...target.requests] : target.paths?.map((path) => ({ method: 'GET' as const, path }));
    const options = { url: target.url, headers: target.headers, requests, connections, duration: seconds, workers: 1, sampleInt: sampleMs };
    const instance = autocannon(options, (error, result) => {
      clearTimeout(guard);
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      const failures = result.errors + result.non2xx + result.timeouts;
      if (failures > 0 || result.requests.total === 0) {
        return reject(new Error(
          `load on ${target.url}: ${result.requests.total} responses, ${result.non2xx} non-2xx ` +
          `(${JSON.stringify(result.statusCodeStats ?? {})}), ${result.errors} errors, ${result.timeouts} timeouts`,
        ));
      }
      resolve(result);
    });
  });
}

function summarize(results: autocannon.Result[]): Sample {
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const seconds = results.reduce((sum, r) => sum + r.duration, 0);
  return {
    requestsPerSecond: requests / seconds,
    p99Ms: results.reduce((sum, r) => sum + r.latency.p99, 0) / results.length,
    requests,
  };
}

/**
 * Warms both sides up, then measures them in alternating rounds (baseline, app, app, baseline, …) so that a
 * neighbour's burst on a shared machine lands on both sides rather than on one.
 */
export async function compareLoad(
  sides: { app: Target; baseline: Target },
  plan: LoadPlan,
  log: (message: string) => void,
): Promise<{ app: Sample; baseline: Sample }> {
  log(`  warm-up ${plan.warmupSeconds} s each`);
  await runLoad(sides.baseline, plan.warmupSeconds, plan.connections);
  await runLoad(sides.app, plan.warmupSeconds, plan.connections);
  const slice = plan.durationSeconds / plan.rounds;
  const measured: { app: autocannon.Result[]; baseline: autocannon.Result[] } = { app: [], baseline: [] };
  for (let round = 0; round < plan.rounds; round += 1) {
    const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
    for (const side of order) {
      const result = await runLoad(sides[side], slice, plan.connections);
      measured[side].push(result);
      log(`  round ${round + 1}/${plan.rounds} ${side.padEnd(8)} ${Math.round(result.requests.total / result.duration)} req/s, p99 ${result.latency.p99} ms`);
    }
  }
  return { app: summarize(measured.app), baseline: summarize(measured.baseline) };
}

async function getJson(url: string, headers: Record<string, string> | undefined): Promise<unknown> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as unknown;
}

/** One request before the load, so that a wrong token or route fails with its answer rather than as 401s. */
export const probe = (target: Target): Promise<unknown> => getJson(targetUrls(target)[0]!, target.headers);

/** One request to each URL of the target's load, in order: each answer can be checked before measuring. */
export async function probeEach(target: Target): Promise<unknown[]> {
  const bodies: unknown[] = [];
  for (const url of targetUrls(target)) bodies.push(await getJson(url, target.headers));
  return bodies;
}
