import { watchKeyFile } from '../app/crypto/key-watch.js';
import { jobHandlers, recurringJobs } from '../app/jobs/housekeeping.js';
import { runDueJobs, scheduleRecurring } from '../app/jobs/job-queue.js';
import { warmMemberSearch } from '../app/members/member-search.js';
import { loadConfig } from '../config.js';
import { buildApp } from '../http/app.js';
import { webRoot } from '../paths.js';
import { ensureDemo, openRuntime } from '../runtime.js';

export async function runServe(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  const demo = await ensureDemo(runtime, config);
  const app = await buildApp({ ctx: runtime.ctx, config, webRoot: webRoot(), logger: true });

  await scheduleRecurring(runtime.ctx, recurringJobs);
  const worker = setInterval(() => {
    runDueJobs(runtime.ctx, jobHandlers).catch((error: unknown) => app.log.error({ err: error }, 'job runner failed'));
  }, 60_000);
  worker.unref();
  const unwatchKeys = watchKeyFile(runtime.ctx, config, (error) => app.log.error({ err: error }, 'the key file changed but cannot be read: the keys held stay in use'));

  const shutdown = async () => {
    clearInterval(worker);
    unwatchKeys();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ host: config.host, port: config.port });
  // The registry's search index is made on the first search of an organization: made now, in the background, the
  // first search (a federation-wide one reads every organization) does not wait for it.
  warmMemberSearch(runtime.ctx).catch((error: unknown) => app.log.warn({ err: error }, 'making the member search index failed; searches will make it'));
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
  const lines = [
    '',
    `  Kyodo 協同 is running: ${url}`,
    `  database: ${runtime.database.dialect}${runtime.database.sqlitePath ? ` (${runtime.database.sqlitePath})` : ''}`,
    `  API docs: ${url}api/v1/docs`,
    ...(demo ? [`  demo sign-in: ${demo.adminEmail} / ${demo.password}  (federation administrator)`] : []),
    '',
  ];
  console.log(lines.join('\n'));
}
