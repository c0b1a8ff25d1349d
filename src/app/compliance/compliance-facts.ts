import { sql } from 'kysely';
import type { OrganizationFacts } from '../../domain/compliance/board.js';
import { addMonths } from '../../domain/compliance/calendar.js';
import { balances, compositionCounts, type EngagementSpan, type MembershipSpan, type WorkerMembership, type WorkMonth } from '../../domain/compliance/series.js';
import { settingsInForce, type BylawVersionFacts } from '../../domain/governance/bylaws.js';
import type { SeatRole } from '../../domain/governance/vocabulary.js';
import type { LawProfile } from '../../domain/law-profiles/profiles.js';
import { toBylawVersion } from '../governance/bylaws.js';
import type { Tx } from '../shared/context.js';

/** An organization the board is made for, with the law profile it is checked against. */
export interface BoardOrganization {
  id: string;
  profile: LawProfile;
}

/** Rows of many organizations, gathered by organization in one pass. */
function byOrganization<R extends { organization_id: string }, T>(rows: readonly R[], map: (row: R) => T): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.organization_id);
    if (list) list.push(map(row));
    else grouped.set(row.organization_id, [map(row)]);
  }
  return grouped;
}

/**
 * Everything the board of each organization needs for the trend ending on the last of `dates`, in a fixed number of
 * set-based queries whatever the number of organizations and dates: the members of the whole window counted, those
 * who joined or left within it listed, the engagements with the worker's memberships and the months of work of those
 * with no engagement recorded (only where the composition rules bind), the board's seats, the bylaws in force, and the
 * capital and legal-reserve accounts summed by day. The series are then swept in memory.
 *
 * Work months are read only for people with no engagement recorded: for the others their engagement's dates say when
 * they worked, and reading everyone's months would read the whole time clock. Closed months come from their totals
 * (one row per person and month); only the months not closed yet are read from the daily records.
 */
