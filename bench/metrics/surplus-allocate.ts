import { recordBylawVersion } from '../../src/app/governance/bylaws.js';
import { createOrganization } from '../../src/app/organizations/write-organizations.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { inTransaction, newId } from '../../src/app/shared/context.js';
import { proposeClosing } from '../../src/app/surplus/close-year.js';
import { closeWorkMonth } from '../../src/app/surplus/work-months.js';
import { BulkWriter, bulkInsert } from '../../src/db/bulk-insert.js';
import { refreshStatistics } from '../../src/db/refresh-statistics.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { memberNumberSortKey } from '../../src/domain/members/member-number.js';
import { withOrganizationDefaults } from '../../src/domain/organizations/organization.js';
import { monthsBetween } from '../../src/domain/shared/fiscal-year.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { latencyResult } from '../results.js';
import { alternatingRounds, ms, percentile } from '../timing.js';

const median = (samples: readonly number[]): number => percentile(samples, 0.5);

const name = 'surplus.allocate';
/** The target for closing the year, on SQLite and on PostgreSQL. */
const boundMs = 3000;
/** Closes per side and round at the least, however short `--duration` is. */
const minimumPerRound = 2;
/** The seed's worker members (domain.md §1), all in one co-operative: the largest close the federation could have. */
const workers = 13_420;
const daysEach = 250;
const fiscalYear = 2025;
const from = '2025-04-01';
const until = '2026-03-31';

/** The bare read the close rests on: the year's closed months summed per person. */
const bareSql = `select person_id, sum(minutes) as minutes, sum(days) as days from work_month_totals
  where organization_id = ? and period >= ? and period <= ? group by person_id`;
/** The same year summed from the daily records instead, measured once for the notes: why months keep totals. */
const bareRecordsSql = `select person_id, sum(minutes) as minutes, count(distinct work_date) as days from work_records
  where organization_id = ? and work_date >= ? and work_date <= ? and status = 'approved' group by person_id`;

/** The first `daysEach` weekdays of the fiscal year: everyone works the same days, as a shift roster would have it. */
function workdays(): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); days.length < daysEach; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A co-operative of 13,420 worker members with 250 days of approved work each in fiscal 2025 (3,355,000 rows, 4 to
 * 9 hours a day, one in ten as a coordinator whose hours weigh 125%), every month closed, and bylaws measuring work
 * in weighted hours and withholding dividends against unpaid capital: the whole path of a close is taken.
 */
