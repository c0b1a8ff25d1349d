import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { createCommissioner, listCommissioners } from '../../src/app/programmes/commissioners.js';
import { createContract, getContract, listContracts, updateContract } from '../../src/app/programmes/contracts.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { commonIndicators, type ContractFields } from '../../src/domain/programmes/contract.js';
import { localGovernment, localGovernments, searchLocalGovernments } from '../../src/domain/programmes/local-governments.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };

describe('the official list of local governments', () => {
  it('has the 47 prefectures and 1,747 municipality-level entries, each code with its check digit', () => {
    const all = localGovernments();
    expect(all.filter((g) => g.level === 'prefecture')).toHaveLength(47);
    expect(all.filter((g) => g.level === 'municipality')).toHaveLength(1_747);
    expect(localGovernment('011002')).toMatchObject({ nameJa: '札幌市', kana: 'さっぽろし', prefectureCode: '01', prefectureJa: '北海道' });
    expect(localGovernment('131016')).toMatchObject({ nameJa: '千代田区', level: 'municipality' });
    // The wards of a designated city are not local governments.
    expect(localGovernment('011011')).toBeUndefined();
  });

  it('finds a local government by code, name or reading, in kanji, hiragana or katakana', () => {
    expect(searchLocalGovernments('千葉').slice(0, 2).map((g) => g.nameJa)).toEqual(['千葉県', '千葉市']);
    expect(searchLocalGovernments('チバシ').map((g) => g.nameJa)).toContain('千葉市');
    expect(searchLocalGovernments('12100').map((g) => g.code)).toEqual(['121002']);
    expect(searchLocalGovernments('府中市').map((g) => g.prefectureJa).sort()).toEqual(['広島県', '東京都']);
    expect(searchLocalGovernments('東京都千代田').map((g) => g.nameJa)).toEqual(['千代田区']);
    expect(searchLocalGovernments('  ')).toEqual([]);
  });
});