export async function loadComplianceFacts(db: Tx, organizations: readonly BoardOrganization[], dates: readonly string[]): Promise<Map<string, OrganizationFacts>> {
  const facts = new Map<string, OrganizationFacts>();
  if (organizations.length === 0) return facts;
  const first = dates[0]!;
  const date = dates.at(-1)!;
  const ids = organizations.map((o) => o.id);
  // The composition rules need people, not just counts, and only where they bind: not for a consumer co-op's users.
  const workerIds = organizations.filter((o) => o.profile.workerCoopComposition).map((o) => o.id);
  const none = Promise.resolve([]);
  // Work counts in the month it is recorded and the next: the window's months begin one before its first date's.
  const firstMonth = addMonths(`${first.slice(0, 8)}01`, -1).slice(0, 7);
  // Each read keeps the rows current on some date of the trend: begun by its last date, not ended before its first.
  const [throughout, changing, work, seats, bylaws, capital, reserve, closes, closedMonths, workOnlyMemberships] = await Promise.all([
    // Most members belong on every date of the window: counted per organization, not listed.
    db.selectFrom('memberships').select(['organization_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('organization_id', 'in', ids).where('admitted_on', '<=', first).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]))
      .groupBy('organization_id').execute(),
    // The others of the window: admitted after its first date, or ended by its last.
    db.selectFrom('memberships').select(['organization_id', 'admitted_on', 'ended_on'])
      .where('organization_id', 'in', ids).where('admitted_on', '<=', date).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', first)]))
      .where((eb) => eb.or([eb('admitted_on', '>', first), eb('ended_on', '<=', date)]))
      .execute(),
    // Each engagement of the window with the memberships of the same person in the same organization, if any.
    workerIds.length === 0 ? none : db.selectFrom('engagements as e')
      // The organizations named on the memberships too: PostgreSQL then reads only theirs, not the users of a consumer co-op.
      .leftJoin('memberships as m', (join) => join.onRef('m.organization_id', '=', 'e.organization_id').onRef('m.person_id', '=', 'e.person_id')
        .on('m.organization_id', 'in', workerIds).on('m.admitted_on', '<=', date).on((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', first)])))
      .select(['e.organization_id', 'e.person_id', 'e.started_on', 'e.ended_on', 'e.labour_contract_from', 'e.labour_contract_until', 'm.admitted_on', 'm.ended_on as membership_ended_on'])
      .where('e.organization_id', 'in', workerIds).where('e.started_on', '<=', date).where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>=', first)]))
      .execute(),
    db.selectFrom('body_seats as s').innerJoin('bodies as b', 'b.id', 's.body_id').select(['b.organization_id', 's.role', 's.term_from', 's.term_until'])
      .where('b.organization_id', 'in', ids).where('b.kind', '=', 'board').where((eb) => eb.or([eb('s.term_until', 'is', null), eb('s.term_until', '>=', first)]))
      .execute(),
    db.selectFrom('bylaw_versions').selectAll().where('organization_id', 'in', ids).where('status', '=', 'in_force').execute(),
    // Both sums come from the index of lines by account and date (migration 0008) alone.
    db.selectFrom('journal_lines').select(['organization_id', 'entry_date', (eb) => eb.fn.sum<number | string>('amount').as('amount')])
      .where('organization_id', 'in', ids).where('account', '=', 'capital').where('entry_date', '<=', date)
      .groupBy(['organization_id', 'entry_date']).execute(),
    db.selectFrom('journal_lines').select(['organization_id', (eb) => eb.fn.sum<number | string>('amount').as('amount')])
      .where('organization_id', 'in', ids).where('account', '=', 'legal-reserve').where('entry_date', '<=', date)
      .groupBy('organization_id').execute(),
    workerIds.length === 0 ? none : db.selectFrom('work_period_closes').select(['organization_id', (eb) => eb.fn.max('period').as('period')])
      .where('organization_id', 'in', workerIds).groupBy('organization_id').execute(),
    workerIds.length === 0 ? none : db.selectFrom('work_month_totals as t').select(['t.organization_id', 't.person_id', 't.period'])
      .where('t.organization_id', 'in', workerIds).where('t.period', '>=', firstMonth).where('t.period', '<=', date.slice(0, 7))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('engagements as e').select(sql`1`.as('one')).whereRef('e.organization_id', '=', 't.organization_id').whereRef('e.person_id', '=', 't.person_id'))))
      .execute(),
    // The memberships of people who worked in the window with no engagement recorded.
    workerIds.length === 0 ? none : db.selectFrom('memberships as m').select(['m.organization_id', 'm.person_id', 'm.admitted_on', 'm.ended_on'])
      .where('m.organization_id', 'in', workerIds).where('m.admitted_on', '<=', date).where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', first)]))
      .where((eb) => eb.exists(eb.selectFrom('work_records as w').select(sql`1`.as('one')).whereRef('w.organization_id', '=', 'm.organization_id')
        .whereRef('w.person_id', '=', 'm.person_id').where('w.work_date', '>=', `${firstMonth}-01`).where('w.work_date', '<=', date)))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('engagements as e').select(sql`1`.as('one')).whereRef('e.organization_id', '=', 'm.organization_id').whereRef('e.person_id', '=', 'm.person_id'))))
      .execute(),
  ]);
  // The months not closed yet, from the daily records: each organization's after its last closed month.
  const lastClosed = new Map(closes.map((c) => [c.organization_id, String(c.period)]));
  const openFrom = (id: string): string => {
    const closed = lastClosed.get(id);
    const afterClosed = closed === undefined ? '' : addMonths(`${closed}-01`, 1);
    return afterClosed > `${firstMonth}-01` ? afterClosed : `${firstMonth}-01`;
  };
  const openMonths = workerIds.length === 0 ? [] : await db.selectFrom('work_records as w')
    .select(['w.organization_id', 'w.person_id', sql<string>`substr(w.work_date, 1, 7)`.as('period')])
    .where((eb) => eb.or(workerIds.map((id) => eb.and([eb('w.organization_id', '=', id), eb('w.work_date', '>=', openFrom(id))]))))
    .where('w.work_date', '<=', date)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('engagements as e').select(sql`1`.as('one')).whereRef('e.organization_id', '=', 'w.organization_id').whereRef('e.person_id', '=', 'w.person_id'))))
    .groupBy(['w.organization_id', 'w.person_id', sql`substr(w.work_date, 1, 7)`])
    .execute();

  const spansOf = byOrganization(changing, (r): MembershipSpan => ({ admittedOn: r.admitted_on!, endedOn: r.ended_on, count: 1 }));
  for (const r of throughout) {
    // Members on every date of the window, as one span from its first date.
    const span: MembershipSpan = { admittedOn: first, endedOn: null, count: Number(r.n) };
    spansOf.set(r.organization_id, [...(spansOf.get(r.organization_id) ?? []), span]);
  }
  const engagementsOf = byOrganization(work, (r): EngagementSpan => ({
    personId: r.person_id, startedOn: r.started_on, endedOn: r.ended_on, labourContractFrom: r.labour_contract_from, labourContractUntil: r.labour_contract_until,
  }));
  const workerMembershipsOf = byOrganization(work.filter((r) => r.admitted_on !== null), (r): WorkerMembership => ({
    personId: r.person_id, admittedOn: r.admitted_on!, endedOn: r.membership_ended_on,
  }));
  for (const [id, list] of byOrganization(workOnlyMemberships, (r): WorkerMembership => ({ personId: r.person_id, admittedOn: r.admitted_on!, endedOn: r.ended_on }))) {
    workerMembershipsOf.set(id, [...(workerMembershipsOf.get(id) ?? []), ...list]);
  }
  const workMonthsOf = byOrganization([...closedMonths, ...openMonths], (r): WorkMonth => ({ personId: r.person_id, month: String(r.period) }));
  const seatsOf = byOrganization(seats, (r) => ({ role: r.role as SeatRole, termFrom: r.term_from, termUntil: r.term_until }));
  const bylawsOf = byOrganization(bylaws, (r): BylawVersionFacts => {
    const v = toBylawVersion(r);
    return { id: v.id, versionNo: v.versionNo, effectiveFrom: v.effectiveFrom!, adoptedByMotionId: v.adoptedByMotionId, founding: v.founding, settings: v.settings };
  });
  // Credits are negative: capital subscribed and the reserve built up are the sums with their sign turned.
  const capitalOf = byOrganization(capital, (r) => ({ entryDate: r.entry_date, amount: -Number(r.amount) }));
  const reserveOf = new Map(reserve.map((r) => [r.organization_id, -Number(r.amount)]));

  for (const { id, profile } of organizations) {
    const versions = bylawsOf.get(id) ?? [];
    facts.set(id, {
      dates: [...dates],
      compositionApplies: profile.workerCoopComposition,
      composition: compositionCounts(dates, spansOf.get(id) ?? [], engagementsOf.get(id) ?? [], workerMembershipsOf.get(id) ?? [], workMonthsOf.get(id) ?? []),
      seats: seatsOf.get(id) ?? [],
      reserveTargets: dates.map((d) => {
        const target = settingsInForce(versions, profile, d).legalReserveTarget.value;
        return typeof target === 'number' ? target : null;
      }),
      totalCapital: balances(dates, capitalOf.get(id) ?? []),
      reserveBalance: reserveOf.get(id) ?? 0,
    });
  }
  return facts;
}
