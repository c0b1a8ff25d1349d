import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyring, unseal, type Keyring } from '../../src/app/crypto/keyring.js';
import { sealContext } from '../../src/app/crypto/sealed-columns.js';
import { demoCaseAccounts, planDemoProgrammes, seedProgrammes, type ProgrammeSite } from '../../src/app/demo/demo-programmes.js';
import { loadDemo, type DemoAccounts } from '../../src/app/demo/load-demo.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { erasureDate } from '../../src/domain/programmes/contract.js';
import { localGovernment, localGovernments } from '../../src/domain/programmes/local-governments.js';
import { ageBands, followUpMonths, placementKinds, type OutcomeKind } from '../../src/domain/programmes/participant.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const codeOf = (nameJa: string, prefectureCode: string): string => localGovernments().find((g) => g.nameJa === nameJa && g.prefectureCode === prefectureCode)!.code;

const site = (id: string, organizationId: string, fields: Partial<ProgrammeSite>): ProgrammeSite => ({
  id, organizationId, nameJa: id, businessLine: 'employment-support', prefectureCode: null, postalCode: null, address: null, commissionerName: null,
  commissionerCode: null, openedOn: '2010-04-01', closedOn: null, ...fields,
});

/** Sites shaped as the seed-scale demo's: 22 stations, needy persons' offices in a few cities, other commissioned sites. */
function seedLikeSites(): ProgrammeSite[] {
  const stations = Array.from({ length: 22 }, (_, i) => site(`yss-${i}`, i < 17 ? 'centre' : `regional-${i}`, {
    nameJa: `駅前${i}地域若者サポートステーション`, commissionerName: '厚生労働省', openedOn: `${2007 + (i % 8)}-04-01`, closedOn: i === 3 ? '2022-03-31' : null,
  }));
  const needy: [string, string, string, string][] = [
    ['centre', '千葉市', '12', '生活・就労支援センター'], ['centre', '横浜市', '14', '生活・就労支援センター'], ['centre', '大阪市', '27', '生活・就労支援センター'],
    ['centre', '大阪市', '27', '就労準備支援事業所'], ['centre', '福岡市', '40', '生活・就労支援センター'], ['chiba', '船橋市', '12', '生活・就労支援センター'],
    ['hokkaido', '札幌市', '01', '生活・就労支援センター'], ['okinawa', '那覇市', '47', '生活・就労支援センター'],
  ];
  const offices = needy.map(([org, city, pref, kind], i) => site(`needy-${i}`, org, {
    nameJa: `${city}${kind}`, commissionerName: city, commissionerCode: codeOf(city, pref), prefectureCode: pref, openedOn: i === 7 ? '2019-10-01' : '2015-04-01',
  }));
  const others = [['centre', '船橋市', '12'], ['centre', '川崎市', '14'], ['chiba', '市川市', '12'], ['hokkaido', '旭川市', '01']]
    .map(([org, city, pref], i) => site(`other-${i}`, org!, { businessLine: 'childcare', commissionerName: city!, commissionerCode: codeOf(city!, pref!) }));
  return [...stations, ...offices, ...others];
}

