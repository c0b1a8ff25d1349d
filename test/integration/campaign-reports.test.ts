import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignReport } from '../../src/app/advocacy/campaign-report.js';
import { newId, type AppContext } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import type { CampaignTargetEventTable } from '../../src/db/schema.js';
import { type Stage } from '../../src/domain/advocacy/campaign.js';
import { campaignLocalGovernments } from '../../src/domain/advocacy/local-targets.js';
import { openRuntime } from '../../src/runtime.js';
import { actorFor, buildTenants, createTestUser } from '../factories.js';
import { kyodo } from '../support/cli.js';
import { dialects } from '../support/databases.js';
import { pdfReader, popplerAvailable } from '../support/poppler.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const at = '2026-11-27T00:00:00Z';
const pdfChecked = popplerAvailable('campaign-reports.test.ts (campaign report PDF)');
const pdf = pdfReader('campaign-report');

/**
 * The stage each of the 1,788 local governments (in code order) is given: every second one adopted until there are
 * 878 (as in the seed), the rest spread over the other stages; known here so that every figure can be counted again.
 */
function plannedStage(index: number, adoptedSoFar: number): Stage {
  if (index % 2 === 0 && adoptedSoFar < 878) return 'adopted';
  return (['not-contacted', 'contacted', 'petition-submitted', 'under-deliberation', 'rejected'] as const)[index % 5]!;
}

/** The n-th adoption's date: spread evenly over the 144 months of 2009 to 2020, six or so a month. */
const adoptedOn = (n: number) => {
  const month = Math.floor((n * 144) / 878);
  return `${2009 + Math.floor(month / 12)}-${String(1 + (month % 12)).padStart(2, '0')}-15`;
};

/**
 * A campaign written directly into the tables (the campaign use cases are not needed to report on one): the 1,788
 * local governments with their stages and events, one adoption later corrected back to deliberation, two other bodies,
 * three milestones.
 */
async function seedCampaign(ctx: AppContext, organizationId: string) {
  const db = ctx.db;
  const campaignId = newId();
  await db.insertInto('campaigns').values({
    id: campaignId, organization_id: organizationId, name_ja: '労働者協同組合法の制定を求める運動', name_en: 'For a Worker Cooperatives Act',
    goal_ja: '労働者協同組合法の制定', goal_en: 'A law for worker co-operatives', period_from: '2000-01-01', period_until: '2020-12-31', version: 1, created_at: at, updated_at: at,
  }).execute();
  const targets: { id: string; code: string; prefecture: string; name: string; stage: Stage; on: string | null }[] = [];
  let adopted = 0;
  campaignLocalGovernments().forEach((g, index) => {
    const stage = plannedStage(index, adopted);
    const on = stage === 'adopted' ? adoptedOn(adopted) : stage === 'not-contacted' ? null : '2019-06-01';
    if (stage === 'adopted') adopted += 1;
    targets.push({ id: newId(), code: g.code, prefecture: g.prefectureCode, name: g.nameJa, stage, on });
  });
  const rows = targets.map((x) => ({
    id: x.id, campaign_id: campaignId, kind: 'local-government', local_government_code: x.code, prefecture_code: x.prefecture, name_ja: x.name, name_en: null,
    stage: x.stage, stage_on: x.on, responsible_organization_id: x.code === '131016' ? organizationId : null, responsible_person: x.code === '131016' ? '山田 花子' : null,
    notes: null, version: 1, updated_at: at,
  }));
  const events = targets.filter((x) => x.on !== null).map((x): Insertable<CampaignTargetEventTable> => ({
    id: newId(), target_id: x.id, campaign_id: campaignId, stage: x.stage, on_date: x.on!, correction: 0, note: null, recorded_by: null, created_at: at,
  }));
  // One local government under deliberation was recorded as adopting in March 2018, corrected in April: counted in March alone.
  const corrected = targets.find((x) => x.stage === 'under-deliberation')!;
  events.push(
    { id: newId(), target_id: corrected.id, campaign_id: campaignId, stage: 'adopted', on_date: '2018-03-20', correction: 0, note: null, recorded_by: null, created_at: at },
    { id: newId(), target_id: corrected.id, campaign_id: campaignId, stage: 'under-deliberation', on_date: '2018-04-02', correction: 1, note: '誤登録', recorded_by: null, created_at: at },
  );
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('campaign_targets').values(rows.slice(i, i + 200)).execute();
  for (let i = 0; i < events.length; i += 200) await db.insertInto('campaign_target_events').values(events.slice(i, i + 200)).execute();
  await db.insertInto('campaign_targets').values([
    {
      id: newId(), campaign_id: campaignId, kind: 'parliamentary-group', local_government_code: null, prefecture_code: null, name_ja: '協同労働の法制化をめざす議員連盟',
      name_en: 'Parliamentary association for a cooperative work law', stage: 'adopted', stage_on: '2017-04-12', responsible_organization_id: null, responsible_person: null,
      notes: null, version: 1, updated_at: at,
    },
    {
      id: newId(), campaign_id: campaignId, kind: 'ministry', local_government_code: null, prefecture_code: null, name_ja: '厚生労働省', name_en: 'Ministry of Health, Labour and Welfare',
      stage: 'contacted', stage_on: '2018-01-10', responsible_organization_id: null, responsible_person: '=SUM(A1)', notes: null, version: 1, updated_at: at,
    },
  ]).execute();
  await db.insertInto('campaign_milestones').values([
    { id: newId(), campaign_id: campaignId, kind: 'founded', on_date: '2000-06-01', title_ja: '市民会議の発足', title_en: 'Civil network founded', description: null, created_at: at },
    { id: newId(), campaign_id: campaignId, kind: 'association', on_date: '2008-02-21', title_ja: '超党派議員連盟の結成', title_en: 'Parliamentary association formed', description: null, created_at: at },
    { id: newId(), campaign_id: campaignId, kind: 'law-passed', on_date: '2020-12-04', title_ja: '労働者協同組合法の成立', title_en: 'Act passed', description: '全会一致で可決', created_at: at },
  ]).execute();
  return { campaignId, targets };
}

