import { canKeepProgrammes, type Actor } from '../../domain/access/policy.js';
import { contractFigures, type ContractReport } from '../../domain/programmes/report.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import { isIsoDate } from '../../domain/work/period.js';
import type { AppContext } from '../shared/context.js';

export type { ContractReport };
import { getContract } from './contracts.js';

/** The period asked for, the contract's own by default; it must exist and not end before it starts. */
function reportPeriod(contract: { periodFrom: string; periodUntil: string }, options: { from?: string; until?: string }) {
  const from = options.from ?? contract.periodFrom;
  const until = options.until ?? contract.periodUntil;
  const errors = [
    ...(isIsoDate(from) ? [] : [{ field: 'from', code: 'invalid_date', message: 'a date, YYYY-MM-DD' }]),
    ...(isIsoDate(until) ? [] : [{ field: 'until', code: 'invalid_date', message: 'a date, YYYY-MM-DD' }]),
  ];
  if (errors.length === 0 && until < from) errors.push({ field: 'until', code: 'end_before_start', message: 'the period ends on or after it starts' });
  if (errors.length > 0) throw invalid(errors);
  return { from, until };
}

/**
 * A contract's figures for a period, for its commissioner: the agreed indicators against their targets, and the
 * participants, sessions and hours by kind of support, the outcomes by kind and the participants by age band. Read
 * from the plain columns only (what is sealed is never opened), erased participants included: erasure changes no
 * figure. The organization's staff make it (its members are refused); another organization's contract is not found.
 */
export async function contractReport(ctx: AppContext, actor: Actor, contractId: string, options: { from?: string; until?: string } = {}): Promise<ContractReport> {
  const owner = await ctx.db.selectFrom('programme_contracts').select('organization_id').where('id', '=', contractId).executeTakeFirst();
  // A member of the organization is told no; anyone else does not learn that the contract exists.
  if (owner && !canKeepProgrammes(actor, owner.organization_id) && actor.organizationId === owner.organization_id) throw forbidden();
  const contract = await getContract(ctx, actor, contractId);
  const period = reportPeriod(contract, options);
  const db = ctx.db;
  const [names, participants, activities, outcomes, followUps] = await Promise.all([
    db.selectFrom('programme_contracts as k').innerJoin('organizations as o', 'o.id', 'k.organization_id').innerJoin('commissioners as c', 'c.id', 'k.commissioner_id')
      .select(['o.name_ja as organizationNameJa', 'o.name_en as organizationNameEn', 'c.name_ja as commissionerNameJa', 'c.name_en as commissionerNameEn'])
      .where('k.id', '=', contractId).executeTakeFirstOrThrow(),
    db.selectFrom('participants').select(['id', 'intake_on', 'age_band']).where('contract_id', '=', contractId).execute(),
    db.selectFrom('participant_activities as a').innerJoin('participants as p', 'p.id', 'a.participant_id').where('p.contract_id', '=', contractId)
      .select(['a.participant_id', 'a.kind', 'a.on_date', 'a.minutes']).where('a.on_date', '>=', period.from).where('a.on_date', '<=', period.until).execute(),
    db.selectFrom('participant_outcomes as o').innerJoin('participants as p', 'p.id', 'o.participant_id').where('p.contract_id', '=', contractId)
      .select(['o.participant_id', 'o.kind', 'o.on_date']).where('o.on_date', '>=', period.from).where('o.on_date', '<=', period.until).execute(),
    db.selectFrom('participant_follow_ups as f').innerJoin('participants as p', 'p.id', 'f.participant_id').where('p.contract_id', '=', contractId)
      .select(['f.participant_id', 'f.months', 'f.done_on', 'f.status']).where('f.done_on', '>=', period.from).where('f.done_on', '<=', period.until).execute(),
  ]);
  const figures = contractFigures({
    participants: participants.map((p) => ({ id: p.id, intakeOn: p.intake_on, ageBand: p.age_band })),
    activities: activities.map((a) => ({ participantId: a.participant_id, kind: a.kind, on: a.on_date, minutes: a.minutes === null ? null : Number(a.minutes) })),
    outcomes: outcomes.map((o) => ({ participantId: o.participant_id, kind: o.kind, on: o.on_date })),
    followUps: followUps.map((f) => ({ participantId: f.participant_id, months: Number(f.months), doneOn: f.done_on, status: f.status })),
  }, contract.indicators, period);
  return {
    contract: {
      id: contract.id, organizationId: contract.organizationId, ...names, programmeJa: contract.programmeJa, programmeEn: contract.programmeEn,
      periodFrom: contract.periodFrom, periodUntil: contract.periodUntil,
    },
    ...figures,
  };
}