describe('the demo programmes\' plan', () => {
  it('gives the seed\'s 22 stations the ministry\'s yearly contracts and finds 87 local governments from the official list', () => {
    const sites = seedLikeSites();
    const plan = planDemoProgrammes(sites, { localGovernments: seedProgrammes.localGovernments, lastYear: 2026 });
    expect(plan.stations).toHaveLength(seedProgrammes.youthSupportStations);
    const ministryLines = plan.lines.filter((l) => l.commissioner.kind === 'ministry');
    expect(new Set(ministryLines.map((l) => l.site.id)).size).toBe(22);
    expect(ministryLines.every((l) => l.programme === 'yss' && l.fromYear >= 2017 && l.untilYear <= 2026)).toBe(true);
    // A station closed at the end of March 2022 has its contracts up to fiscal 2021.
    expect(ministryLines.find((l) => l.site.id === 'yss-3')).toMatchObject({ fromYear: 2017, untilYear: 2021 });

    expect(plan.localGovernmentCodes).toHaveLength(87);
    const local = plan.lines.filter((l) => l.commissioner.kind !== 'ministry');
    expect(new Set(local.map((l) => (l.commissioner.kind === 'ministry' ? '' : l.commissioner.code)))).toEqual(new Set(plan.localGovernmentCodes));
    for (const line of local) {
      if (line.commissioner.kind === 'ministry') continue;
      const official = localGovernment(line.commissioner.code);
      expect(official, line.commissioner.code).toBeDefined();
      expect(official!.level).toBe(line.commissioner.kind);
      // A partner commissions an office in its own prefecture.
      expect(official!.prefectureCode).toBe(line.site.commissionerCode!.slice(0, 2));
      expect(line.fromYear).toBeGreaterThanOrEqual(2015);
      expect(line.fromYear).toBeLessThanOrEqual(line.untilYear);
    }
    // Each office is commissioned by its own city; the cities that commission the organization's other sites come next.
    for (const office of sites.filter((s) => s.id.startsWith('needy-'))) {
      expect(local.find((l) => l.site.id === office.id && !l.partner)!.commissioner).toEqual({ kind: 'municipality', code: office.commissionerCode });
    }
    expect(plan.localGovernmentCodes).toEqual(expect.arrayContaining([codeOf('船橋市', '12'), codeOf('川崎市', '14'), codeOf('市川市', '12'), codeOf('旭川市', '01')]));
    // The office opened in October 2019 has contracts from fiscal 2019.
    expect(local.find((l) => l.site.id === 'needy-7' && !l.partner)).toMatchObject({ fromYear: 2019 });
    // Deterministic.
    expect(planDemoProgrammes(sites, { localGovernments: 87, lastYear: 2026 })).toEqual(plan);
  });

  it('without a target keeps to the local governments the sites name', () => {
    const plan = planDemoProgrammes(seedLikeSites(), { localGovernments: null, lastYear: 2026 });
    expect(plan.localGovernmentCodes).toEqual([...new Set(seedLikeSites().flatMap((s) => (s.id.startsWith('needy-') ? [s.commissionerCode!] : [])))].sort());
    expect(plan.lines.every((l) => !l.partner)).toBe(true);
  });
});

