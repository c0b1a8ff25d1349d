import { sql, type ExpressionBuilder } from 'kysely';
import type { MembershipTable, PersonTable, Schema } from '../../db/schema.js';
import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import type { MembershipStatus } from '../../domain/members/lifecycle.js';
import { searchQueryKey } from '../../domain/members/search-key.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';
import { executeRead } from '../../db/compiled-query.js';
import { pageOfMembers, type IndexedMember } from '../../domain/members/search-index.js';
import { memberSorts, type MemberListItem, type MemberSort } from '../../domain/members/views.js';
import { allOrganizationIds, asMember, idIn, memberColumns, memberSearchIndexes } from './member-search.js';
import { toMembership, toPerson } from './member-rows.js';

export { memberSorts };

export interface MemberQuery {
  /** An organization, or all organizations the actor may see (the federation administrator's search). */
  organizationId: string | null;
  q?: string;
  kind?: string;
  status?: MembershipStatus;
  /** Members on this date: admitted on or before it and not ended by it. */
  memberOn?: string;
  /** Engaged in the work on `memberOn` (or today). */
  engaged?: boolean;
  /** Has a labour contract running on `memberOn` (or today). */
  labourContract?: boolean;
  /** Engaged at this site (事業所) on `memberOn` (or today). */
  site?: string;
  sort: MemberSort;
  descending: boolean;
  page: number;
  pageSize: number;
}

export type { MemberListItem };

type MemberScope = ExpressionBuilder<Schema & { m: MembershipTable; p: PersonTable }, 'm' | 'p'>;

const sortColumns = {
  memberNumber: ['m.member_number_key', 'm.member_number'],
  kana: ['p.family_kana', 'p.given_kana'],
  admittedOn: ['m.admitted_on'],
} as const;

/**
 * Search, filter, sort and page the registry. The search, the filters on the membership and the order are answered
 * from the search index kept in memory (`member-search.ts`); filters on engagement in the work (which depend on the
 * date asked) go to the database, with the search's matches as a list of ids.
 */
export async function listMembers(ctx: AppContext, actor: Actor, query: MemberQuery): Promise<{ items: MemberListItem[]; total: number }> {
  const scope = query.organizationId ?? (actor.role === 'federation-admin' ? null : actor.organizationId);
  if (scope === null ? actor.role !== 'federation-admin' : !canKeepRegistry(actor, scope)) throw forbidden();
  const key = query.q?.trim() ? searchQueryKey(query.q) : undefined;
  const indexes = await memberSearchIndexes(ctx, scope === null ? await allOrganizationIds(ctx) : [scope]);
  const order = { sort: query.sort, descending: query.descending, nullsSmallest: ctx.dialect === 'sqlite' };
  const byEngagement = query.engaged !== undefined || query.labourContract !== undefined || query.site !== undefined;
  if (!byEngagement) {
    const filter = { key, kind: query.kind, status: query.status, memberOn: query.memberOn };
    const { items, total } = pageOfMembers(indexes, filter, order, (query.page - 1) * query.pageSize, query.pageSize);
    return { items: items.map(listItem), total };
  }
  // The database sorts and pages these: the matches need no order.
  const matches = key === undefined ? null : indexes.flatMap((index) => index.select({ key }).map((m) => m.membershipId));
  return listByEngagement(ctx, scope, matches, query);
}

const listItem = (m: IndexedMember): MemberListItem => ({
  membershipId: m.membershipId, organizationId: m.organizationId, personId: m.personId, memberNumber: m.memberNumber, kind: m.kind, status: m.status,
  admittedOn: m.admittedOn, endedOn: m.endedOn, familyName: m.familyName, givenName: m.givenName, familyKana: m.familyKana, givenKana: m.givenKana,
});

