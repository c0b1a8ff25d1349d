import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers, recurringJobs } from '../../src/app/jobs/housekeeping.js';
import { enqueueJob, runDueJobs, scheduleRecurring } from '../../src/app/jobs/job-queue.js';
import { signIn } from '../../src/app/accounts/sessions.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { buildTenants, testPassword } from '../factories.js';
import { dialects, openTestDatabase } from '../support/databases.js';

describe.each(dialects)('jobs kept in the database (%s)', (dialect) => {
  let database: Database;
  let clock = new Date('2026-11-26T00:00:00Z');
  let ctx: AppContext;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => clock };
  });
  afterAll(() => database.close());

  it('runs each due job once even when two instances poll at the same time', async () => {
    const seen: number[] = [];
    const handlers = { count: async (_ctx: AppContext, payload: unknown) => void seen.push((payload as { n: number }).n) };
    for (let n = 0; n < 10; n++) await enqueueJob(ctx, 'count', { n });
    const [a, b] = await Promise.all([runDueJobs(ctx, handlers), runDueJobs(ctx, handlers)]);
    expect(a + b).toBe(10);
    expect(seen.sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const statuses = await ctx.db.selectFrom('jobs').select('status').where('kind', '=', 'count').execute();
    expect(statuses.every((s) => s.status === 'done')).toBe(true);
  });

  it('retries a failing job later with back-off, then gives up', async () => {
    let calls = 0;
    const handlers = { flaky: async () => { calls += 1; throw new Error('smtp down'); } };
    const id = await enqueueJob(ctx, 'flaky', {});
    await runDueJobs(ctx, handlers);
    expect(calls).toBe(1);
    expect(await runDueJobs(ctx, handlers)).toBe(0); // not due yet
    for (let i = 0; i < 6; i++) {
      clock = new Date(clock.getTime() + 3_600_000);
      await runDueJobs(ctx, handlers);
    }
    const job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', last_error: 'Error: smtp down' });
    expect(calls).toBe(5);
  });

  it('purges expired sessions on a recurring schedule shared by all instances', async () => {
    const { users } = await buildTenants(ctx);
    await signIn(ctx, users.clerkA.email, testPassword, 1);
    await scheduleRecurring(ctx, recurringJobs);
    await scheduleRecurring(ctx, recurringJobs); // a second instance starting: still one row
    expect(await ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'purge-expired').execute()).toHaveLength(1);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await runDueJobs(ctx, jobHandlers);
    expect(await ctx.db.selectFrom('sessions').select('id_hash').execute()).toEqual([]);
    const job = await ctx.db.selectFrom('jobs').selectAll().where('kind', '=', 'purge-expired').executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(job.run_at > clock.toISOString()).toBe(true);
  });
});
