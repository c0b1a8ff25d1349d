import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localGovernment } from '../../src/domain/programmes/local-governments.js';
import { biodieselPlants, jwcuTurnoverUsd2016, jwcuYears } from '../../src/app/demo/demo-jwcu-businesses.js';
import { jwcuScale, jwcuScaleLatest, loadScaleDemo } from '../../src/app/demo/load-scale-demo.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const fiscalYearEnd = (fy: number) => `${fy + 1}-03-31`;
const years = Array.from({ length: jwcuYears.last - jwcuYears.first + 1 }, (_, i) => jwcuYears.first + i);

describe.each(dialects)('the seed federation at full scale (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  const progress: number[] = [];
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadScaleDemo(ctx, 'demo password 1234', (done) => progress.push(done));
  }, 300_000);
  afterAll(() => database.close());

  /** Members by kind at a date, as the dashboard counts them: admitted by then and not ended by then. */
  const membersOn = async (date: string) => {
    const rows = await ctx.db.selectFrom('memberships').select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('admitted_on', '<=', date).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]))
      .groupBy('kind').orderBy('kind').execute();
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  };

  const turnoverByYear = async () => {
    const rows = await ctx.db.selectFrom('site_results').select(['fiscal_year', (eb) => eb.fn.sum<number>('turnover').as('turnover'), (eb) => eb.fn.sum<number>('surplus').as('surplus')])
      .groupBy('fiscal_year').orderBy('fiscal_year').execute();
    return new Map(rows.map((r) => [Number(r.fiscal_year), { turnover: Number(r.turnover), surplus: Number(r.surplus) }]));
  };

  it('has the figures of March 2017: 25 member organizations, 13,420 worker and 51,206 older persons co-op members at the end of fiscal 2016', async () => {
    const members = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'organization').execute();
    expect(members).toHaveLength(jwcuScale.organizations);
    expect(jwcuScale.asOf).toBe(fiscalYearEnd(2016));
    expect(await membersOn(jwcuScale.asOf)).toEqual({ user: jwcuScale.userMembers, worker: jwcuScale.workerMembers });
    // Nobody was admitted after the seed's date and before the next fiscal year.
    const all = await ctx.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(progress.at(-1)).toBe(Number(all.n));
    // The registry stays modest for the benchmarks that load it.
    expect(Number(all.n)).toBeLessThan(72_000);
  });

  it('moves after the seed: worker members grow a few per cent a year, user members stay about flat', async () => {
    let previous = await membersOn(fiscalYearEnd(2016));
    for (const fy of years.slice(1)) {
      const now = await membersOn(fiscalYearEnd(fy));
      const growth = now.worker! / previous.worker! - 1;
      expect(growth, `fiscal ${fy}`).toBeGreaterThan(0.005);
      expect(growth, `fiscal ${fy}`).toBeLessThan(0.035);
      expect(Math.abs(now.user! / jwcuScale.userMembers - 1), `fiscal ${fy}`).toBeLessThan(0.03);
      previous = now;
    }
    // Nobody joins or leaves after fiscal 2025: today's members are those of its end.
    const latest = { user: jwcuScaleLatest.userMembers, worker: jwcuScaleLatest.workerMembers };
    expect(await membersOn(jwcuScaleLatest.asOf)).toEqual(latest);
    expect(await membersOn('2026-11-26')).toEqual(latest);
  });

  it('records withdrawals as the registry does: notice, then withdrawal at a fiscal-year end, with the reason and the refund', async () => {
    const withdrawn = await ctx.db.selectFrom('memberships').select(['id', 'ended_on', 'last_event_on', 'organization_id']).where('status', '=', 'withdrawn').execute();
    expect(withdrawn.length).toBeGreaterThan(1_000);
    for (const m of withdrawn) {
      expect(m.ended_on!.slice(5)).toBe('03-31');
      expect(m.ended_on! > jwcuScale.asOf).toBe(true);
      expect(m.last_event_on).toBe(m.ended_on);
    }
    const sample = withdrawn.slice(0, 50).map((m) => m.id);
    const events = await ctx.db.selectFrom('membership_events').select(['membership_id', 'seq', 'type', 'effective_date', 'reason'])
      .where('membership_id', 'in', sample).orderBy('membership_id').orderBy('seq').execute();
    for (const id of sample) {
      const history = events.filter((e) => e.membership_id === id);
      expect(history.map((e) => e.type)).toEqual(['admit', 'notify_withdrawal', 'withdraw']);
      const [, notice, withdraw] = history;
      // Notice at least 90 days before the fiscal-year end the withdrawal takes effect at (the bylaws' period).
      expect(Date.parse(withdraw!.effective_date) - Date.parse(notice!.effective_date)).toBeGreaterThanOrEqual(90 * 86_400_000);
      expect(withdraw!.reason).toBeTruthy();
    }
    // Their shares left with them: a withdrawal entry and the refund paid for each, and no shares still held.
    const held = await ctx.db.selectFrom('journal_lines').select((eb) => eb.fn.sum<number>('shares').as('shares'))
      .where('membership_id', 'in', sample).where('account', '=', 'capital').executeTakeFirstOrThrow();
    expect(Number(held.shares)).toBe(0);
    const owed = await ctx.db.selectFrom('journal_lines').select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .where('membership_id', 'in', sample).where('account', '=', 'refund-payable').executeTakeFirstOrThrow();
    expect(Number(owed.amount)).toBe(0);
    // Nothing is paid ahead of time: the instalments of members admitted lately fall due after today.
    const latest = await ctx.db.selectFrom('journal_entries').select((eb) => eb.fn.max('entry_date').as('date')).executeTakeFirstOrThrow();
    expect(String(latest.date) <= '2026-11-26').toBe(true);
  });

  it('holds the Centre Jigyodan\'s assemblies among its thousands of members: one decided, one convened and open', async () => {
    const meetings = await ctx.db.selectFrom('meetings').innerJoin('electorate', 'electorate.meeting_id', 'meetings.id')
      .select(['meetings.title', 'meetings.status', (eb) => eb.fn.countAll<number>().as('voters')]).groupBy(['meetings.title', 'meetings.status']).orderBy('meetings.title').execute();
    expect(meetings.map((m) => [m.title, m.status])).toEqual([['第4回通常総会', 'closed'], ['第5回臨時総会', 'convened']]);
    expect(Number(meetings[0]!.voters)).toBeGreaterThan(1_000);
    const decided = await ctx.db.selectFrom('motions').select('result_json').where('status', '=', 'closed').execute();
    expect(decided.map((m) => JSON.parse(m.result_json!).outcome).sort()).toEqual(['adopted', 'adopted', 'elected']);
  });

  it('keeps every worker co-operative within the Act: 4/5 of members engaged, non-member workers at most 1/4 of workers', async () => {
    // Members and work today: memberships not ended, engagements not ended.
    const rows = await ctx.db.selectFrom('organizations as o')
      .select((eb) => [
        'o.code',
        eb.selectFrom('memberships as m').select((m) => m.fn.countAll<number>().as('n')).whereRef('m.organization_id', '=', 'o.id').where('m.ended_on', 'is', null).as('members'),
        eb.selectFrom('engagements as e').innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'e.person_id').onRef('m.organization_id', '=', 'e.organization_id'))
          .select((m) => m.fn.countAll<number>().as('n')).whereRef('e.organization_id', '=', 'o.id').where('e.ended_on', 'is', null).where('m.ended_on', 'is', null).as('engagedMembers'),
        eb.selectFrom('engagements as e').select((m) => m.fn.countAll<number>().as('n')).whereRef('e.organization_id', '=', 'o.id').where('e.ended_on', 'is', null).as('workers'),
      ])
      .where('o.legal_form', '=', 'worker-cooperative')
      .execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const members = Number(r.members);
      const engaged = Number(r.engagedMembers);
      const workers = Number(r.workers);
      expect(engaged / members, r.code).toBeGreaterThanOrEqual(4 / 5);
      expect((workers - engaged) / workers, r.code).toBeLessThanOrEqual(1 / 4);
    }
  });

  it('has the seed\'s businesses: some 500 sites in all eight lines, Aguriin and its four sister plants, Ajisai, 22 Youth Support Stations', async () => {
    const sites = await ctx.db.selectFrom('sites').innerJoin('organizations', 'organizations.id', 'sites.organization_id')
      .select(['organizations.code', 'sites.name_ja', 'sites.name_en', 'sites.business_line', 'sites.prefecture_code', 'sites.address', 'sites.opened_on',
        'sites.operation', 'sites.commissioner_name'])
      .execute();
    expect(sites.length).toBeGreaterThanOrEqual(450);
    expect(new Set(sites.map((s) => s.business_line))).toEqual(new Set([
      'eldercare', 'childcare', 'disability-support', 'employment-support', 'building-maintenance', 'public-facilities', 'disaster-recovery', 'agriculture-biodiesel',
    ]));
    expect(new Set(sites.map((s) => s.prefecture_code)).size).toBeGreaterThanOrEqual(40);
    const aguriin = sites.filter((s) => s.name_en === 'Aguriin');
    expect(aguriin).toHaveLength(1);
    expect(aguriin[0]).toMatchObject({ code: 'wc-chiba', business_line: 'agriculture-biodiesel', prefecture_code: '12', operation: 'own' });
    expect(aguriin[0]!.address).toContain('芝山町');
    expect(aguriin[0]!.opened_on!.slice(0, 4)).toBe('2011');
    const plants = sites.filter((s) => s.business_line === 'agriculture-biodiesel' && (biodieselPlants as readonly string[]).includes(s.name_ja));
    expect(plants).toHaveLength(5);
    // Aguriin came first (2011); the four others followed before the seed (2017).
    expect(plants.map((p) => p.opened_on!).sort()[0]).toBe(aguriin[0]!.opened_on);
    for (const p of plants) expect(p.opened_on! < '2017-04-01').toBe(true);
    expect(sites.find((s) => s.name_ja === 'あじさい')).toMatchObject({ code: 'wc-chiba', business_line: 'eldercare', prefecture_code: '12' });
    const stations = sites.filter((s) => s.name_ja.endsWith('若者サポートステーション'));
    expect(stations).toHaveLength(22);
    for (const s of stations) expect(s).toMatchObject({ business_line: 'employment-support', operation: 'commissioned', commissioner_name: '厚生労働省' });
    expect(sites.filter((s) => s.commissioner_name === '厚生労働省')).toHaveLength(22);
    // Older persons' co-operatives run eldercare.
    const consumer = await ctx.db.selectFrom('sites').innerJoin('organizations', 'organizations.id', 'sites.organization_id')
      .select('sites.business_line').distinct().where('organizations.legal_form', '=', 'consumer-cooperative').execute();
    expect(consumer.map((r) => r.business_line)).toEqual(['eldercare']);
  });

  it('has the seed\'s programmes: the 22 stations under the ministry\'s contracts, and 87 local governments commissioning needy persons\' support', async () => {
    const contracts = await ctx.db.selectFrom('programme_contracts as c').innerJoin('commissioners as m', 'm.id', 'c.commissioner_id')
      .innerJoin('contract_sites as s', 's.contract_id', 'c.id').select(['m.kind', 'm.name_ja', 'm.local_government_code', 's.site_id']).execute();
    expect(new Set(contracts.filter((c) => c.name_ja === '厚生労働省').map((c) => c.site_id)).size).toBe(22);
    const local = new Set(contracts.filter((c) => c.kind === 'prefecture' || c.kind === 'municipality').map((c) => c.local_government_code));
    expect(local.size).toBe(87);
    for (const code of local) expect(localGovernment(code!)).toBeDefined();
  });

  it('records fiscal 2016–2025 for every site open in the year: fiscal 2016 is the seed\'s USD 300 million, later years more', async () => {
    const byYear = await turnoverByYear();
    expect([...byYear.keys()]).toEqual(years);
    const rate = await ctx.db.selectFrom('fx_rates').select('yen_per_usd_centi').where('fiscal_year', '=', 2016).executeTakeFirstOrThrow();
    const usd2016 = byYear.get(2016)!.turnover / (Number(rate.yen_per_usd_centi) / 100);
    expect(Math.abs(usd2016 / jwcuTurnoverUsd2016 - 1)).toBeLessThan(0.02);
    for (const fy of years) {
      const { turnover, surplus } = byYear.get(fy)!;
      if (fy > 2016) expect(turnover, `fiscal ${fy}`).toBeGreaterThan(byYear.get(2016)!.turnover);
      expect(surplus / turnover, `fiscal ${fy}`).toBeGreaterThan(0.01);
      expect(surplus / turnover, `fiscal ${fy}`).toBeLessThan(0.04);
      const { from, until } = { from: `${fy}-04-01`, until: fiscalYearEnd(fy) };
      const open = await ctx.db.selectFrom('sites').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('opened_on', '<=', until).where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)])).executeTakeFirstOrThrow();
      const reported = await ctx.db.selectFrom('site_results').select((eb) => eb.fn.countAll<number>().as('n')).where('fiscal_year', '=', fy).executeTakeFirstOrThrow();
      expect(Number(reported.n), `fiscal ${fy}`).toBe(Number(open.n));
    }
    const sitesIn = async (fy: number) => Number((await ctx.db.selectFrom('site_results').select((eb) => eb.fn.countAll<number>().as('n')).where('fiscal_year', '=', fy).executeTakeFirstOrThrow()).n);
    expect(await sitesIn(2025)).toBeGreaterThan(await sitesIn(2016));
    const losses = await ctx.db.selectFrom('site_results').select((eb) => eb.fn.countAll<number>().as('n')).where('surplus', '<', 0).executeTakeFirstOrThrow();
    expect(Number(losses.n)).toBeGreaterThan(0);
    const bad = await ctx.db.selectFrom('site_results').select('site_id').where((eb) => eb(eb('turnover', '-', eb.ref('expenses')), '!=', eb.ref('surplus'))).execute();
    expect(bad).toEqual([]);
  });

  it("splits each worker co-operative's workforce over its sites: the sites' worker members are its engaged members at the year's end", async () => {
    const center = await ctx.db.selectFrom('organizations').select('id').where('code', '=', 'center-jigyodan').executeTakeFirstOrThrow();
    for (const fy of [2016, 2025]) {
      const end = fiscalYearEnd(fy);
      const sites = await ctx.db.selectFrom('site_results').innerJoin('sites', 'sites.id', 'site_results.site_id')
        .select([(eb) => eb.fn.sum<number>('workers_members').as('members'), (eb) => eb.fn.sum<number>('workers_non_members').as('nonMembers')])
        .where('sites.organization_id', '=', center.id).where('site_results.fiscal_year', '=', fy).executeTakeFirstOrThrow();
      const engaged = await ctx.db.selectFrom('engagements as e').innerJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'e.person_id').onRef('m.organization_id', '=', 'e.organization_id'))
        .select((eb) => eb.fn.countAll<number>().as('n')).where('e.organization_id', '=', center.id)
        .where('e.started_on', '<=', end).where((eb) => eb.or([eb('e.ended_on', 'is', null), eb('e.ended_on', '>', end)]))
        .where('m.admitted_on', '<=', end).where((eb) => eb.or([eb('m.ended_on', 'is', null), eb('m.ended_on', '>', end)])).executeTakeFirstOrThrow();
      expect(Math.abs(Number(sites.members) / Number(engaged.n) - 1), `fiscal ${fy}`).toBeLessThan(0.02);
      expect(Number(sites.nonMembers) / (Number(sites.members) + Number(sites.nonMembers))).toBeLessThan(1 / 4);
    }
  });
});
