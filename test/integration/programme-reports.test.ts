import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { contractReport } from '../../src/app/programmes/contract-report.js';
import { createCommissioner } from '../../src/app/programmes/commissioners.js';
import { createContract } from '../../src/app/programmes/contracts.js';
import { programmesOverview } from '../../src/app/programmes/programmes-overview.js';
import { newId } from '../../src/app/shared/context.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { commonIndicators } from '../../src/domain/programmes/contract.js';
import { createTestUser } from '../factories.js';
import { dialects } from '../support/databases.js';
import { pdfReader, popplerAvailable } from '../support/poppler.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };
const at = '2026-11-27T00:00:00Z';
const hidden = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });
const pdfChecked = popplerAvailable('programme-reports.test.ts (contract report PDF)');
const pdf = pdfReader('programme-report');

/**
 * One Youth Support Station contract for fiscal 2026 with its participants, written directly (plain columns only,
 * nothing sealed), so that every figure of the report is known:
 * - 12 registered in the period (7 aged 15–19, 5 aged 20–24), each counselled once for an hour; six of them at a
 *   seminar (90 minutes), two on job experience (3 hours);
 * - 3 registered before (25–29), counselled for 30 minutes in April: supported, not new;
 * - 2 registered before (30–34) whose last session was in March 2026, and 1 registered after the period: not counted;
 * - outcomes in the period: 6 employment, 2 education (8 placements), 1 joined a co-op;
 * - six-month follow-ups done in the period: 5 in work or education, 1 not in work; a one-month one does not count.
 */
async function seedParticipants(t: TestApp, contractId: string, organizationId: string, siteId: string) {
  const db = t.ctx.db;
  const ids: Record<string, string> = {};
  let n = 0;
  const participant = async (key: string, intakeOn: string, ageBand: string) => {
    ids[key] = newId();
    n += 1;
    await db.insertInto('participants').values({
      id: ids[key]!, organization_id: organizationId, contract_id: contractId, site_id: siteId, reference: `RPT-${contractId.slice(0, 6)}-${String(n).padStart(4, '0')}`,
      intake_on: intakeOn, age_band: ageBand, status: 'active', closed_on: null, person_id: null, sealed: null, erased_at: null, erasure_reason: null, version: 1,
      created_at: at, updated_at: at,
    }).execute();
  };
  const activity = (key: string, kind: string, on: string, minutes: number | null) =>
    db.insertInto('participant_activities').values({ id: newId(), participant_id: ids[key]!, kind, on_date: on, minutes, sealed: null, created_at: at }).execute();
  const outcome = async (key: string, kind: string, on: string) => {
    const id = newId();
    await db.insertInto('participant_outcomes').values({ id, participant_id: ids[key]!, kind, on_date: on, coop_organization_id: null, sealed: null, created_at: at }).execute();
    return id;
  };
  const followUp = (key: string, outcomeId: string, months: number, dueOn: string, doneOn: string | null, status: string) =>
    db.insertInto('participant_follow_ups').values({ id: newId(), participant_id: ids[key]!, outcome_id: outcomeId, months, due_on: dueOn, done_on: doneOn, status, sealed: null, created_at: at }).execute();

  for (let i = 0; i < 12; i++) {
    await participant(`p${i}`, '2026-05-01', i < 7 ? '15-19' : '20-24');
    await activity(`p${i}`, 'counselling', '2026-06-01', 60);
    if (i < 6) await activity(`p${i}`, 'seminar', '2026-07-01', 90);
    if (i < 2) await activity(`p${i}`, 'job-experience', '2026-08-01', 180);
  }
  for (let i = 0; i < 3; i++) {
    await participant(`r${i}`, '2025-10-01', '25-29');
    await activity(`r${i}`, 'counselling', '2026-04-10', 30);
  }
  for (let i = 0; i < 2; i++) {
    await participant(`q${i}`, '2025-09-01', '30-34');
    await activity(`q${i}`, 'counselling', '2026-03-15', 60);
  }
  await participant('late', '2027-04-05', '15-19');

  const placed: string[] = [];
  for (let i = 0; i < 8; i++) placed.push(await outcome(`p${i}`, i < 6 ? 'employment' : 'education', i < 6 ? '2026-09-01' : '2026-10-01'));
  await outcome('p8', 'coop-member', '2026-11-01');
  await followUp('p0', placed[0]!, 1, '2026-10-01', '2026-10-01', 'in-work');
  await followUp('p1', placed[1]!, 6, '2027-03-01', '2027-03-01', 'not-in-work');
  for (const [key, status] of [['q0', 'in-work'], ['q1', 'in-education'], ['r0', 'in-work'], ['r1', 'in-work'], ['r2', 'in-work']] as const) {
    const earlier = await outcome(key, key.startsWith('q') ? 'employment' : 'coop-worker', '2025-10-15');
    await followUp(key, earlier, 6, '2026-04-15', '2026-04-20', status);
  }
  return ids;
}