describe.each(dialects)('the small demo\'s programmes (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let keyring: Keyring;
  let accounts: DemoAccounts | null;
  let station: string;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    keyring = generateKeyring();
    ctx = {
      db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z'), keyring,
    };
    accounts = await loadDemo(ctx, 'demo password 1234');
    station = (await ctx.db.selectFrom('sites').select('id').where('name_ja', '=', '若者サポートステーション').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(() => database.close());

  const contractsAt = (siteId: string) => ctx.db.selectFrom('programme_contracts').innerJoin('contract_sites', 'contract_sites.contract_id', 'programme_contracts.id')
    .innerJoin('commissioners', 'commissioners.id', 'programme_contracts.commissioner_id')
    .select(['programme_contracts.id', 'programme_ja', 'period_from', 'period_until', 'amount', 'retention_months', 'commissioners.name_ja as commissioner', 'commissioners.local_government_code'])
    .where('contract_sites.site_id', '=', siteId).orderBy('period_from').execute();

  it('has the ministry\'s yearly contracts for the Centre\'s Youth Support Station, fiscal 2017–2026, with indicators and five years\' retention', async () => {
    const contracts = await contractsAt(station);
    expect(contracts.map((c) => c.period_from)).toEqual(Array.from({ length: 10 }, (_, i) => `${2017 + i}-04-01`));
    for (const c of contracts) {
      expect(c).toMatchObject({ programme_ja: '地域若者サポートステーション事業', commissioner: '厚生労働省', local_government_code: null, retention_months: 60 });
      expect(Number(c.amount)).toBeGreaterThanOrEqual(19_000_000);
      expect(Number(c.amount)).toBeLessThanOrEqual(42_000_000);
    }
    const indicators = await ctx.db.selectFrom('contract_indicators').selectAll().where('contract_id', '=', contracts.at(-1)!.id).orderBy('position').execute();
    expect(indicators.map((i) => i.code)).toEqual(['participants-supported', 'new-registrations', 'job-placements', 'job-retention']);
    for (const i of indicators) expect(Number(i.target)).toBeGreaterThan(0);
    // Chiba City commissions the needy persons' programme at wc-chiba's centre, named from the official list.
    const chibaCentre = (await ctx.db.selectFrom('sites').select('id').where('name_ja', '=', 'ちば生活・就労支援センター').executeTakeFirstOrThrow()).id;
    const chiba = await contractsAt(chibaCentre);
    expect(chiba[0]).toMatchObject({ programme_ja: '生活困窮者自立相談支援事業', commissioner: '千葉市', local_government_code: '121002', period_from: '2015-04-01' });
    expect((await ctx.db.selectFrom('commissioners').select('name_ja').orderBy('name_ja').execute()).map((c) => c.name_ja).sort()).toEqual(['千葉市', '厚生労働省'].sort());
  });

  it('has some 150 participants at the station over the years, aged 15–49, with references per organization and fiscal year', async () => {
    const participants = await ctx.db.selectFrom('participants').selectAll().where('site_id', '=', station).execute();
    expect(participants.length).toBeGreaterThanOrEqual(120);
    expect(participants.length).toBeLessThanOrEqual(180);
    expect(new Set(participants.map((p) => p.age_band))).toEqual(new Set(ageBands.slice(0, 6)));
    // The stations took people up to 39 until fiscal 2019.
    expect(participants.filter((p) => p.age_band === '40-49' && p.intake_on < '2020-04-01')).toEqual([]);
    for (const p of participants) expect(p.reference).toMatch(new RegExp(`^P-${Number(p.intake_on.slice(5, 7)) >= 4 ? p.intake_on.slice(0, 4) : Number(p.intake_on.slice(0, 4)) - 1}-\\d{4}$`));
    const all = await ctx.db.selectFrom('participants').select(['organization_id', 'reference']).execute();
    expect(new Set(all.map((p) => `${p.organization_id}|${p.reference}`)).size).toBe(all.length);
    expect(new Set(participants.map((p) => p.status))).toEqual(new Set(['active', 'closed', 'erased']));
  });

  it('seals each participant\'s identity to its row, and erases those whose contract\'s retention has passed', async () => {
    const contracts = new Map((await contractsAt(station)).map((c) => [c.id, erasureDate(c.period_until, Number(c.retention_months))]));
    const participants = await ctx.db.selectFrom('participants').selectAll().where('site_id', '=', station).execute();
    for (const p of participants) {
      const erasureOn = contracts.get(p.contract_id)!;
      if (erasureOn <= '2026-11-26') {
        expect(p).toMatchObject({ status: 'erased', sealed: null, erasure_reason: 'retention' });
        expect(p.erased_at!.slice(0, 10)).toBe(erasureOn);
      } else if (p.status !== 'erased') {
        const document = JSON.parse(unseal(keyring, p.sealed!, sealContext('participants', 'sealed', p.id))) as { identity: Record<string, string | null>; circumstances: string | null };
        expect(document.identity.familyName).toMatch(/\p{Script=Han}/u);
        expect(document.identity.familyNameKana).toMatch(/^\p{Script=Katakana}+$/u);
        expect(document.identity.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const open = participants.find((p) => p.sealed !== null)!;
    const other = participants.find((p) => p.sealed !== null && p.id !== open.id)!;
    // A value moved to another row does not open there.
    expect(() => unseal(keyring, open.sealed!, sealContext('participants', 'sealed', other.id))).toThrow();
    // Fiscal 2017–2020's records (erased from April 2026) are gone; their activities' notes too, their counts kept.
    const erased = participants.filter((p) => p.status === 'erased').map((p) => p.id);
    expect(erased.length).toBeGreaterThan(30);
    const notes = await ctx.db.selectFrom('participant_activities').select(['sealed']).where('participant_id', 'in', erased).execute();
    expect(notes.length).toBeGreaterThan(erased.length);
    expect(notes.every((n) => n.sealed === null)).toBe(true);
    // The audit log has counts, never a sealed document.
    const audit = await ctx.db.selectFrom('audit_log').select('after_json').where('entity_type', '=', 'participant').execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]!.after_json!) as object).sort()).toEqual(['activities', 'erased', 'followUps', 'outcomes', 'participants']);
  });

  it('places over half the station\'s participants within a year, and follows each placement up at 1, 3, 6 and 12 months', async () => {
    const participants = await ctx.db.selectFrom('participants').select(['id', 'intake_on']).where('site_id', '=', station).where('intake_on', '<=', '2025-09-30').execute();
    const ids = participants.map((p) => p.id);
    const outcomes = await ctx.db.selectFrom('participant_outcomes').selectAll().where('participant_id', 'in', ids).execute();
    const placed = new Set(outcomes.filter((o) => placementKinds.includes(o.kind as OutcomeKind)).map((o) => o.participant_id));
    expect(placed.size / ids.length).toBeGreaterThan(0.45);
    expect(placed.size / ids.length).toBeLessThan(0.75);
    expect(outcomes.filter((o) => o.kind === 'employment').length).toBeGreaterThan(outcomes.length / 2);
    const followUps = await ctx.db.selectFrom('participant_follow_ups').selectAll().where('participant_id', 'in', ids).execute();
    for (const o of outcomes.filter((x) => placementKinds.includes(x.kind as OutcomeKind))) {
      const own = followUps.filter((f) => f.outcome_id === o.id).sort((a, b) => Number(a.months) - Number(b.months));
      expect(own.map((f) => Number(f.months))).toEqual([...followUpMonths]);
      for (const f of own) {
        expect(f.due_on > o.on_date).toBe(true);
        if (f.done_on === null) expect(f.status).toBe('pending');
        else expect(['in-work', 'in-education', 'not-in-work', 'unreachable']).toContain(f.status);
      }
    }
    const activities = await ctx.db.selectFrom('participant_activities').select('kind').where('participant_id', 'in', ids).execute();
    const counselling = activities.filter((a) => a.kind === 'counselling').length;
    expect(counselling).toBeGreaterThan(activities.length / 2);
    expect(new Set(activities.map((a) => a.kind))).toEqual(new Set(['counselling', 'seminar', 'job-experience', 'training', 'group-living']));
  });

  it('gives the station a caseworker and an office lead, clerks of the Centre Jigyodan, and names them with the demo accounts', async () => {
    expect(accounts).toMatchObject(demoCaseAccounts);
    const assignments = await ctx.db.selectFrom('case_assignments').innerJoin('users', 'users.id', 'case_assignments.user_id')
      .innerJoin('organizations', 'organizations.id', 'case_assignments.organization_id')
      .select(['users.email', 'users.role', 'users.organization_id', 'case_assignments.organization_id as assigned_in', 'case_assignments.case_role', 'case_assignments.site_id', 'organizations.code'])
      .orderBy('case_role').execute();
    expect(assignments.map((a) => [a.email, a.case_role, a.code, a.role, a.site_id])).toEqual([
      [demoCaseAccounts.caseworkerEmail, 'caseworker', 'center-jigyodan', 'clerk', station],
      [demoCaseAccounts.officeLeadEmail, 'office-lead', 'center-jigyodan', 'clerk', station],
    ]);
    for (const a of assignments) expect(a.organization_id).toBe(a.assigned_in);
  });
});

describe('the small demo without data keys', () => {
  let database: Database;
  let ctx: AppContext;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadDemo(ctx, 'demo password 1234');
  }, 120_000);
  afterAll(() => database.close());

  it('has the contracts but no participants, whose personal data could not be sealed', async () => {
    expect((await ctx.db.selectFrom('programme_contracts').select('id').execute()).length).toBeGreaterThan(10);
    expect(await ctx.db.selectFrom('participants').select('id').execute()).toEqual([]);
  });
});
