import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCampaignFields, isWeekday, minimumAdoptionsPerPrefecture, planDemoCampaign, seedCampaign, sessionMonths } from '../../src/app/demo/demo-campaigns.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { campaignProgress, checkTransition, cumulativeAdoptions, type Stage, type TargetKind } from '../../src/domain/advocacy/campaign.js';
import { campaignLocalGovernments } from '../../src/domain/advocacy/local-targets.js';
import { dialects, openTestDatabase } from '../support/databases.js';

describe('the demo campaign\'s plan', () => {
  it('is the same every time', () => {
    expect(planDemoCampaign()).toEqual(planDemoCampaign());
  });
});

describe.each(dialects)('the small demo\'s campaign (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let campaignId: string;
  let targets: { id: string; kind: string; local_government_code: string | null; prefecture_code: string | null; stage: string; stage_on: string | null; responsible_organization_id: string | null }[];
  let events: { target_id: string; stage: string; on_date: string; correction: number; created_at: string }[];

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadDemo(ctx, 'demo password 1234');
    const root = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'jwcu').executeTakeFirstOrThrow();
    const campaigns = await ctx.db.selectFrom('campaigns').selectAll().execute();
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      organization_id: root.id, name_ja: '協同労働の協同組合法（労働者協同組合法）の制定を求める運動', name_en: 'Campaign for a Worker Co-operatives Act',
      goal_ja: demoCampaignFields.goalJa, goal_en: demoCampaignFields.goalEn, period_from: '2000-01-01', period_until: '2022-10-01',
    });
    campaignId = campaigns[0]!.id;
    targets = await ctx.db.selectFrom('campaign_targets')
      .select(['id', 'kind', 'local_government_code', 'prefecture_code', 'stage', 'stage_on', 'responsible_organization_id'])
      .where('campaign_id', '=', campaignId).execute();
    events = await ctx.db.selectFrom('campaign_target_events').select(['target_id', 'stage', 'on_date', 'correction', 'created_at'])
      .where('campaign_id', '=', campaignId).orderBy('target_id').orderBy('on_date').orderBy('created_at').execute();
  }, 120_000);
  afterAll(() => database.close());

  const localGovernments = () => targets.filter((t) => t.kind === 'local-government');

  it('asks every one of the 1,788 local governments, and 878 of them adopted a letter', () => {
    expect(localGovernments()).toHaveLength(seedCampaign.localGovernments);
    expect(new Set(localGovernments().map((t) => t.local_government_code))).toEqual(new Set(campaignLocalGovernments().map((g) => g.code)));
    const progress = campaignProgress(targets.map((t) => ({
      kind: t.kind as TargetKind, localGovernmentCode: t.local_government_code, prefectureCode: t.prefecture_code, stage: t.stage as Stage,
    })));
    expect(progress).toMatchObject({ adopted: 878, denominator: 1788 });
    expect((progress.share * 100).toFixed(1)).toBe('49.1');
    // Some were turned down, some were still being asked when the Act passed, the rest never contacted.
    expect(progress.byStage.rejected).toBeGreaterThan(0);
    expect(progress.byStage['under-deliberation']).toBeGreaterThan(0);
    expect(progress.byStage.contacted).toBeGreaterThan(0);
    expect(progress.byStage['not-contacted']).toBeGreaterThan(0);
  });

  it('has adoptions in every prefecture, more where JWCU is strong than in the country as a whole', () => {
    const byPrefecture = new Map<string, { adopted: number; total: number }>();
    for (const t of localGovernments()) {
      const p = byPrefecture.get(t.prefecture_code!) ?? { adopted: 0, total: 0 };
      p.total += 1;
      if (t.stage === 'adopted') p.adopted += 1;
      byPrefecture.set(t.prefecture_code!, p);
    }
    expect(byPrefecture.size).toBe(47);
    for (const [code, p] of byPrefecture) expect(p.adopted, code).toBeGreaterThanOrEqual(minimumAdoptionsPerPrefecture);
    const share = (codes: string[]) => codes.reduce((n, c) => n + byPrefecture.get(c)!.adopted, 0) / codes.reduce((n, c) => n + byPrefecture.get(c)!.total, 0);
    // Hokkaido, Chiba, Kanagawa, Osaka, Fukuoka, Okinawa.
    expect(share(['01', '12', '14', '27', '40', '47'])).toBeGreaterThan(878 / 1788);
  });

  it('has the other bodies: the parliamentary association, the ruling parties\' working group and the ministry', () => {
    const others = targets.filter((t) => t.kind !== 'local-government');
    expect(others.map((t) => t.kind).sort()).toEqual(['ministry', 'parliamentary-group', 'party']);
    expect(others.every((t) => t.local_government_code === null && t.responsible_organization_id !== null)).toBe(true);
  });

  it('has the six milestones on their dates', async () => {
    const milestones = await ctx.db.selectFrom('campaign_milestones').select(['kind', 'on_date', 'title_ja']).where('campaign_id', '=', campaignId).orderBy('on_date').execute();
    expect(milestones.map((m) => [m.kind, m.on_date])).toEqual([
      ['founded', '2000-06-01'], ['association', '2008-06-04'], ['other', '2017-04-12'], ['working-group', '2017-05-25'],
      ['law-passed', '2020-12-04'], ['in-force', '2022-10-01'],
    ]);
    expect(milestones.at(-2)!.title_ja).toBe('労働者協同組合法 成立');
  });

  it('keeps every target at the stage of its last event, reached by ordinary steps in date order', () => {
    const byTarget = new Map<string, typeof events>();
    for (const e of events) byTarget.set(e.target_id, [...(byTarget.get(e.target_id) ?? []), e]);
    for (const t of targets) {
      const history = byTarget.get(t.id) ?? [];
      if (history.length === 0) {
        expect(t).toMatchObject({ stage: 'not-contacted', stage_on: null, responsible_organization_id: null });
        continue;
      }
      expect([t.stage, t.stage_on], t.id).toEqual([history.at(-1)!.stage, history.at(-1)!.on_date]);
      let stage: Stage = 'not-contacted';
      let on: string | null = null;
      for (const e of history) {
        expect(e.correction).toBe(0);
        expect(() => checkTransition(stage, e.stage as Stage, e.on_date, on, false)).not.toThrow();
        expect(e.on_date > demoCampaignFields.periodFrom && e.on_date < seedCampaign.lawPassedOn).toBe(true);
        stage = e.stage as Stage;
        on = e.on_date;
      }
    }
    // Many adopted by way of contact, a petition and the committee; some turned down first and adopted later.
    const adoptedWithHistory = localGovernments().filter((t) => t.stage === 'adopted' && (byTarget.get(t.id)?.length ?? 0) >= 4);
    expect(adoptedWithHistory.length).toBeGreaterThan(400);
    expect(localGovernments().some((t) => t.stage === 'adopted' && byTarget.get(t.id)!.some((e) => e.stage === 'rejected'))).toBe(true);
  });

  it('dates the adoptions on weekdays of the assemblies\' sessions, mostly after the parliamentary association formed', () => {
    const byId = new Map(targets.map((t) => [t.id, t]));
    const adoptions = events.filter((e) => e.stage === 'adopted' && byId.get(e.target_id)!.kind === 'local-government');
    expect(adoptions).toHaveLength(878);
    for (const a of adoptions) {
      expect(isWeekday(a.on_date), a.on_date).toBe(true);
      expect(sessionMonths).toContain(Number(a.on_date.slice(5, 7)));
    }
    const from2008 = adoptions.filter((a) => a.on_date >= '2008-01-01' && a.on_date <= '2019-12-31').length;
    expect(from2008 / adoptions.length).toBeGreaterThan(0.6);
    // The cumulative chart rises to 878 by the Act.
    const cumulative = cumulativeAdoptions(events.map((e) => ({ localGovernmentCode: byId.get(e.target_id)!.local_government_code, stage: e.stage as Stage, on: e.on_date })));
    expect(cumulative.at(-1)!.adopted).toBe(878);
    expect(cumulative.find((m) => m.month === '2007-12')!.adopted).toBeLessThan(cumulative.find((m) => m.month === '2010-12')!.adopted);
  });

  it('audits the load by counts', async () => {
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_type', '=', 'campaign').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('demo_import');
    expect(JSON.parse(audit[0]!.after_json!)).toEqual({ targets: 1791, localGovernments: 1788, adopted: 878, events: events.length, milestones: 6 });
  });
});
