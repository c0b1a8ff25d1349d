import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { defaultRoleWeight, type WorkMeasure } from '../../domain/surplus/work-measure.js';
import type { Tx } from '../shared/context.js';

/** One membership's work in a fiscal year: what its dividend line shows and is divided by. */
export interface MembershipWork {
  membershipId: string;
  personId: string;
  minutes: number;
  days: number;
  /** The amount of work in the measure's unit (minutes, days, or minutes × role weight in percent). */
  work: number;
}

export interface YearWork {
  members: MembershipWork[];
  /** Work done by people who were not members on the day (non-member workers): it earns no dividend. */
  nonMember: { people: number; minutes: number };
}

interface Sums {
  minutes: number;
  days: number;
  weighted: number;
}

type WorkScope = ExpressionBuilder<Schema, 'work_records'>;

/**
 * minutes × the role's weight, summed in the database: roles the bylaws do not list weigh 100. The weights are
 * whole numbers the bylaws' check has bounded (1–1,000), written into the SQL as literals so both databases type the
 * product as an integer; the role names stay parameters.
 */
function weightedMinutes(measure: WorkMeasure): RawBuilder<string | number> {
  const weights = measure.basis === 'weighted_hours' ? Object.entries(measure.roleWeights) : [];
  if (weights.length === 0) return sql`sum(minutes) * ${sql.lit(defaultRoleWeight)}`;
  const cases = weights.map(([role, weight]) => sql`when ${role} then ${sql.lit(weight)}`);
  return sql`sum(minutes * case role ${sql.join(cases, sql` `)} else ${sql.lit(defaultRoleWeight)} end)`;
}

const toSums = (r: { minutes: unknown; days: unknown; weighted: unknown }): Sums => ({ minutes: Number(r.minutes ?? 0), days: Number(r.days ?? 0), weighted: Number(r.weighted ?? 0) });

/**
 * Each member's approved work in the fiscal year, counted only on days they were a member (a member admitted in
 * October divides by their work from October; work before it was a non-member worker's). The sums run in the
 * database over the work index: one grouped pass for everyone, then a bounded pass for the few memberships that
 * began or ended within the year.
 */
export async function workInYear(db: Tx, organizationId: string, from: string, until: string, measure: WorkMeasure): Promise<YearWork> {
  const sums = (extra?: (eb: WorkScope) => Expression<SqlBool>) =>
    db.selectFrom('work_records')
      .select((eb) => [
        'person_id',
        eb.fn.sum<string | number>('minutes').as('minutes'),
        sql<string | number>`count(distinct work_date)`.as('days'),
        weightedMinutes(measure).as('weighted'),
      ])
      .where('organization_id', '=', organizationId).where('work_date', '>=', from).where('work_date', '<=', until).where('status', '=', 'approved')
      .$if(extra !== undefined, (q) => q.where((eb) => extra!(eb)))
      .groupBy('person_id');

  const [everyone, memberships] = await Promise.all([
    sums().execute(),
    db.selectFrom('memberships').select(['id', 'person_id', 'admitted_on', 'ended_on'])
      .where('organization_id', '=', organizationId).where('admitted_on', 'is not', null).where('admitted_on', '<=', until)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', from)]))
      .execute(),
  ]);
  const byPerson = new Map(everyone.map((r) => [r.person_id, toSums(r)]));
  const membershipsOf = new Map<string, typeof memberships>();
  for (const m of memberships) membershipsOf.set(m.person_id, [...(membershipsOf.get(m.person_id) ?? []), m]);

  const members: MembershipWork[] = [];
  const amountOf = (s: Sums) => (measure.basis === 'days' ? s.days : measure.basis === 'weighted_hours' ? s.weighted : s.minutes);
  const line = (membershipId: string, personId: string, s: Sums): MembershipWork => ({ membershipId, personId, minutes: s.minutes, days: s.days, work: amountOf(s) });
  let memberMinutes = 0;
  for (const [personId, list] of membershipsOf) {
    const whole = list.length === 1 && list[0]!.admitted_on! <= from && (list[0]!.ended_on === null || list[0]!.ended_on > until);
    if (whole) {
      const s = byPerson.get(personId);
      if (s) {
        members.push(line(list[0]!.id, personId, s));
        memberMinutes += s.minutes;
      }
      continue;
    }
    for (const m of list) {
      // A membership's days: from admission (or the year's start) to the day before it ended (or the year's end).
      const start = m.admitted_on! > from ? m.admitted_on! : from;
      const end = m.ended_on !== null && m.ended_on <= until ? previousDay(m.ended_on) : until;
      if (start > end) continue;
      const [row] = await sums((eb) => eb.and([eb('person_id', '=', personId), eb('work_date', '>=', start), eb('work_date', '<=', end)])).execute();
      if (row) {
        const s = toSums(row);
        members.push(line(m.id, personId, s));
        memberMinutes += s.minutes;
      }
    }
  }
  let allMinutes = 0;
  let nonMemberPeople = 0;
  for (const [personId, s] of byPerson) {
    allMinutes += s.minutes;
    if (!membershipsOf.has(personId)) nonMemberPeople += 1;
  }
  members.sort((a, b) => (a.membershipId < b.membershipId ? -1 : a.membershipId > b.membershipId ? 1 : 0));
  return { members, nonMember: { people: nonMemberPeople, minutes: allMinutes - memberMinutes } };
}

const previousDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
