import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSite } from '../../src/app/business/sites.js';
import { recordSiteResult } from '../../src/app/business/site-results.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { createOrganization } from '../../src/app/organizations/write-organizations.js';
import { createCommissioner } from '../../src/app/programmes/commissioners.js';
import { createContract } from '../../src/app/programmes/contracts.js';
import { listSdgTags, readSdgView, setSdgTags } from '../../src/app/reporting/sdg.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import type { Actor } from '../../src/domain/access/policy.js';
import type { OrganizationFields } from '../../src/domain/organizations/organization.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };

/** SDG tags on business lines and sites, and the view of what each goal is served by. */
describe.each(dialects)('SDG mapping (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let org: string;
  let other: string;
  let care: string;
  let farm: string;
  let otherSite: string;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    const base = {
      legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: '2022-10-01', fiscalYearStartMonth: 4, postalCode: null, address: null,
      status: 'active', businessLines: ['eldercare'],
    } satisfies Partial<OrganizationFields>;
    const federation = await createOrganization(ctx, null, systemActor('test'), {
      ...base, code: 'fed', kind: 'federation', parentId: null, nameJa: '日本労働者協同組合連合会', nameEn: 'JWCU', legalForm: 'general-incorporated-association', lawProfile: 'ica-generic', prefectureCode: '13',
    });
    const a = await createOrganization(ctx, null, systemActor('test'), { ...base, code: 'wc-a', kind: 'organization', parentId: federation.id, nameJa: '労働者協同組合ワーカーズコープA', nameEn: 'A', prefectureCode: '12' });
    const b = await createOrganization(ctx, null, systemActor('test'), { ...base, code: 'wc-b', kind: 'organization', parentId: federation.id, nameJa: '労働者協同組合ワーカーズコープB', nameEn: 'B', prefectureCode: '13' });
    org = a.id;
    other = b.id;
    const site = (organizationId: string, nameJa: string, businessLine: string) => createSite(ctx, federationAdmin, organizationId, {
      nameJa, nameEn: null, businessLine, postalCode: null, prefectureCode: null, address: null, openedOn: '2020-04-01', closedOn: null, operation: 'own',
      commissionerName: null, commissionerCode: null, capacity: null,
    });
    care = (await site(org, 'ケアセンター', 'eldercare')).id;
    farm = (await site(org, '農園', 'agriculture-biodiesel')).id;
    otherSite = (await site(other, '介護事業所', 'eldercare')).id;
    for (const [id, turnover, people] of [[care, 10_000_000, 40], [farm, 3_000_000, null], [otherSite, 5_000_000, 20]] as const) {
      await recordSiteResult(ctx, federationAdmin, id, { fiscalYear: 2025, turnover, expenses: turnover - 100_000, peopleServed: people, workersMembers: 4, workersNonMembers: 1 });
    }
  }, 120_000);
  afterAll(() => database.close());

  it('keeps a subject\'s goals and targets in catalogue order, without repeats, and refuses what the catalogue lacks, row by row', async () => {
    expect((await setSdgTags(ctx, federationAdmin, 'business-line', 'eldercare', ['8.5', '3', '3.8', '8.5', ' 10.2 '])).map((t) => t.code)).toEqual(['3', '3.8', '8.5', '10.2']);
    await expect(setSdgTags(ctx, federationAdmin, 'business-line', 'eldercare', ['3', '18', '8.z'])).rejects.toMatchObject({
      kind: 'invalid', errors: [{ field: 'codes.1', code: 'unknown_sdg_code' }, { field: 'codes.2', code: 'unknown_sdg_code' }],
    });
    // Refused as a whole: the tags stay as they were.
    expect((await listSdgTags(ctx, federationAdmin)).filter((t) => t.subjectId === 'eldercare').map((t) => t.code)).toEqual(['3', '3.8', '8.5', '10.2']);
    await expect(setSdgTags(ctx, federationAdmin, 'business-line', 'no-such-line', ['3'])).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('lets only the federation administrator tag a business line, and an organization\'s staff tag its own sites', async () => {
    const clerk: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'clerk', organizationId: org };
    await expect(setSdgTags(ctx, clerk, 'business-line', 'eldercare', ['1'])).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await setSdgTags(ctx, clerk, 'site', farm, ['7.2', '13'])).map((t) => t.code)).toEqual(['7.2', '13']);
    await expect(setSdgTags(ctx, clerk, 'site', otherSite, ['3'])).rejects.toMatchObject({ kind: 'not_found' });
    const member: Actor = { userId: 'm', email: 'm@kyodo.example', role: 'member', organizationId: org };
    await expect(setSdgTags(ctx, member, 'site', farm, ['3'])).rejects.toMatchObject({ kind: 'not_found' });
    // The clerk sees the lines' tags and the own organization's sites', never another's.
    await setSdgTags(ctx, federationAdmin, 'site', otherSite, ['1.3']);
    const seen = await listSdgTags(ctx, clerk);
    expect(seen.some((t) => t.subjectId === otherSite)).toBe(false);
    expect(seen.some((t) => t.subjectId === farm)).toBe(true);
    await expect(listSdgTags(ctx, clerk, other)).rejects.toMatchObject({ kind: 'forbidden' });
    await setSdgTags(ctx, federationAdmin, 'site', otherSite, []);
  });

  it('shows what serves each goal, counting a site once however many of the goal\'s targets it serves', async () => {
    await setSdgTags(ctx, federationAdmin, 'business-line', 'eldercare', ['3', '3.8', '8.5']);
    await setSdgTags(ctx, federationAdmin, 'site', farm, ['7.2', '8.5', '13']);
    const view = await readSdgView(ctx, federationAdmin, { kind: 'federation' });
    expect(view.fiscalYear).toBe(2025);
    expect(view.goals.map((g) => g.goal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const health = view.goals.find((g) => g.goal === 3)!;
    expect(health.codes).toEqual(['3', '3.8']);
    expect(health.businessLines.map((l) => l.code)).toEqual(['eldercare']);
    expect(health.sites.map((s) => s.id).sort()).toEqual([care, otherSite].sort());
    expect(health).toMatchObject({ turnover: 15_000_000, peopleServed: 60, workers: 10 });
    const work = view.goals.find((g) => g.goal === 8)!;
    expect(work.sites.map((s) => [s.id, s.direct]).sort()).toEqual([[care, false], [farm, true], [otherSite, false]].sort());
    expect(work.turnover).toBe(18_000_000);
    expect(view.goals.find((g) => g.goal === 14)).toMatchObject({ codes: [], sites: [], businessLines: [], turnover: 0 });

    const own = await readSdgView(ctx, federationAdmin, { kind: 'organization', id: org }, 2025);
    expect(own.goals.find((g) => g.goal === 3)).toMatchObject({ turnover: 10_000_000, peopleServed: 40 });
    expect(own.goals.find((g) => g.goal === 13)!.sites.map((s) => s.id)).toEqual([farm]);
    const clerkOfOther: Actor = { userId: 'x', email: 'x@kyodo.example', role: 'clerk', organizationId: other };
    await expect(readSdgView(ctx, clerkOfOther, { kind: 'organization', id: org })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(readSdgView(ctx, clerkOfOther, { kind: 'federation' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
  it('tags a commissioned programme with the goals it serves, and shows it under them with the participants it took in that year', async () => {
    const mhlw = await createCommissioner(ctx, federationAdmin, { kind: 'ministry', nameJa: '厚生労働省', nameEn: null, localGovernmentCode: null, prefectureCode: null });
    const contract = await createContract(ctx, federationAdmin, org, {
      programmeJa: '地域若者サポートステーション事業', programmeEn: 'Youth Support Station', commissionerId: mhlw.id, periodFrom: '2025-04-01', periodUntil: '2026-03-31',
      amount: 25_000_000, siteIds: [care], indicators: [], retentionMonths: 60,
    });
    // Two intakes in fiscal 2025 and one before it: the view counts the year's (plain columns only; nothing sealed is read).
    for (const [n, intakeOn] of [[1, '2025-05-01'], [2, '2026-02-10'], [3, '2025-03-31']] as const) {
      await ctx.db.insertInto('participants').values({
        id: `p-${dialect}-${n}`, organization_id: org, contract_id: contract.id, site_id: care, reference: `P-0000-000${n}`, intake_on: intakeOn, age_band: '20-24',
        status: 'erased', closed_on: null, person_id: null, sealed: null, erased_at: null, erasure_reason: null, version: 1, created_at: '2025-05-01T00:00:00Z', updated_at: '2025-05-01T00:00:00Z',
      }).execute();
    }
    const clerkOfOther: Actor = { userId: 'c2', email: 'c2@kyodo.example', role: 'clerk', organizationId: other };
    await expect(setSdgTags(ctx, clerkOfOther, 'programme', contract.id, ['8.6'])).rejects.toMatchObject({ kind: 'not_found' });
    const clerk: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'clerk', organizationId: org };
    expect((await setSdgTags(ctx, clerk, 'programme', contract.id, ['8.6', '8.5'])).map((t) => t.code)).toEqual(['8.5', '8.6']);
    const audit = await ctx.db.selectFrom('audit_log').select(['entity_type', 'action']).where('entity_id', '=', contract.id).where('action', '=', 'sdg_tags').execute();
    expect(audit).toEqual([{ entity_type: 'contract', action: 'sdg_tags' }]);

    const view = await readSdgView(ctx, federationAdmin, { kind: 'federation' }, 2025);
    const decentWork = view.goals.find((g) => g.goal === 8)!;
    expect(decentWork.programmes).toEqual([{
      id: contract.id, organizationId: org, programmeJa: '地域若者サポートステーション事業', programmeEn: 'Youth Support Station', periodFrom: '2025-04-01', periodUntil: '2026-03-31', intakes: 2,
    }]);
    expect(decentWork.codes).toEqual(expect.arrayContaining(['8.5', '8.6']));
    // Not running in fiscal 2024, so not shown for it; and not in another organization's view.
    expect((await readSdgView(ctx, federationAdmin, { kind: 'federation' }, 2024)).goals.find((g) => g.goal === 8)!.programmes).toEqual([]);
    expect((await readSdgView(ctx, federationAdmin, { kind: 'organization', id: other }, 2025)).goals.find((g) => g.goal === 8)!.programmes).toEqual([]);
  });
});