describe.each(dialects)('commissioners and contracts (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let orgs: Map<string, string>;
  let centreSites: string[];
  let mhlw: string;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadDemo(ctx, 'demo password 1234', { governance: true, programmes: false });
    orgs = new Map((await ctx.db.selectFrom('organizations').select(['code', 'id']).execute()).map((o) => [o.code, o.id]));
    centreSites = (await ctx.db.selectFrom('sites').select('id').where('organization_id', '=', orgs.get('center-jigyodan')!).orderBy('name_ja').execute()).map((s) => s.id);
    mhlw = (await createCommissioner(ctx, federationAdmin, { kind: 'ministry', nameJa: '厚生労働省', nameEn: 'Ministry of Health, Labour and Welfare', localGovernmentCode: null, prefectureCode: null })).id;
  }, 120_000);
  afterAll(() => database.close());

  const contract = (): ContractFields => ({
    programmeJa: ' 地域若者サポートステーション事業 ', programmeEn: 'Youth Support Station', commissionerId: mhlw, periodFrom: '2026-04-01', periodUntil: '2027-03-31',
    amount: 28_600_000, siteIds: centreSites.slice(0, 1), indicators: commonIndicators.slice(0, 3).map((i, n) => ({ ...i, target: [120, 60, 45][n]! })), retentionMonths: 60,
  });

  it('takes a local government\'s name from the official list, and lists each once', async () => {
    const clerk: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'clerk', organizationId: orgs.get('wc-chiba')! };
    const chiba = await createCommissioner(ctx, clerk, { kind: 'municipality', nameJa: 'ちばし', nameEn: 'Chiba City', localGovernmentCode: '121002', prefectureCode: null });
    expect(chiba).toMatchObject({ nameJa: '千葉市', prefectureCode: '12', localGovernmentCode: '121002' });
    await expect(createCommissioner(ctx, federationAdmin, { kind: 'municipality', nameJa: '千葉市', nameEn: null, localGovernmentCode: '121002', prefectureCode: '12' }))
      .rejects.toMatchObject({ kind: 'conflict', code: 'duplicate_commissioner' });
    await expect(createCommissioner(ctx, federationAdmin, { kind: 'municipality', nameJa: 'x', nameEn: null, localGovernmentCode: '999991', prefectureCode: null }))
      .rejects.toMatchObject({ errors: [{ field: 'localGovernmentCode', code: 'unknown_local_government' }] });
    await expect(createCommissioner(ctx, federationAdmin, { kind: 'prefecture', nameJa: 'x', nameEn: null, localGovernmentCode: '121002', prefectureCode: null }))
      .rejects.toMatchObject({ errors: [{ field: 'localGovernmentCode', code: 'not_a_prefecture' }] });
    const member: Actor = { userId: 'm', email: 'm@kyodo.example', role: 'member', organizationId: orgs.get('wc-chiba')! };
    await expect(listCommissioners(ctx, member)).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await listCommissioners(ctx, clerk)).map((c) => c.nameJa)).toEqual(['厚生労働省', '千葉市']);
  });

  it('records a contract with its offices and agreed indicators, and the day its participants\' records are erased', async () => {
    const created = await createContract(ctx, federationAdmin, orgs.get('center-jigyodan')!, contract());
    expect(created).toMatchObject({ programmeJa: '地域若者サポートステーション事業', amount: 28_600_000, siteIds: centreSites.slice(0, 1), erasureOn: '2032-04-01', version: 1 });
    expect(created.indicators.map((i) => [i.code, i.target])).toEqual([['participants-supported', 120], ['new-registrations', 60], ['job-placements', 45]]);
    expect((await listContracts(ctx, federationAdmin, orgs.get('center-jigyodan')!)).map((c) => c.id)).toEqual([created.id]);

    const changed = await updateContract(ctx, federationAdmin, created.id, { ...contract(), amount: 30_000_000, siteIds: centreSites.slice(0, 2), indicators: [], version: 1 });
    expect(changed).toMatchObject({ amount: 30_000_000, siteIds: [...centreSites.slice(0, 2)].sort(), indicators: [], version: 2 });
    await expect(updateContract(ctx, federationAdmin, created.id, { ...contract(), version: 1 })).rejects.toMatchObject({ code: 'version_conflict' });
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'contract').where('entity_id', '=', created.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses another organization\'s site or an unknown commissioner, row by row, and writes nothing', async () => {
    const chibaSite = (await ctx.db.selectFrom('sites').select('id').where('organization_id', '=', orgs.get('wc-chiba')!).executeTakeFirstOrThrow()).id;
    const before = await ctx.db.selectFrom('programme_contracts').select('id').execute();
    await expect(createContract(ctx, federationAdmin, orgs.get('center-jigyodan')!, { ...contract(), commissionerId: 'nobody', siteIds: [centreSites[0]!, chibaSite] }))
      .rejects.toMatchObject({ errors: [{ field: 'commissionerId', code: 'unknown_commissioner' }, { field: 'siteIds.1', code: 'unknown_site' }] });
    await expect(createContract(ctx, federationAdmin, orgs.get('center-jigyodan')!, { ...contract(), periodUntil: '2026-03-01', amount: -1 }))
      .rejects.toMatchObject({ errors: [{ field: 'periodUntil', code: 'end_before_start' }, { field: 'amount', code: 'not_whole_yen' }] });
    expect(await ctx.db.selectFrom('programme_contracts').select('id').execute()).toEqual(before);
  });

  it('keeps an organization\'s contracts to its own staff', async () => {
    const centre = orgs.get('center-jigyodan')!;
    const [one] = await listContracts(ctx, federationAdmin, centre);
    const clerkOfChiba: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'clerk', organizationId: orgs.get('wc-chiba')! };
    await expect(listContracts(ctx, clerkOfChiba, centre)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getContract(ctx, clerkOfChiba, one!.id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(createContract(ctx, clerkOfChiba, centre, contract())).rejects.toMatchObject({ kind: 'forbidden' });
    const member: Actor = { userId: 'm', email: 'm@kyodo.example', role: 'member', organizationId: centre };
    await expect(listContracts(ctx, member, centre)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
