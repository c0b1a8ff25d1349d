import { setImmediate as giveWay } from 'node:timers/promises';
import { sql, type Expression, type SqlBool } from 'kysely';
import { MemberSearchIndex, type IndexedMember } from '../../domain/members/search-index.js';
import type { MembershipStatus } from '../../domain/members/lifecycle.js';
import { compileOnce } from '../../db/compiled-query.js';
import type { DialectName } from '../../db/dialect-name.js';
import type { AppContext } from '../shared/context.js';

/**
 * The registry's search index, kept in memory per database and organization (see `MemberSearchIndex`): the members of
 * an organization as the list shows them, with their search tokens. Nothing is written for the search, so an import
 * or a new member adds no rows but their own.
 *
 * An organization's index is made from the registry when first asked for, then kept up to date from the audit log:
 * every change to memberships and people is audited in its own transaction, and entries are numbered in commit order
 * (each takes the chain head's lock), so each request first reads the entries added since the last look, and this
 * holds across processes sharing a PostgreSQL database.
 * - `membership` entries name a membership (a registration, a lifecycle event): its row is read again and laid over
 *   the index. An import or the demo's load names the organization instead: its index is made again when next asked.
 * - `person` entries (names corrected by a clerk, a change the member asked for) name a person, who may be a member of
 *   several organizations: each of their memberships is read again.
 * Nothing else writes memberships or people's names, so every other entry is passed over. Looks are taken one at a
 * time: a request that comes while one runs waits for the next, which starts after it came.
 */
interface State {
  indexes: Map<string, MemberSearchIndex>;
  /** The last audit entry read; NaN before the first look. */
  cursor: number;
  /** Looks and builds, one after another. */
  chain: Promise<void>;
  /** The next look, if one is waiting for the chain: requests that come meanwhile share it. */
  pending: Promise<void> | null;
}

const states = new WeakMap<object, State>();

function stateOf(ctx: AppContext): State {
  let state = states.get(ctx.db);
  if (!state) {
    state = { indexes: new Map(), cursor: Number.NaN, chain: Promise.resolve(), pending: null };
    states.set(ctx.db, state);
  }
  return state;
}

function enqueue(state: State, work: () => Promise<void>): Promise<void> {
  const run = state.chain.then(work);
  state.chain = run.catch(() => undefined);
  return run;
}

/** A look at the log, started after this call: the one waiting, or a new one. */
function looked(ctx: AppContext, state: State): Promise<void> {
  if (state.pending) return state.pending;
  const pending = enqueue(state, () => {
    state.pending = null;
    return look(ctx, state);
  });
  state.pending = pending;
  return pending;
}

const auditHead = compileOnce((target) => target.db.selectFrom('audit_head').select('seq').where('id', '=', 1));

const registryEntries = compileOnce((target, params: { after: string; upTo: string }) => target.db.selectFrom('audit_log')
  .select(['seq', 'organization_id', 'entity_type', 'entity_id'])
  .where('seq', '>', sql<number>`${params.after}`).where('seq', '<=', sql<number>`${params.upTo}`)
  .where('entity_type', 'in', ['membership', 'person'])
  .orderBy('seq'));

/** A registry line's columns, as `IndexedMember` names them (memberships `m` joined to people `p`). */
export const memberColumns = [
  'm.id as membershipId', 'm.organization_id as organizationId', 'm.person_id as personId', 'm.member_number as memberNumber',
  'm.member_number_key as memberNumberKey', 'm.kind', 'm.status', 'm.admitted_on as admittedOn', 'm.ended_on as endedOn',
  'p.family_name as familyName', 'p.given_name as givenName', 'p.family_kana as familyKana', 'p.given_kana as givenKana',
] as const;

