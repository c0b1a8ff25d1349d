import { amountOfWork, type WorkMeasure, type WorkTotals } from '../../domain/surplus/work-measure.js';
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

interface PersonTotals extends WorkTotals {
  minutes: number;
  minutesByRole: Record<string, number>;
}

const addTo = (totals: PersonTotals, byRole: Record<string, number>, days: number): void => {
  for (const [role, minutes] of Object.entries(byRole)) {
    totals.minutesByRole[role] = (totals.minutesByRole[role] ?? 0) + minutes;
    totals.minutes += minutes;
  }
  totals.days += days;
};

const emptyTotals = (): PersonTotals => ({ minutes: 0, minutesByRole: {}, days: 0 });

/**
 * Each member's approved work in the fiscal year, counted only on days they were a member (a member admitted in
 * October divides by their work from October; work before it was a non-member worker's). Everyone's year is the sum
 * of the closed months' totals (see work-months.ts), twelve small rows a person; only the few memberships that began
 * or ended within the year are summed from their records, day by day, within the membership.
 */
export async function workInYear(db: Tx, organizationId: string, from: string, until: string, measure: WorkMeasure): Promise<YearWork> {
  const [months, memberships] = await Promise.all([
    db.selectFrom('work_month_totals').select(['person_id', 'minutes_by_role', 'days'])
      .where('organization_id', '=', organizationId).where('period', '>=', from.slice(0, 7)).where('period', '<=', until.slice(0, 7)).execute(),
    db.selectFrom('memberships').select(['id', 'person_id', 'admitted_on', 'ended_on'])
      .where('organization_id', '=', organizationId).where('admitted_on', 'is not', null).where('admitted_on', '<=', until)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', from)]))
      .execute(),
  ]);
  const byPerson = new Map<string, PersonTotals>();
  for (const month of months) {
    let totals = byPerson.get(month.person_id);
    if (!totals) byPerson.set(month.person_id, (totals = emptyTotals()));
    addTo(totals, JSON.parse(month.minutes_by_role) as Record<string, number>, Number(month.days));
  }
  const membershipsOf = new Map<string, typeof memberships>();
  for (const m of memberships) membershipsOf.set(m.person_id, [...(membershipsOf.get(m.person_id) ?? []), m]);

  const members: MembershipWork[] = [];
  const line = (membershipId: string, personId: string, t: PersonTotals): MembershipWork =>
    ({ membershipId, personId, minutes: t.minutes, days: t.days, work: amountOfWork(measure, t) });
  let memberMinutes = 0;
  const partial: [string, typeof memberships][] = [];
  for (const [personId, list] of membershipsOf) {
    const year = byPerson.get(personId);
    if (!year) continue;
    const whole = list.length === 1 && list[0]!.admitted_on! <= from && (list[0]!.ended_on === null || list[0]!.ended_on > until);
    if (!whole) {
      partial.push([personId, list]);
      continue;
    }
    members.push(line(list[0]!.id, personId, year));
    memberMinutes += year.minutes;
  }
  const days = await dailyWork(db, organizationId, partial.map(([personId]) => personId), from, until);
  for (const [personId, list] of partial) {
    for (const m of list) {
      // A membership's days: from admission (or the year's start) to the day before it ended (or the year's end).
      const start = m.admitted_on! > from ? m.admitted_on! : from;
      const end = m.ended_on !== null && m.ended_on <= until ? previousDay(m.ended_on) : until;
      const totals = emptyTotals();
      const worked = new Set<string>();
      for (const d of days.get(personId) ?? []) {
        if (d.date < start || d.date > end) continue;
        addTo(totals, { [d.role]: d.minutes }, 0);
        worked.add(d.date);
      }
      totals.days = worked.size;
      if (totals.minutes === 0 && totals.days === 0) continue;
      members.push(line(m.id, personId, totals));
      memberMinutes += totals.minutes;
    }
  }
  let allMinutes = 0;
  let nonMemberPeople = 0;
  for (const [personId, t] of byPerson) {
    allMinutes += t.minutes;
    if (!membershipsOf.has(personId)) nonMemberPeople += 1;
  }
  members.sort((a, b) => (a.membershipId < b.membershipId ? -1 : a.membershipId > b.membershipId ? 1 : 0));
  return { members, nonMember: { people: nonMemberPeople, minutes: allMinutes - memberMinutes } };
}

/**
 * The approved work of these people in the year, day by day and role by role, in one read per 500 people: the few
 * whose membership began or ended within the year are divided by the days they were members.
 */
async function dailyWork(db: Tx, organizationId: string, personIds: readonly string[], from: string, until: string) {
  const byPerson = new Map<string, { date: string; role: string; minutes: number }[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db.selectFrom('work_records').select(['person_id', 'work_date', 'role', (eb) => eb.fn.sum<string | number>('minutes').as('minutes')])
      .where('organization_id', '=', organizationId).where('person_id', 'in', personIds.slice(i, i + 500))
      .where('work_date', '>=', from).where('work_date', '<=', until).where('status', '=', 'approved')
      .groupBy(['person_id', 'work_date', 'role']).execute();
    for (const r of rows) {
      let days = byPerson.get(r.person_id);
      if (!days) byPerson.set(r.person_id, (days = []));
      days.push({ date: r.work_date, role: r.role, minutes: Number(r.minutes) });
    }
  }
  return byPerson;
}

const previousDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