/** The list filtered by engagement in the work on a date, in SQL; `matches` are the search's members, if any. */
async function listByEngagement(ctx: AppContext, scope: string | null, matches: string[] | null, query: MemberQuery): Promise<{ items: MemberListItem[]; total: number }> {
  const onDate = query.memberOn ?? today(ctx);
  let base = ctx.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id');
  if (scope !== null) base = base.where('m.organization_id', '=', scope);
  if (matches !== null) base = base.where(idIn(ctx.dialect, 'm.id', matches));
  if (query.kind) base = base.where('m.kind', '=', query.kind);
  if (query.status) base = base.where('m.status', '=', query.status);
  if (query.memberOn) {
    base = base.where('m.admitted_on', '<=', query.memberOn).where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', query.memberOn!)]));
  }
  // Engaged in the work on the date: at any site or one site, with or without a labour contract running then.
  const engagedOn = (eb: MemberScope, options: { labour?: boolean; site?: string }) =>
    eb.exists(
      eb.selectFrom('engagements as e').select(sql`1`.as('one'))
        .whereRef('e.person_id', '=', 'm.person_id').whereRef('e.organization_id', '=', 'm.organization_id')
        .where('e.started_on', '<=', onDate).where((w) => w.or([w('e.ended_on', 'is', null), w('e.ended_on', '>=', onDate)]))
        .$if(options.site !== undefined, (s) => s.where('e.site', '=', options.site!))
        .$if(options.labour === true, (s) => s.where('e.labour_contract_from', '<=', onDate)
          .where((w) => w.or([w('e.labour_contract_until', 'is', null), w('e.labour_contract_until', '>=', onDate)]))),
    );
  if (query.engaged !== undefined) base = base.where((eb) => (query.engaged ? engagedOn(eb, {}) : eb.not(engagedOn(eb, {}))));
  if (query.labourContract !== undefined) {
    base = base.where((eb) => (query.labourContract ? engagedOn(eb, { labour: true }) : eb.not(engagedOn(eb, { labour: true }))));
  }
  if (query.site) base = base.where((eb) => engagedOn(eb, { site: query.site }));

  const direction = query.descending ? 'desc' : 'asc';
  let rows = base.select(memberColumns);
  for (const column of sortColumns[query.sort]) rows = rows.orderBy(column, direction);
  rows = rows.orderBy('m.id');
  // The total rides along with the page (a window count): one query, not two. Past the last page there is no row
  // to carry it, so only then is it counted on its own.
  const page = await executeRead(ctx, rows.select((eb) => eb.fn.countAll<number>().over().as('total'))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize));
  const total = page.length > 0
    ? Number(page[0]!.total)
    : Number((await executeRead(ctx, base.select((eb) => eb.fn.countAll<number>().as('n'))))[0]?.n ?? 0);
  return { items: page.map((row) => listItem(asMember(row))), total };
}

/** One membership with the person, its full event history and the person's engagement in this organization. */
export async function getMember(ctx: AppContext, actor: Actor, membershipId: string) {
  const row = await ctx.db.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirst();
  if (!row) throw notFound('membership');
  if (!canKeepRegistry(actor, row.organization_id)) throw forbidden();
  const [person, events, engagements] = await Promise.all([
    ctx.db.selectFrom('people').selectAll().where('id', '=', row.person_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('membership_events').selectAll().where('membership_id', '=', membershipId).orderBy('seq').execute(),
    ctx.db.selectFrom('engagements').selectAll().where('person_id', '=', row.person_id).where('organization_id', '=', row.organization_id).orderBy('started_on').execute(),
  ]);
  return {
    membership: toMembership(row),
    person: toPerson(person),
    events: events.map((e) => ({ seq: Number(e.seq), type: e.type, effectiveDate: e.effective_date, reason: e.reason, recordedAt: e.recorded_at, recordedBy: e.recorded_by })),
    engagements: engagements.map((e) => ({
      id: e.id, site: e.site, startedOn: e.started_on, endedOn: e.ended_on, labourContractFrom: e.labour_contract_from,
      labourContractUntil: e.labour_contract_until, exemption: e.exemption,
    })),
  };
}