async function buildCooperative(env: BenchEnv): Promise<{ organizationId: string; monthCloseMs: number }> {
  const { ctx } = env.runtime;
  const actor: Actor = { userId: 'bench', email: 'system:bench', role: 'federation-admin', organizationId: null };
  const federation = await ctx.db.selectFrom('organizations').select('id').where('kind', '=', 'federation').executeTakeFirstOrThrow();
  const org = await createOrganization(ctx, null, systemActor('bench'), withOrganizationDefaults({ code: 'bench-surplus', nameJa: 'ベンチ労働者協同組合', legalForm: 'worker-cooperative', parentId: federation.id }));
  await recordBylawVersion(ctx, actor, org.id, {
    title: '定款', text: '第1条 …', foundingEffectiveFrom: '2020-04-01',
    settings: { legalReserveTarget: 100_000_000, workMeasure: 'weighted_hours', roleWeights: { coordinator: 125 }, withholdDividends: true },
  });
  const started = performance.now();
  const days = workdays();
  await inTransaction(ctx, async (trx) => {
    const at = new Date().toISOString();
    const people = [];
    const memberships = [];
    for (let i = 0; i < workers; i++) {
      const personId = newId();
      const number = `W${String(i + 1).padStart(6, '0')}`;
      people.push({ id: personId, family_name: '組合', given_name: `員${i + 1}`, family_kana: 'クミアイ', given_kana: 'イン', birth_date: null, email: null, phone: null, postal_code: null, prefecture_code: null, address: null, version: 1, created_at: at, updated_at: at });
      memberships.push({ id: newId(), organization_id: org.id, person_id: personId, member_number: number, member_number_key: memberNumberSortKey(number), kind: 'worker', status: 'admitted', admitted_on: '2020-04-01', ended_on: null, last_event_on: '2020-04-01', version: 1, created_at: at, updated_at: at });
    }
    await bulkInsert(trx, ctx.dialect, 'people', people);
    await bulkInsert(trx, ctx.dialect, 'memberships', memberships);
    const columns = ['id', 'organization_id', 'person_id', 'work_date', 'site', 'business_line', 'role', 'minutes', 'status', 'source', 'import_batch_id', 'note', 'approved_at', 'approved_by', 'version', 'created_at', 'updated_at', 'recorded_by'] as const;
    const writer = new BulkWriter(trx, ctx.dialect, 'work_records', columns);
    for (const [i, person] of people.entries()) {
      const role = i % 10 === 0 ? 'coordinator' : '';
      for (const [d, day] of days.entries()) {
        await writer.add(newId(), org.id, person.id, day, '', '', role, 240 + ((i * 7 + d * 13) % 11) * 30, 'approved', 'import', null, null, at, 'bench', 1, at, at, 'bench');
      }
    }
    await writer.flush();
  });
  await refreshStatistics(ctx.db, ctx.dialect, ['people', 'memberships', 'work_records']);
  env.log(`  ${workers.toLocaleString('en')} members and ${(workers * daysEach).toLocaleString('en')} work rows loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Each month closed as the coordinator closes it: the close and each person's totals, one transaction a month.
  const months: number[] = [];
  for (const period of monthsBetween(from, until)) {
    const began = performance.now();
    await inTransaction(ctx, (trx) => closeWorkMonth(trx, ctx.dialect, org.id, period, { at: new Date().toISOString(), by: 'bench' }));
    months.push(performance.now() - began);
  }
  await refreshStatistics(ctx.db, ctx.dialect, ['work_month_totals']);
  return { organizationId: org.id, monthCloseMs: median(months) };
}


/**
 * Closing fiscal 2025 for 13,420 worker members as the administrator does (`proposeClosing`, in the bench's process,
 * no HTTP): the ledger's balances and the bylaws in force, the year's work summed per member (weighted by role, days
 * counted), unpaid capital, the allocation, the largest-remainder split, and the draft with its 13,420 dividend lines
 * written (each round replaces the draft, as recomputing does). Against the bare aggregation of the same rows.
 */
export const surplusAllocate: Metric = {
  name,
  description: 'ms (median) to close a fiscal year for 13,420 workers with 250 days of work each (3,355,000 rows)',
  async run(env) {
    const { ctx } = env.runtime;
    const { organizationId, monthCloseMs } = await buildCooperative(env);
    const actor: Actor = { userId: 'bench', email: 'system:bench', role: 'federation-admin', organizationId: null };
    const bare = env.bare.prepareAll(bareSql);
    const sides = {
      app: () => proposeClosing(ctx, actor, organizationId, { fiscalYear, surplus: 987_654_321 }),
      baseline: () => bare([organizationId, from.slice(0, 7), until.slice(0, 7)]),
    };
    const view = await sides.app();
    const rows = await sides.baseline();
    const bareMinutes = rows.reduce((sum, r) => sum + Number(r.minutes), 0);
    const lines = await ctx.db.selectFrom('surplus_dividends').select((eb) => [eb.fn.sum<string | number>('amount').as('amount'), eb.fn.countAll<string | number>().as('n')])
      .where('closing_id', '=', view.id).executeTakeFirstOrThrow();
    if (view.members !== workers || rows.length !== workers || Number(lines.n) !== workers || Number(lines.amount) !== view.allocation.dividends) {
      throw new Error(`${name}: the close counted ${view.members} members and ${lines.n} lines summing to ${lines.amount} of ${view.allocation.dividends} yen; the bare query ${rows.length} people`);
    }
    env.log(`  ${view.members.toLocaleString('en')} members, ${bareMinutes.toLocaleString('en')} minutes; dividends ${view.allocation.dividends.toLocaleString('en')} yen in ${Number(lines.n).toLocaleString('en')} lines`);

    const fromRecords = env.bare.prepareAll(bareRecordsSql);
    const recordsStarted = performance.now();
    const daily = await fromRecords([organizationId, from, until]);
    const recordsMs = performance.now() - recordsStarted;
    if (daily.reduce((sum, r) => sum + Number(r.minutes), 0) !== bareMinutes) throw new Error(`${name}: the months' totals and the daily records disagree`);
    env.log(`  the year from the daily records instead: ${ms(recordsMs)}; closing one month (totals written): median ${ms(monthCloseMs)}`);

    const { durationSeconds, rounds } = env.options;
    // No separate warm-up: the close above ran both sides once, and each close takes a good part of a second.
    const samples = await alternatingRounds(sides, { warmupSeconds: 0, durationSeconds, rounds, minimumPerRound, noun: 'closes', log: env.log });
    const context =
      `value: proposeClosing (src/app/surplus) in the bench's process (no HTTP) for fiscal ${fiscalYear}: ledger balances, bylaws in force, ` +
      `${(workers * daysEach).toLocaleString('en')} approved work rows of ${workers.toLocaleString('en')} members summed per member (hours weighted by role, days counted), ` +
      `unpaid capital, allocation, largest-remainder split, and the draft's ${workers.toLocaleString('en')} dividend lines replaced, in one transaction; ` +
      `the year is read from the closed months' per-person totals (written as each month closes: median ${ms(monthCloseMs)} a month here); ` +
      `baseline: ${env.bare.description} summing the same month totals per person; the same year summed from the daily records by one bare query took ${ms(recordsMs)}; ` +
      `median of ${samples.app.length} (app) and ${samples.baseline.length} (baseline) runs, one at a time; ${env.dialect}, ${rounds} alternating round(s) of ${durationSeconds} s per side`;
    return [latencyResult({ name, value: median(samples.app), baseline: median(samples.baseline), context, absolute: { kind: 'max', bound: boundMs } })];
  },
};
