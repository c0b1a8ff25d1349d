import type { AppContext } from '../shared/context.js';
import type { JobHandler, RecurringJob } from './job-queue.js';

/** Removes expired sessions and spent rate-limit windows. */
export const purgeExpired: JobHandler = async (ctx: AppContext) => {
  const now = ctx.now().toISOString();
  await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await ctx.db.deleteFrom('rate_limits').where('reset_at', '<=', now).execute();
};

export const jobHandlers: Record<string, JobHandler> = { 'purge-expired': purgeExpired };

export const recurringJobs: RecurringJob[] = [{ kind: 'purge-expired', everyMs: 60 * 60_000 }];