describe.each(dialects)('reports on commissioned programmes (%s)', (dialect) => {
  let t: TestApp;
  let contractId: string;
  let centre: string;
  let chiba: string;
  let bearer: { clerk: string; clerkOfChiba: string; member: string; federationAdmin: string };
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadDemo(t.ctx, 'demo password 1234');
    const orgs = new Map((await t.ctx.db.selectFrom('organizations').select(['code', 'id']).execute()).map((o) => [o.code, o.id]));
    centre = orgs.get('center-jigyodan')!;
    chiba = orgs.get('wc-chiba')!;
    const site = (await t.ctx.db.selectFrom('sites').select('id').where('organization_id', '=', centre).orderBy('name_ja').executeTakeFirstOrThrow()).id;
    const mhlw = await createCommissioner(t.ctx, federationAdmin, { kind: 'ministry', nameJa: '厚生労働省', nameEn: 'Ministry of Health, Labour and Welfare', localGovernmentCode: null, prefectureCode: null });
    const contract = await createContract(t.ctx, federationAdmin, centre, {
      programmeJa: '地域若者サポートステーション事業', programmeEn: 'Youth Support Station', commissionerId: mhlw.id, periodFrom: '2026-04-01', periodUntil: '2027-03-31',
      amount: 28_600_000, siteIds: [site], retentionMonths: 60,
      indicators: [...commonIndicators.map((i, k) => ({ ...i, target: [20, 15, 10, 8][k]! })), { code: 'seminars-held', nameJa: 'セミナー開催回数', nameEn: 'Seminars held', target: 12 }],
    });
    contractId = contract.id;
    ids = await seedParticipants(t, contractId, centre, site);
    bearer = {
      clerk: await t.bearer(await createTestUser(t.ctx, 'clerk', centre)),
      clerkOfChiba: await t.bearer(await createTestUser(t.ctx, 'clerk', chiba)),
      member: await t.bearer(await createTestUser(t.ctx, 'member', centre)),
      federationAdmin: await t.bearer(await createTestUser(t.ctx, 'federation-admin', null)),
    };
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, authorization = bearer.clerk) => t.app.inject({ method: 'GET', url, headers: { authorization } });

  it("counts the contract's indicators in its period, against their targets", async () => {
    const response = await get(`/api/v1/contracts/${contractId}/report`);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ from: '2026-04-01', until: '2027-03-31', contract: { programmeJa: '地域若者サポートステーション事業', commissionerNameJa: '厚生労働省' } });
    expect(report.indicators.map((i: { code: string; target: number; actual: unknown; rate: unknown }) => [i.code, i.target, i.actual, i.rate])).toEqual([
      ['participants-supported', 20, shown(15), 0.75],
      ['new-registrations', 15, shown(12), 0.8],
      ['job-placements', 10, shown(8), 0.8],
      ['job-retention', 8, shown(5), 0.625],
      // Counted outside Kyodo.
      ['seminars-held', 12, null, null],
    ]);
  });

  it('hides counts of 1 to 4, and the figure that would give one away by subtraction', async () => {
    const report = await contractReport(t.ctx, federationAdmin, contractId);
    // 7, 5 and 3 by age band under a printed 15: the 3 is hidden, and the 5 with it; 0 is shown.
    expect(report.byAgeBand.rows.slice(0, 4)).toEqual([
      { ageBand: '15-19', participants: shown(7) }, { ageBand: '20-24', participants: hidden }, { ageBand: '25-29', participants: hidden }, { ageBand: '30-34', participants: shown(0) },
    ]);
    expect(report.byAgeBand.total).toEqual(shown(15));
    // Job experience (2 people) hides its sessions and hours with it, and the seminars go too: the totals are printed.
    const byKind = Object.fromEntries(report.byActivityKind.rows.map((r) => [r.kind, r]));
    expect(byKind.counselling).toEqual({ kind: 'counselling', participants: shown(15), sessions: shown(15), hours: shown(13.5) });
    expect(byKind['job-experience']).toEqual({ kind: 'job-experience', participants: hidden, sessions: hidden, hours: hidden });
    expect(byKind.seminar).toEqual({ kind: 'seminar', participants: hidden, sessions: hidden, hours: hidden });
    expect(report.byActivityKind.total).toEqual({ participants: shown(15), sessions: shown(23), hours: shown(28.5) });
    // 2 in education hidden: employment (6) goes too, or it would be the 8 placements less 6.
    expect(report.byOutcomeKind.rows.map((r) => [r.kind, r.outcomes.value])).toEqual([
      ['employment', null], ['education', null], ['vocational-training', 0], ['coop-worker', 0], ['coop-member', null], ['other', 0],
    ]);
    expect(report.byOutcomeKind.total).toEqual(shown(9));

    // April alone: the three counselled then are too few to show, no one registered (0, a rate of 0).
    const april = await contractReport(t.ctx, federationAdmin, contractId, { from: '2026-04-01', until: '2026-04-30' });
    expect(april.indicators.slice(0, 2).map((i) => [i.actual, i.rate])).toEqual([[hidden, null], [shown(0), 0]]);
    await expect(contractReport(t.ctx, federationAdmin, contractId, { from: '2026-05-01', until: '2026-04-30' })).rejects.toMatchObject({ errors: [{ field: 'until', code: 'end_before_start' }] });
  });

  it('changes no figure when participants are erased', async () => {
    const before = await contractReport(t.ctx, federationAdmin, contractId);
    const erased = [ids.p0!, ids.p6!, ids.r1!, ids.q0!];
    await t.ctx.db.updateTable('participants').set({ status: 'erased', sealed: null, erased_at: at, erasure_reason: 'request' }).where('id', 'in', erased).execute();
    expect(await contractReport(t.ctx, federationAdmin, contractId)).toEqual(before);
  });

  it('writes the report as CSV for Excel: CP932 with Japanese headings, or UTF-8 with a BOM in English', async () => {
    const cp932 = await get(`/api/v1/contracts/${contractId}/report.csv?encoding=cp932&lang=ja`);
    expect(cp932.statusCode).toBe(200);
    expect(cp932.headers['content-type']).toBe('text/csv; charset=shift_jis');
    expect(cp932.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('委託事業実績報告_地域若者サポートステーション事業_2026-04-01_2027-03-31.csv')}`);
    const lines = iconv.decode(cp932.rawPayload, 'cp932').split('\r\n');
    expect(lines[0]).toBe('区分,項目,内容,値');
    expect(lines).toContain('契約,委託元,,厚生労働省');
    expect(lines).toContain('成果指標,支援対象者数,実績,15');
    expect(lines).toContain('成果指標,支援対象者数,達成率,75.0%');
    expect(lines).toContain('成果指標,セミナー開催回数,実績,Kyodo外で集計');
    expect(lines).toContain('年齢階級別（支援対象者）,20～24歳,人数,5未満');
    expect(lines).toContain('支援の種類別,合計,時間,28.5');
    expect(lines.find((l) => l.startsWith('注記'))).toContain('1～4人');

    const utf8 = await get(`/api/v1/contracts/${contractId}/report.csv?lang=en`);
    expect([...utf8.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const english = utf8.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(english[0]).toBe('Section,Item,Measure,Value');
    expect(english).toContain('Participants by age band,20 to 24,Participants,<5');
    expect(english).toContain('By outcome,Education,Outcomes,<5');
  });

  it.runIf(pdfChecked)('writes the report as a PDF in Noto Sans JP, hidden figures marked and explained', async () => {
    const response = await get(`/api/v1/contracts/${contractId}/report.pdf?lang=ja`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="programme-report-.+\.pdf"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(response.rawPayload);
    const text = pdf.flat(bytes);
    expect(text).toContain('委託事業実績報告');
    expect(text).toContain('支援対象者数201575.0%');
    expect(text).toContain('20～24歳5未満');
    expect(text).toContain('「5未満」：個人が特定されないよう、1～4人（件）の数値は示していません。');
    expect(pdf.fontsOf(bytes).every((f) => f.name.includes('NotoSansJP') && f.embedded)).toBe(true);
    const english = pdf.flat(new Uint8Array((await get(`/api/v1/contracts/${contractId}/report.pdf?lang=en`)).rawPayload));
    expect(english).toContain('Programmereport');
    expect(english).toContain('20to24<5');
  });

  it("keeps a contract's report to its organization's staff", async () => {
    expect((await get(`/api/v1/contracts/${contractId}/report`, bearer.clerkOfChiba)).statusCode).toBe(404);
    expect((await get(`/api/v1/contracts/${contractId}/report.csv`, bearer.clerkOfChiba)).statusCode).toBe(404);
    expect((await get(`/api/v1/contracts/${contractId}/report.pdf`, bearer.clerkOfChiba)).statusCode).toBe(404);
    expect((await get(`/api/v1/contracts/${contractId}/report`, bearer.member)).statusCode).toBe(403);
    expect((await get(`/api/v1/contracts/${contractId}/report`, bearer.federationAdmin)).statusCode).toBe(200);
    const invalid = await get(`/api/v1/contracts/${contractId}/report?from=2026-13-01`);
    expect(invalid.statusCode).toBe(400);
  });

  it("gives the federation administrator the programmes by commissioner, prefecture and fiscal year, small counts hidden", async () => {
    // A second contract, in fiscal 2031 where nothing else is, with a Chiba office: 6 people in 2031, 2 more in 2032.
    const chibaSite = await t.ctx.db.selectFrom('sites').select(['id', 'prefecture_code']).where('organization_id', '=', chiba).orderBy('name_ja').executeTakeFirstOrThrow();
    const foundation = await createCommissioner(t.ctx, federationAdmin, { kind: 'other', nameJa: '報告テスト財団', nameEn: null, localGovernmentCode: null, prefectureCode: '12' });
    const later = await createContract(t.ctx, federationAdmin, chiba, {
      programmeJa: '生活困窮者自立支援事業', programmeEn: null, commissionerId: foundation.id, periodFrom: '2031-04-01', periodUntil: '2033-03-31', amount: 10_000_000,
      siteIds: [chibaSite.id], indicators: [], retentionMonths: 60,
    });
    for (let i = 0; i < 8; i++) {
      const id = newId();
      await t.ctx.db.insertInto('participants').values({
        id, organization_id: chiba, contract_id: later.id, site_id: chibaSite.id, reference: `OV-${i}`, intake_on: i < 6 ? '2031-06-01' : '2032-06-01', age_band: '40-49',
        status: i === 0 ? 'erased' : 'active', closed_on: null, person_id: null, sealed: null, erased_at: null, erasure_reason: null, version: 1, created_at: at, updated_at: at,
      }).execute();
      if (i < 5) await t.ctx.db.insertInto('participant_outcomes').values({ id: newId(), participant_id: id, kind: 'employment', on_date: '2032-01-10', coop_organization_id: null, sealed: null, created_at: at }).execute();
    }
    const response = await get('/api/v1/reports/programmes?fromYear=2031&untilYear=2032', bearer.federationAdmin);
    expect(response.statusCode).toBe(200);
    const overview = response.json();
    expect(overview).toMatchObject({ from: '2031-04-01', until: '2033-03-31' });
    expect(overview.byCommissioner.rows).toEqual([{ kind: 'other', prefectureCode: '12', contracts: 1, participants: shown(8) }]);
    expect(overview.byPrefecture.rows).toEqual([{ prefectureCode: chibaSite.prefecture_code, contracts: 1, offices: 1, participants: shown(8) }]);
    expect(overview.byFiscalYear.rows.map((r: { fiscalYear: number; participants: unknown }) => [r.fiscalYear, r.participants])).toEqual([[2031, shown(6)], [2032, hidden]]);
    expect(overview.byFiscalYear.rows[0].outcomes[0]).toEqual(shown(5));
    expect(overview.byFiscalYear.total.outcomesTotal).toEqual(shown(5));

    expect((await get('/api/v1/reports/programmes?fromYear=2031&untilYear=2032', bearer.clerk)).statusCode).toBe(403);
    expect((await get('/api/v1/reports/programmes?fromYear=2032&untilYear=2031', bearer.federationAdmin)).statusCode).toBe(400);
    await expect(programmesOverview(t.ctx, federationAdmin, { fromYear: 2031, untilYear: 2031 })).resolves.toMatchObject({ byFiscalYear: { rows: [{ fiscalYear: 2031 }] } });
  });
});