async function look(ctx: AppContext, state: State): Promise<void> {
  const head = Number((await auditHead(ctx, {}))[0]?.seq ?? -1);
  if (Number.isNaN(state.cursor) || state.indexes.size === 0) {
    // Nothing kept: whatever is made from here on reads the registry as it is now.
    state.cursor = head;
    return;
  }
  if (head <= state.cursor) return;
  const entries = await registryEntries(ctx, { after: String(state.cursor), upTo: String(head) });
  const membershipIds = new Set<string>();
  const personIds = new Set<string>();
  const rebuild = new Set<string>();
  let rebuildAll = false;
  for (const entry of entries) {
    if (entry.entity_type === 'person') personIds.add(entry.entity_id);
    else if (entry.organization_id === null) rebuildAll = true;
    else if (entry.entity_id === entry.organization_id) rebuild.add(entry.organization_id);
    else membershipIds.add(entry.entity_id);
  }
  const members = membershipIds.size + personIds.size === 0 || rebuildAll ? [] : await ctx.db.selectFrom('memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(memberColumns)
    .where((eb) => eb.or([
      ...(membershipIds.size > 0 ? [idIn(ctx.dialect, 'm.id', [...membershipIds])] : []),
      ...(personIds.size > 0 ? [idIn(ctx.dialect, 'm.person_id', [...personIds])] : []),
    ]))
    .execute();
  if (rebuildAll) {
    state.indexes.clear();
  } else {
    for (const row of members) {
      membershipIds.delete(row.membershipId);
      state.indexes.get(row.organizationId)?.put(asMember(row));
    }
    // An entry naming a membership that is not there (none is ever deleted): make its organization's index again.
    if (membershipIds.size > 0) {
      for (const entry of entries) if (entry.organization_id && membershipIds.has(entry.entity_id)) rebuild.add(entry.organization_id);
    }
    for (const id of rebuild) state.indexes.delete(id);
  }
  state.cursor = head;
}

export const asMember = <R extends { status: string }>(row: R): R & { status: MembershipStatus } => ({ ...row, status: row.status as MembershipStatus });

/** Makes the indexes of organizations that have none, with one read of their members. */
async function build(ctx: AppContext, state: State, organizationIds: readonly string[]): Promise<void> {
  const missing = organizationIds.filter((id) => !state.indexes.has(id));
  if (missing.length === 0) return;
  const rows = await ctx.db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
    .select(memberColumns).where('m.organization_id', 'in', missing).execute();
  const byOrganization = new Map<string, IndexedMember[]>(missing.map((id) => [id, []]));
  for (const row of rows) byOrganization.get(row.organizationId)!.push(asMember(row));
  for (const [id, members] of byOrganization) state.indexes.set(id, new MemberSearchIndex(members));
}

/** The search index of each organization asked for, up to date with every change audited before this call. */
export async function memberSearchIndexes(ctx: AppContext, organizationIds: readonly string[]): Promise<MemberSearchIndex[]> {
  const state = stateOf(ctx);
  await looked(ctx, state);
  if (organizationIds.some((id) => !state.indexes.has(id))) await enqueue(state, () => build(ctx, state, organizationIds));
  // A look that ran meanwhile may have dropped one to be made again (an import): then the first call makes it.
  if (organizationIds.some((id) => !state.indexes.has(id))) return memberSearchIndexes(ctx, organizationIds);
  return organizationIds.map((id) => state.indexes.get(id)!);
}

/** The index this process keeps for an organization, as it is: none is made and nothing is read. */
export function keptMemberSearchIndex(ctx: AppContext, organizationId: string): MemberSearchIndex | undefined {
  return states.get(ctx.db)?.indexes.get(organizationId);
}

/**
 * Makes every organization's index ahead of the first search (a server does at start). One organization at a time,
 * giving way between them: making an index holds the event loop (on SQLite the read too), so requests that come
 * meanwhile wait for one organization's index at most, not for the federation's.
 */
export async function warmMemberSearch(ctx: AppContext): Promise<void> {
  for (const id of await allOrganizationIds(ctx)) {
    await memberSearchIndexes(ctx, [id]);
    await giveWay();
  }
}

/** Every organization in the registry (the federation administrator's search runs over all of them). */
export async function allOrganizationIds(ctx: AppContext): Promise<string[]> {
  return (await ctx.db.selectFrom('organizations').select('id').execute()).map((r) => r.id);
}

/**
 * `column in (ids)` for a list of ids of any length, as one parameter: a JSON array read by `json_each` on SQLite, a
 * text array on PostgreSQL (thousands of single parameters would be slow to bind, and SQLite caps their number).
 */
export function idIn(dialect: DialectName, column: string, ids: readonly string[]): Expression<SqlBool> {
  return dialect === 'sqlite'
    ? sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`
    : sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::text[])`;
}
