import { sql } from 'kysely';
import type { AppContext } from './context.js';

/**
 * Audit entries of kinds that never come with a change to the registry, the work records, the ledger, the bodies'
 * seats or the bylaws: signing in, tokens and passkeys, proxies and ballots, programme casework and its reads,
 * campaigns, people's contact details. They are most of what the log gains in a day (every sign-in is one), so a
 * result that reads only those tables need not be made again for them. The list names what is known to be harmless:
 * a kind not on it counts as a change, so a new kind can only make a result be made again, never keep it stale.
 */
export const auditKindsWithoutRecordChanges: readonly string[] = [
  'user', 'api_token', 'passkey', 'invitation_batch', 'contact_change_request', 'person',
  'proxy', 'vote_cast',
  'participant', 'participant-list', 'case-assignment', 'commissioner', 'contract',
  'campaign', 'campaign-target', 'campaign-milestone',
  'fx_rate', 'site_result', 'site_result_import',
];

/** The latest audit entry that may have changed the records: of any organization, and of one. */
export interface RecordChanges {
  latest: number;
  of(organizationId: string): number;
}

/**
 * How far the log has been looked at, per database. An entry names the organization whose records it changed; one
 * that names none, or a federation (whose administrator may act on any member's records), counts for every one.
 */
interface Watch {
  checked: number;
  latest: number;
  everyone: number;
  byOrganization: Map<string, number>;
}

const watches = new WeakMap<object, Watch>();

/**
 * Where the records last changed, for this database. Every change to them is audited in its own transaction, and
 * audit entries are numbered in commit order (each takes the chain head's lock), so these numbers move with any such
 * change by any process sharing the database. Only entries after the last look are read: a range of the log's
 * primary key, a few rows at most between two requests. The first look takes the head itself, as if everything had
 * just changed.
 */
export async function recordChanges(ctx: AppContext): Promise<RecordChanges> {
  let watch = watches.get(ctx.db);
  if (!watch) {
    const head = Number((await ctx.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst())?.seq ?? -1);
    watch = { checked: head, latest: head, everyone: head, byOrganization: new Map() };
    watches.set(ctx.db, watch);
  } else {
    const since = await ctx.db.selectFrom('audit_log as a')
      .leftJoin('organizations as o', 'o.id', 'a.organization_id')
      .select([
        'a.organization_id',
        'o.kind',
        (eb) => eb.fn.max('a.seq').as('head'),
        sql<number | string | null>`max(case when a.entity_type in (${sql.join(auditKindsWithoutRecordChanges)}) then null else a.seq end)`.as('changed'),
      ])
      .where('a.seq', '>', watch.checked)
      .groupBy(['a.organization_id', 'o.kind'])
      .execute();
    // Another request may have looked further meanwhile: every figure only moves forward.
    for (const row of since) {
      watch.checked = Math.max(watch.checked, Number(row.head));
      if (row.changed === null) continue;
      const changed = Number(row.changed);
      watch.latest = Math.max(watch.latest, changed);
      if (row.organization_id === null || row.kind !== 'organization') watch.everyone = Math.max(watch.everyone, changed);
      else watch.byOrganization.set(row.organization_id, Math.max(watch.byOrganization.get(row.organization_id) ?? -1, changed));
    }
  }
  // As of this look: a result made now is kept under these numbers, not under ones a later request finds.
  const { latest, everyone } = watch;
  const byOrganization = new Map(watch.byOrganization);
  return { latest, of: (id) => Math.max(everyone, byOrganization.get(id) ?? -1) };
}

/**
 * Results that read only the records (see auditKindsWithoutRecordChanges), kept per database and key until the
 * records change anywhere: made at most once between two changes, by whichever request comes first. The change is
 * looked up before the result is made, so a result kept under a change is never older than it; one made while a
 * change commits is made again at the next request. A few keys at a time; the oldest goes first.
 */
export function keptUntilRecordsChange<T>(limit = 32): (ctx: AppContext, key: string, make: () => Promise<T>) => Promise<T> {
  const kept = new WeakMap<object, { changed: number; values: Map<string, T> }>();
  return async (ctx, key, make) => {
    const changed = (await recordChanges(ctx)).latest;
    let made = kept.get(ctx.db);
    if (!made || made.changed !== changed) {
      made = { changed, values: new Map() };
      kept.set(ctx.db, made);
    }
    const value = made.values.get(key);
    if (value !== undefined) return value;
    const fresh = await make();
    if (made.values.size >= limit) made.values.delete(made.values.keys().next().value!);
    made.values.set(key, fresh);
    return fresh;
  };
}

/**
 * Results made per organization from its records alone, kept per database until that organization's records change:
 * `make` is called once for all the organizations whose results are missing or out of date (so a set-based read
 * stays one read), and the others are served as kept. `keyOf` names an organization's result with what else it
 * depends on (a date, a setting), and must be distinct for distinct organizations.
 */
export function keptPerOrganization<T>(limit = 1_000): (ctx: AppContext, organizationIds: readonly string[], keyOf: (organizationId: string) => string, make: (ids: string[]) => Promise<Map<string, T>>) => Promise<Map<string, T>> {
  const kept = new WeakMap<object, Map<string, { changed: number; value: T }>>();
  return async (ctx, organizationIds, keyOf, make) => {
    const changes = await recordChanges(ctx);
    let values = kept.get(ctx.db);
    if (!values) {
      values = new Map();
      kept.set(ctx.db, values);
    }
    const result = new Map<string, T>();
    const missing: string[] = [];
    for (const id of organizationIds) {
      const entry = values.get(keyOf(id));
      if (entry && entry.changed === changes.of(id)) result.set(id, entry.value);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    const fresh = await make(missing);
    for (const id of missing) {
      const value = fresh.get(id);
      if (value === undefined) continue;
      result.set(id, value);
      const entryKey = keyOf(id);
      values.delete(entryKey);
      if (values.size >= limit) values.delete(values.keys().next().value!);
      values.set(entryKey, { changed: changes.of(id), value });
    }
    return result;
  };
}
