import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openBenchEnv } from './env.js';
import { datasetFor, type Metric } from './metric.js';
import { metrics } from './metrics/index.js';
import { parseOptions, usage, UsageError } from './options.js';
import { formatTable, type BenchResult } from './results.js';
import { createTeardown } from './teardown.js';

const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** `--only` names metrics; an entry name such as `api.read.p99` selects the metric that produces it. */
function selectMetrics(only: string[] | null): Metric[] {
  if (!only) return metrics;
  const unknown = only.filter((name) => !metrics.some((m) => name === m.name || name.startsWith(`${m.name}.`)));
  if (unknown.length > 0) throw new UsageError(`unknown metric ${unknown.join(', ')}; known: ${metrics.map((m) => m.name).join(', ')}`);
  return metrics.filter((m) => only.some((name) => name === m.name || name.startsWith(`${m.name}.`)));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), fileURLToPath(new URL('./results.json', import.meta.url)));
  if (options === 'help') {
    console.log(`${usage}\n\nmetrics:\n${metrics.map((m) => `  ${m.name.padEnd(15)} ${m.description}${m.dataset === 'jwcu' ? ' [jwcu dataset]' : ''}`).join('\n')}`);
    return 0;
  }
  const selected = selectMetrics(options.only);
  const teardown = createTeardown();
  // Ctrl-C still drops the scratch database and removes the temporary folder.
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: cleaning up`);
    const exit = () => process.exit(130);
    setTimeout(exit, 15_000).unref();
    teardown.close().then(exit, exit);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let cleanedUp = true;
  try {
    // The seed-scale data takes 15-30 s to load: only when a selected metric needs it.
    const env = await openBenchEnv(options, datasetFor(selected), teardown, log);
    const results: BenchResult[] = [];
    for (const metric of selected) {
      log(`${metric.name}: ${metric.description}`);
      results.push(...(await metric.run(env)));
    }
    await fs.writeFile(options.outFile, JSON.stringify(results, null, 2) + '\n');
    console.log(formatTable(results));
    log(`wrote ${options.outFile}`);
  } finally {
    // Logged rather than thrown, so that it cannot hide the error that stopped the run.
    await teardown.close().catch((error: unknown) => {
      log(String(error));
      cleanedUp = false;
    });
  }
  return cleanedUp ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error('bench failed:', error);
    process.exit(1);
  },
);
