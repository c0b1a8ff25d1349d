import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKey, generateKeyring, retainOnly, seal, sealedKeyId, unseal, type Keyring } from '../../src/app/crypto/keyring.js';
import { countByKey, holdsSealedData, resealAll } from '../../src/app/crypto/reseal.js';
import { sealContext, sealedColumns } from '../../src/app/crypto/sealed-columns.js';
import { newId, type AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const at = '2026-11-27T00:00:00.000Z';

/** The rows participants hang on (an organization, a site, a commissioner, a contract), with the fewest columns. */
async function seedContract(ctx: AppContext) {
  const organizationId = newId();
  await ctx.db.insertInto('organizations').values({
    id: organizationId, code: 'wc-keys', kind: 'cooperative', name_ja: 'ワーカーズコープ鍵', legal_form: 'worker-cooperative', law_profile: 'workers-coop-act',
    fiscal_year_start_month: 4, status: 'active', version: 1, created_at: at, updated_at: at,
  }).execute();
  const siteId = newId();
  await ctx.db.insertInto('sites').values({
    id: siteId, organization_id: organizationId, name_ja: '若者サポートステーション', business_line: 'employment-support', operation: 'commissioned', version: 1, created_at: at, updated_at: at,
  }).execute();
  const commissionerId = newId();
  await ctx.db.insertInto('commissioners').values({ id: commissionerId, kind: 'municipality', name_ja: '千葉市', version: 1, created_at: at, updated_at: at }).execute();
  const contractId = newId();
  await ctx.db.insertInto('programme_contracts').values({
    id: contractId, organization_id: organizationId, commissioner_id: commissionerId, programme_ja: '地域若者サポートステーション事業',
    period_from: '2026-04-01', period_until: '2027-03-31', amount: 12_000_000, retention_months: 60, version: 1, created_at: at, updated_at: at,
  }).execute();
  return { organizationId, siteId, contractId };
}

/** A participant with a plan, activities, an outcome and a follow-up, each sealed where it is stored. */
async function addParticipant(ctx: AppContext, keyring: Keyring, ids: { organizationId: string; siteId: string; contractId: string }, n: number, activities = 1) {
  const id = newId();
  const sealedAt = (table: string, rowId: string, value: unknown) => seal(keyring, JSON.stringify(value), sealContext(table, 'sealed', rowId));
  await ctx.db.insertInto('participants').values({
    id, organization_id: ids.organizationId, contract_id: ids.contractId, site_id: ids.siteId, reference: `P-2026-${String(n).padStart(4, '0')}`,
    intake_on: '2026-05-01', age_band: '20-24', status: 'active', sealed: sealedAt('participants', id, { familyName: '山田', givenName: `花子${n}` }),
    version: 1, created_at: at, updated_at: at,
  }).execute();
  const planId = newId();
  await ctx.db.insertInto('support_plans').values({ id: planId, participant_id: id, starts_on: '2026-05-10', sealed: sealedAt('support_plans', planId, { goals: '週3日の就労体験' }), created_at: at }).execute();
  const rows = Array.from({ length: activities }, (_, i) => {
    const activityId = newId();
    return { id: activityId, participant_id: id, kind: 'counselling', on_date: '2026-06-01', minutes: 60, sealed: sealedAt('participant_activities', activityId, { note: `面談 ${i}` }), created_at: at };
  });
  for (let i = 0; i < rows.length; i += 200) await ctx.db.insertInto('participant_activities').values(rows.slice(i, i + 200)).execute();
  const outcomeId = newId();
  await ctx.db.insertInto('participant_outcomes').values({ id: outcomeId, participant_id: id, kind: 'coop-worker', on_date: '2026-09-01', sealed: sealedAt('participant_outcomes', outcomeId, { note: '就職' }), created_at: at }).execute();
  const followUpId = newId();
  await ctx.db.insertInto('participant_follow_ups').values({
    id: followUpId, participant_id: id, outcome_id: outcomeId, months: 1, due_on: '2026-10-01', status: 'pending', sealed: sealedAt('participant_follow_ups', followUpId, { note: '電話' }), created_at: at,
  }).execute();
  return id;
}

/** Every sealed value in the database, with where it is stored. */
async function allSealed(ctx: AppContext) {
  const values: { context: string; sealed: string }[] = [];
  for (const { table, column } of sealedColumns) {
    for (const row of await ctx.db.selectFrom(table).select(['id', 'sealed']).where('sealed', 'is not', null).execute()) {
      values.push({ context: sealContext(table, column, row.id), sealed: row.sealed! });
    }
  }
  return values;
}

describe.each(dialects)('data keys and resealing (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let ids: Awaited<ReturnType<typeof seedContract>>;
  const first = generateKeyring(new Date('2026-04-01T00:00:00Z'));
  /** The keyring every value is under after the last test (the tests build on one another). */
  let current: Keyring;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date(at) };
    ids = await seedContract(ctx);
  });
  afterAll(() => database.close());

  it('rotates: every value opens with the new key alone, none is left under the old one, erased rows stay empty', async () => {
    expect(await holdsSealedData(ctx)).toBe(false);
    // 1,200 activities: more than two pages of 500.
    const heavy = await addParticipant(ctx, first, ids, 1, 1_200);
    await addParticipant(ctx, first, ids, 2);
    const erased = await addParticipant(ctx, first, ids, 3);
    await ctx.db.updateTable('participants').set({ sealed: null, status: 'erased', erased_at: at }).where('id', '=', erased).execute();
    const before = await allSealed(ctx);
    expect(before).toHaveLength(3 + 3 + 1_202 + 3 + 3 - 1);
    expect(await countByKey(ctx)).toEqual({ [first.activeId]: before.length });
    const plain = new Map(before.map((v) => [v.context, unseal(first, v.sealed, v.context)]));

    const rotated = addKey(first);
    const pages: number[] = [];
    const result = await resealAll(ctx, rotated, ({ table, resealed }) => table === 'participant_activities' && pages.push(resealed));
    expect(result.byTable).toEqual({ participants: 2, support_plans: 3, participant_activities: 1_202, participant_outcomes: 3, participant_follow_ups: 3 });
    expect(result.total).toBe(before.length);
    expect(pages).toEqual([500, 1_000, 1_202]);

    const onlyNew = retainOnly(rotated, [rotated.activeId]);
    const after = await allSealed(ctx);
    expect(after).toHaveLength(before.length);
    for (const v of after) {
      expect(sealedKeyId(v.sealed)).toBe(rotated.activeId);
      expect(unseal(onlyNew, v.sealed, v.context)).toBe(plain.get(v.context));
    }
    expect(await countByKey(ctx)).toEqual({ [rotated.activeId]: before.length });
    expect((await ctx.db.selectFrom('participants').select('sealed').where('id', '=', erased).executeTakeFirstOrThrow()).sealed).toBeNull();
    expect(await ctx.db.selectFrom('participants').select('id').where('id', '=', heavy).executeTakeFirst()).toBeDefined();

    // Nothing left to do: a second run rewrites nothing.
    expect((await resealAll(ctx, onlyNew)).total).toBe(0);
    current = onlyNew;
  });

  it('leaves every value readable when a reseal stops midway, and finishes when run again', async () => {
    const next = addKey(current);
    await expect(resealAll(ctx, next, ({ table }) => {
      if (table === 'participant_activities') throw new Error('power cut');
    })).rejects.toThrow('power cut');
    const counts = await countByKey(ctx);
    expect(Object.keys(counts).sort()).toEqual([current.activeId, next.activeId].sort());
    expect(counts[next.activeId]).toBe(2 + 3 + 500);
    const midway = await allSealed(ctx);
    for (const v of midway) expect(unseal(next, v.sealed, v.context)).toMatch(/^\{/);

    const finished = await resealAll(ctx, next);
    expect(finished.byTable.participant_activities).toBe(1_202 - 500);
    expect(finished.total).toBe(midway.length - (2 + 3 + 500));
    expect(Object.keys(await countByKey(ctx))).toEqual([next.activeId]);
  });

  it('fails with data_key_unknown, naming the key, for a value under a key no longer held', async () => {
    const participantId = await addParticipant(ctx, first, ids, 4);
    const row = await ctx.db.selectFrom('participants').select('sealed').where('id', '=', participantId).executeTakeFirstOrThrow();
    const other = generateKeyring();
    let error: unknown;
    try {
      unseal(other, row.sealed!, sealContext('participants', 'sealed', participantId));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('data_key_unknown');
    expect((error as DomainError).message).toContain(first.activeId);
    // A reseal cannot move what it cannot open: it stops, and changes nothing it could not read.
    await expect(resealAll(ctx, other)).rejects.toMatchObject({ code: 'data_key_unknown' });
    expect((await countByKey(ctx))[first.activeId]).toBe(5);
  });
});
