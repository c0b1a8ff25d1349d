import { failInterruptedBatches, purgeExpiredLetters } from '../portal/invitations.js';
import { eraseExpiredParticipants } from '../programmes/participants.js';
import type { AppContext } from '../shared/context.js';
import type { JobHandler, RecurringJob } from './job-queue.js';

/** Removes expired sessions and spent rate-limit windows. */
export const purgeExpired: JobHandler = async (ctx: AppContext) => {
  const now = ctx.now().toISOString();
  await ctx.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await ctx.db.deleteFrom('rate_limits').where('reset_at', '<=', now).execute();
  // Batches of sign-in letters cut off by a stop of the server: failed, their half-drawn letters deleted.
  await failInterruptedBatches(ctx);
  // Sign-in letters not downloaded within a day: their sealed PDF (which holds one-time codes) goes.
  await purgeExpiredLetters(ctx);
  await ctx.db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now).execute();
};

/** Erases participants whose contract's retention period has run out (their counts stay in the reports). */
export const eraseExpired: JobHandler = async (ctx: AppContext) => {
  await eraseExpiredParticipants(ctx);
};

export const jobHandlers: Record<string, JobHandler> = { 'purge-expired': purgeExpired, 'erase-expired-participants': eraseExpired };

export const recurringJobs: RecurringJob[] = [{ kind: 'purge-expired', everyMs: 60 * 60_000 }, { kind: 'erase-expired-participants', everyMs: 24 * 60 * 60_000 }];
