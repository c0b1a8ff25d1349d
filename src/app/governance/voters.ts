import type { Actor } from '../../domain/access/policy.js';
import type { AppContext } from '../shared/context.js';
import { meetingVisibleTo } from './meetings.js';

/** Voters a search shows at most: enough to pick one, never the whole electorate. */
const shown = 20;

export interface Voter {
  personId: string;
  memberNumber: string | null;
  name: string;
}

/**
 * Voters of a meeting found by member number, family name or its kana: for the clerks choosing whom to check in,
 * whose written vote or proxy form to enter, and for a voter choosing their proxy (代理人) among the other voters
 * (a member may read the register of members anyway). Never how anyone took part.
 */
export async function findVoters(ctx: AppContext, actor: Actor, meetingId: string, q: string): Promise<{ items: Voter[] }> {
  await meetingVisibleTo(ctx.db, actor, meetingId);
  const text = q.trim();
  const base = ctx.db.selectFrom('electorate').innerJoin('people', 'people.id', 'electorate.person_id').leftJoin('memberships', 'memberships.id', 'electorate.membership_id')
    .where('electorate.meeting_id', '=', meetingId);
  const filtered = text
    ? base.where((eb) => eb.or([eb('memberships.member_number', '=', text), eb('people.family_name', 'like', `${text}%`), eb('people.family_kana', 'like', `${text}%`)]))
    : base;
  const rows = await filtered.select(['electorate.person_id', 'memberships.member_number', 'people.family_name', 'people.given_name'])
    .orderBy('memberships.member_number_key').orderBy('people.family_kana').limit(shown).execute();
  return { items: rows.map((r) => ({ personId: r.person_id, memberNumber: r.member_number, name: `${r.family_name} ${r.given_name}` })) };
}
