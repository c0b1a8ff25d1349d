import type { Selectable, Transaction } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import type { Office } from '../../domain/governance/vocabulary.js';
import type { MotionTable, Schema } from '../../db/schema.js';
import { isoNow, localDate, type AppContext } from '../shared/context.js';
import { bodyOf, seatOnBody } from './bodies.js';
import { bylawSettingsOn } from './bylaws.js';
import type { Meeting } from './meetings.js';

/** The last day of a term of `months` from `from`: 2026-06-20 for 24 months ends on 2028-06-19. */
export function termEnd(from: string, months: number): string {
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/**
 * Seats those elected from the meeting's day for the term the bylaws in force then set (by default the longest the
 * Act allows for directors and auditors, one year for delegates): directors and auditors on the board, delegates in
 * the delegate assembly. The same eligibility rules as any seat apply.
 */
export async function addSeatsForElected(trx: Transaction<Schema>, ctx: AppContext, actor: Actor, meeting: Meeting, motion: Selectable<MotionTable>, electedCandidateIds: string[]): Promise<void> {
  const office = motion.office as Office | null;
  if (!office) return;
  const from = localDate(ctx.now());
  const body = await bodyOf(trx, meeting.organizationId, office === 'delegate' ? 'delegate_assembly' : 'board', isoNow(ctx));
  const settings = await bylawSettingsOn(trx, meeting.organizationId, from);
  const months = settings[`${office}TermMonths`].value as number;
  for (const candidateId of electedCandidateIds) {
    const candidate = await trx.selectFrom('candidates').innerJoin('memberships', 'memberships.person_id', 'candidates.person_id').select('memberships.id')
      .where('candidates.id', '=', candidateId).where('memberships.organization_id', '=', meeting.organizationId).orderBy('memberships.admitted_on', 'desc').executeTakeFirstOrThrow();
    await seatOnBody(trx, ctx, actor, body.id, { membershipId: candidate.id, role: office, termFrom: from, termUntil: termEnd(from, months) }, motion.id);
  }
}