describe.each(dialects)("a campaign's reports (%s)", (dialect) => {
  let t: TestApp;
  let campaignId: string;
  let planned: Awaited<ReturnType<typeof seedCampaign>>['targets'];
  let bearer: { clerk: string; member: string; clerkOfB: string; federationAdmin: string };
  let clerkActor: ReturnType<typeof actorFor>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const tenants = await buildTenants(t.ctx);
    ({ campaignId, targets: planned } = await seedCampaign(t.ctx, tenants.orgA.id));
    const clerk = await createTestUser(t.ctx, 'clerk', tenants.orgA.id);
    clerkActor = actorFor(clerk);
    bearer = {
      clerk: await t.bearer(clerk),
      member: await t.bearer(tenants.users.memberA),
      clerkOfB: await t.bearer(await createTestUser(t.ctx, 'clerk', tenants.orgB.id)),
      federationAdmin: await t.bearer(tenants.users.federationAdmin),
    };
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, authorization = bearer.clerk) => t.app.inject({ method: 'GET', url, headers: { authorization } });

  it('gathers the headline, the prefectures, the cumulative adoptions, the milestones and every target', async () => {
    const report = await campaignReport(t.ctx, clerkActor, campaignId);
    expect(report.progress).toMatchObject({ adopted: 878, denominator: 1788 });
    expect(report.progress.share).toBeCloseTo(878 / 1788, 10);
    expect(report.progress.byStage.adopted + report.progress.byStage['not-contacted'] + report.progress.byStage.contacted + report.progress.byStage['petition-submitted']
      + report.progress.byStage['under-deliberation'] + report.progress.byStage.rejected).toBe(1788);
    // The other bodies are counted apart: the parliamentary association's support is not a local government's letter.
    expect(report.progress.otherTargets).toMatchObject({ adopted: 1, contacted: 1 });
    expect(report.progress.byPrefecture).toHaveLength(47);
    const tokyo = report.progress.byPrefecture.find((p) => p.prefectureCode === '13')!;
    const tokyoPlanned = planned.filter((x) => x.prefecture === '13');
    expect(tokyo).toEqual({
      prefectureCode: '13', total: tokyoPlanned.length, adopted: tokyoPlanned.filter((x) => x.stage === 'adopted').length,
      share: tokyoPlanned.filter((x) => x.stage === 'adopted').length / tokyoPlanned.length,
    });
    // Month by month from the first adoption (January 2009) to the last, every month there; the adoption corrected
    // in April 2018 counts in March 2018 alone.
    const through = (month: string) => planned.filter((x) => x.stage === 'adopted' && x.on!.slice(0, 7) <= month).length;
    expect(report.cumulative[0]).toEqual({ month: '2009-01', adopted: through('2009-01') });
    expect(report.cumulative.at(-1)).toEqual({ month: '2020-12', adopted: 878 });
    expect(report.cumulative).toHaveLength(144);
    const inMonth = (month: string) => report.cumulative.find((p) => p.month === month)!.adopted;
    expect([inMonth('2018-02'), inMonth('2018-03'), inMonth('2018-04')]).toEqual([through('2018-02'), through('2018-03') + 1, through('2018-04')]);
    expect(inMonth('2015-06')).toBe(through('2015-06'));
    expect(report.milestones.map((m) => [m.on, m.kind])).toEqual([['2000-06-01', 'founded'], ['2008-02-21', 'association'], ['2020-12-04', 'law-passed']]);
    expect(report.targets).toHaveLength(1790);
    expect(report.targets.slice(0, 2).map((x) => x.nameJa)).toEqual(['北海道', '札幌市']);
    expect(report.targets.slice(-2).map((x) => x.kind)).toEqual(['parliamentary-group', 'ministry']);
  });

  it('writes the report as CSV for Excel: CP932, the headline first, then one line per target', async () => {
    const response = await get(`/api/v1/campaigns/${campaignId}/report.csv?encoding=cp932&lang=ja`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=shift_jis');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="campaign-report-.+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers['content-disposition'] as string)![1]!))
      .toMatch(/^キャンペーン報告_労働者協同組合法の制定を求める運動_\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = iconv.decode(response.rawPayload, 'cp932').split('\r\n');
    expect(lines[0]).toBe('キャンペーン,労働者協同組合法の制定を求める運動');
    expect(lines).toContain('進捗,"1,788団体中878団体（49.1%）"');
    expect(lines).toContain('採択団体数,878');
    expect(lines).toContain('対象団体数,1788');
    expect(lines).toContain('採択率,49.1%');
    expect(lines).toContain('期間,2000-01-01～2020-12-31');
    const header = lines.indexOf('団体コード,都道府県,団体名,種別,段階,日付,担当団体,担当者');
    expect(header).toBeGreaterThan(0);
    expect(lines[header - 1]).toBe('');
    const rows = lines.slice(header + 1).filter((line) => line !== '');
    expect(rows).toHaveLength(1790);
    // Codes with a leading zero keep it in Excel; the prefecture first, then its municipalities.
    expect(rows[0]).toBe('"=""010006""",北海道,北海道,地方公共団体,採択（意見書可決）,2009-01-15,,');
    expect(rows[1]).toMatch(/^"=""011002""",北海道,札幌市,地方公共団体,/);
    expect(rows.filter((row) => row.includes(',地方公共団体,採択（意見書可決）,'))).toHaveLength(878);
    expect(rows.find((row) => row.includes('千代田区'))).toMatch(/^131016,東京都,千代田区,地方公共団体,[^,]+,[^,]*,労働者協同組合エー,山田 花子$/);
    // A cell that would be a formula is written as text.
    expect(rows.at(-1)).toBe(',,厚生労働省,省庁,接触済み,2018-01-10,,"=""=SUM(A1)"""');
    expect(rows.at(-2)).toBe(',,協同労働の法制化をめざす議員連盟,議員連盟・会派,採択（意見書可決）,2017-04-12,,');
  });

  it('writes the CSV in English as UTF-8 with a BOM', async () => {
    const response = await get(`/api/v1/campaigns/${campaignId}/report.csv?lang=en`);
    expect(response.statusCode).toBe(200);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Campaign,For a Worker Cooperatives Act');
    expect(lines).toContain('Progress,"878 of 1,788 (49.1%)"');
    expect(lines).toContain('By stage: Adopted,878');
    expect(lines).toContain('Code,Prefecture,Name,Kind,Stage,Date,Responsible organization,Responsible person');
    expect(lines.find((line) => line.includes('千代田区'))).toMatch(/^131016,Tokyo,千代田区,Local government,/);
    expect(lines).toContain(',,"Ministry of Health, Labour and Welfare",Ministry,Contacted,2018-01-10,,"=""=SUM(A1)"""');
  });

  it.runIf(pdfChecked)('writes the report as a PDF in Noto Sans JP: the headline, the stages, the prefectures, the chart and the milestones', async () => {
    const response = await get(`/api/v1/campaigns/${campaignId}/report.pdf?lang=ja`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="campaign-report-.+\.pdf"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(response.rawPayload);
    const text = pdf.flat(bytes);
    expect(text).toContain('キャンペーン報告');
    expect(text).toContain('労働者協同組合法の制定を求める運動');
    expect(text).toContain('1,788団体中878団体（49.1%）');
    expect(text).toContain('2000年1月1日～2020年12月31日');
    expect(text).toContain('採択（意見書可決）8781');
    expect(text).toContain('合計1,7882');
    const tokyo = planned.filter((x) => x.prefecture === '13');
    const tokyoAdopted = tokyo.filter((x) => x.stage === 'adopted').length;
    expect(text).toContain(`東京都${tokyoAdopted}${tokyo.length}${(Math.round((tokyoAdopted / tokyo.length) * 1000) / 10).toFixed(1)}%`);
    expect(text).toContain('採択団体数の推移（累計）');
    // The chart's text is text: its legend and its year labels.
    expect(text).toContain('採択団体数（累計）');
    expect(text).toContain('2015');
    expect(text).toContain('2008年2月21日超党派議員連盟の結成');
    expect(text).toContain('2020年12月4日労働者協同組合法の成立全会一致で可決');
    expect(text).toContain('厚生労働省省庁接触済み2018年1月10日');
    expect(pdf.fontsOf(bytes).every((f) => f.name.includes('NotoSansJP') && f.embedded)).toBe(true);

    const english = pdf.flat(new Uint8Array((await get(`/api/v1/campaigns/${campaignId}/report.pdf?lang=en`)).rawPayload));
    expect(english).toContain('Campaignreport');
    expect(english).toContain('878of1,788(49.1%)');
    expect(english).toContain('ForaWorkerCooperativesAct');
    expect(english).toContain('Tokyo');
    expect(english).toContain('December4,2020Actpassed');
  });

  it("refuses the organization's members and hides the campaign from other organizations", async () => {
    for (const format of ['csv', 'pdf']) {
      expect((await get(`/api/v1/campaigns/${campaignId}/report.${format}`, bearer.member)).statusCode).toBe(403);
      expect((await get(`/api/v1/campaigns/${campaignId}/report.${format}`, bearer.clerkOfB)).statusCode).toBe(404);
      expect((await get(`/api/v1/campaigns/${campaignId}/report.${format}`, bearer.federationAdmin)).statusCode).toBe(200);
      expect((await get(`/api/v1/campaigns/no-such-campaign/report.${format}`)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/report.${format}` })).statusCode).toBe(401);
    }
    const invalid = await get(`/api/v1/campaigns/${campaignId}/report.csv?encoding=latin1`);
    expect(invalid.statusCode).toBe(400);
    expect((await get(`/api/v1/campaigns/${campaignId}/report.pdf?lang=fr`)).statusCode).toBe(400);
  });
});

// The command starts in its own process on the embedded SQLite of a fresh data folder.
describe('kyodo campaigns report', { timeout: 180_000 }, () => {
  let dataDir: string;
  let campaignId: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '' });
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-campaign-cli-'));
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir }));
    try {
      const tenants = await buildTenants(runtime.ctx);
      ({ campaignId } = await seedCampaign(runtime.ctx, tenants.orgA.id));
    } finally {
      await runtime.close();
    }
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes the report as JSON, as CSV for Excel and as a PDF', async () => {
    const json = await kyodo(['campaigns', 'report', '--campaign', campaignId], env());
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { progress: { adopted: number; denominator: number }; targets: unknown[] };
    expect(report.progress).toMatchObject({ adopted: 878, denominator: 1788 });
    expect(report.targets).toHaveLength(1790);

    const csvFile = path.join(dataDir, 'campaign.csv');
    const csv = await kyodo(['campaigns', 'report', '--campaign', campaignId, '--format', 'csv', '--encoding', 'cp932', '--out', csvFile], env());
    expect(csv.code).toBe(0);
    expect(iconv.decode(fs.readFileSync(csvFile), 'cp932').split('\r\n')).toContain('進捗,"1,788団体中878団体（49.1%）"');

    const pdfFile = path.join(dataDir, 'campaign.pdf');
    const written = await kyodo(['campaigns', 'report', '--campaign', campaignId, '--format', 'pdf', '--lang', 'en', '--out', pdfFile], env());
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`wrote ${pdfFile}`);
    if (pdfChecked) expect(pdf.flat(new Uint8Array(fs.readFileSync(pdfFile)))).toContain('878of1,788(49.1%)');

    const missing = await kyodo(['campaigns', 'report', '--campaign', 'no-such-campaign'], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('campaign not found');
  });
});
