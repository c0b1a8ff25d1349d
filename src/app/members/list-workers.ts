import { sql, type ExpressionBuilder } from 'kysely';
import type { EngagementTable, PersonTable, Schema } from '../../db/schema.js';
import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';

type WorkerScope = ExpressionBuilder<Schema & { e: EngagementTable; p: PersonTable }, 'e' | 'p'>;

/**
 * Everyone engaged in the organization's work on a date (従事者), members and non-member workers alike, with
 * whether each is a member then (and the membership, to link to): the base of the Act's ratios (4/5 of members
 * engaged, 3/4 of workers members).
 */
export async function listWorkers(ctx: AppContext, actor: Actor, organizationId: string, options: { date: string; nonMembersOnly: boolean }) {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  const { date } = options;
  // A membership current on the date: admitted by then and not ended before it.
  const currentMemberships = (eb: WorkerScope) =>
    eb.selectFrom('memberships as m')
      .whereRef('m.person_id', '=', 'e.person_id').whereRef('m.organization_id', '=', 'e.organization_id')
      .where('m.admitted_on', '<=', date).where((w) => w.or([w('m.ended_on', 'is', null), w('m.ended_on', '>', date)]));
  const isMember = (eb: WorkerScope) => eb.exists(currentMemberships(eb).select(sql`1`.as('one')));
  // One at most in practice (a person is admitted again only after leaving); the latest if records overlap.
  const membershipId = (eb: WorkerScope) => currentMemberships(eb).select('m.id').orderBy('m.admitted_on', 'desc').limit(1);
  const base = () => ctx.db.selectFrom('engagements as e').innerJoin('people as p', 'p.id', 'e.person_id')
    .where('e.organization_id', '=', organizationId)
    .where('e.started_on', '<=', date)
    .where((w) => w.or([w('e.ended_on', 'is', null), w('e.ended_on', '>=', date)]));
  let query = base().select((eb) => [
    'e.id as engagementId', 'e.person_id as personId', 'p.family_name as familyName', 'p.given_name as givenName', 'p.family_kana as familyKana',
    'p.given_kana as givenKana', 'e.site', 'e.started_on as startedOn', 'e.ended_on as endedOn', 'e.labour_contract_from as labourContractFrom',
    'e.labour_contract_until as labourContractUntil', 'e.exemption', membershipId(eb).as('membershipId'),
  ]).orderBy('p.family_kana').orderBy('p.given_kana').orderBy('e.id');
  if (options.nonMembersOnly) query = query.where((eb) => eb.not(isMember(eb)));
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, member: r.membershipId !== null }));
}
