import { sql } from 'kysely';
import { isoNow, newId, type AppContext } from '../shared/context.js';

/**
 * A job queue in the database: any app instance may run any job, and a job claimed by an instance that died is
 * picked up again when its lock expires. Recurring jobs are single rows with a fixed id, rescheduled after each run.
 */
export type JobHandler = (ctx: AppContext, payload: unknown) => Promise<void>;

export interface RecurringJob {
  kind: string;
  everyMs: number;
}

const lockMs = 5 * 60_000;

export async function enqueueJob(ctx: AppContext, kind: string, payload: unknown, runAt: Date = ctx.now()): Promise<string> {
  const id = newId();
  await ctx.db.insertInto('jobs').values({
    id, kind, payload: JSON.stringify(payload), status: 'queued', run_at: runAt.toISOString(), attempts: 0, max_attempts: 5,
    locked_until: null, last_error: null, created_at: isoNow(ctx), finished_at: null,
  }).execute();
  return id;
}

/** Makes sure each recurring job has its row; safe to call from every instance at every start. */
export async function scheduleRecurring(ctx: AppContext, jobs: RecurringJob[]): Promise<void> {
  for (const job of jobs) {
    await ctx.db.insertInto('jobs').values({
      id: `recurring:${job.kind}`, kind: job.kind, payload: JSON.stringify({ everyMs: job.everyMs }), status: 'queued',
      run_at: isoNow(ctx), attempts: 0, max_attempts: 1_000_000, locked_until: null, last_error: null, created_at: isoNow(ctx), finished_at: null,
    }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/** Claims the next due job atomically: of two instances racing for it, exactly one's update matches. */
async function claimNext(ctx: AppContext): Promise<ClaimedJob | null> {
  const nowIso = isoNow(ctx);
  const lockedUntil = new Date(ctx.now().getTime() + lockMs).toISOString();
  const candidate = await ctx.db.selectFrom('jobs').select('id')
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
    ]))
    .orderBy('run_at').limit(1).executeTakeFirst();
  if (!candidate) return null;
  const claimed = await ctx.db.updateTable('jobs')
    .set({ status: 'running', locked_until: lockedUntil, attempts: sql`attempts + 1` })
    .where('id', '=', candidate.id)
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', nowIso)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
    ]))
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .executeTakeFirst();
  return claimed ? { ...claimed, attempts: Number(claimed.attempts), max_attempts: Number(claimed.max_attempts) } : null;
}

async function finish(ctx: AppContext, job: ClaimedJob, error: unknown): Promise<void> {
  const now = ctx.now();
  const payload = JSON.parse(job.payload) as { everyMs?: number };
  if (job.id.startsWith('recurring:') && payload.everyMs) {
    await ctx.db.updateTable('jobs').set({
      status: 'queued', run_at: new Date(now.getTime() + payload.everyMs).toISOString(), locked_until: null, attempts: 0,
      last_error: error ? String(error) : null, finished_at: now.toISOString(),
    }).where('id', '=', job.id).execute();
    return;
  }
  const failedForGood = error !== null && job.attempts >= job.max_attempts;
  await ctx.db.updateTable('jobs').set({
    status: error === null ? 'done' : failedForGood ? 'failed' : 'queued',
    // Retries back off exponentially: 2, 4, 8 … seconds.
    run_at: error === null ? now.toISOString() : new Date(now.getTime() + 2 ** job.attempts * 1000).toISOString(),
    locked_until: null,
    last_error: error === null ? null : String(error),
    finished_at: error === null || failedForGood ? now.toISOString() : null,
  }).where('id', '=', job.id).execute();
}

/** Runs due jobs until none is left; returns how many ran. */
export async function runDueJobs(ctx: AppContext, handlers: Record<string, JobHandler>): Promise<number> {
  let ran = 0;
  for (let job = await claimNext(ctx); job; job = await claimNext(ctx)) {
    const handler = handlers[job.kind];
    let failure: unknown = null;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(ctx, JSON.parse(job.payload));
    } catch (error) {
      failure = error;
    }
    await finish(ctx, job, failure);
    ran += 1;
  }
  return ran;
}
