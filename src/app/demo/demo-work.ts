import type { Actor } from '../../domain/access/policy.js';
import { monthsBetween } from '../../domain/shared/fiscal-year.js';
import { monthOf } from '../../domain/work/period.js';
import { BulkWriter } from '../../db/bulk-insert.js';
import { registerNonMemberWorker } from '../members/record-engagement.js';
import { inTransaction, isoNow, newId, today, type AppContext } from '../shared/context.js';
import { closeWorkMonth } from '../surplus/work-months.js';

/** Where the demo's people work, and in which business line of the Centre Jigyodan. */
const sites: [string, string][] = [
  ['池袋ケアセンター', 'eldercare'], ['豊島区子育てひろば', 'childcare'], ['東池袋ビル管理', 'building-maintenance'], ['若者サポートステーション', 'employment-support'],
];

const demoActor: Actor = { userId: 'demo', email: 'system:demo', role: 'federation-admin', organizationId: null };

/** The first day of the month `months` after (or before) a date's month. */
const monthStart = (date: string, months: number): string => {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

/**
 * The current fiscal year's work at the Centre Jigyodan, from April 2026 until yesterday, as a coordinator would
 * have it on the day the demo is loaded: the months before last approved and closed, last month approved and still
 * open, this month's days entered and waiting for approval. The members work weekdays at their site (the first one
 * as coordinator, two part-time; not the auditor); a worker who is not a member helps at the care centre three days a week.
 */
export async function loadDemoWork(ctx: AppContext, organizationId: string, coordinatorEmail: string): Promise<void> {
  const yesterday = new Date(Date.parse(`${today(ctx)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const first = '2026-04-01';
  if (yesterday < first) return;
  const members = await ctx.db.selectFrom('memberships').select('person_id').where('organization_id', '=', organizationId).where('status', '=', 'admitted')
    .where('admitted_on', '<=', first).orderBy('member_number_key').limit(12).execute();
  const helper = await registerNonMemberWorker(ctx, demoActor, organizationId,
    { familyName: '森', givenName: '若葉', familyKana: 'モリ', givenKana: 'ワカバ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: '13', address: null },
    { site: sites[0]![0], startedOn: '2026-06-01', endedOn: null, labourContractFrom: '2026-06-01', labourContractUntil: null, exemption: null });
  const thisMonth = monthOf(today(ctx));
  const lastMonth = monthOf(monthStart(today(ctx), -1));
  const at = isoNow(ctx);
  await inTransaction(ctx, async (trx) => {
    const records = new BulkWriter(trx, ctx.dialect, 'work_records', [
      'id', 'organization_id', 'person_id', 'work_date', 'site', 'business_line', 'role', 'minutes', 'status', 'source', 'import_batch_id', 'note',
      'approved_at', 'approved_by', 'version', 'created_at', 'updated_at', 'recorded_by',
    ]);
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${yesterday}T00:00:00Z`); t += 86_400_000) {
      const day = new Date(t);
      const weekday = day.getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const date = day.toISOString().slice(0, 10);
      const approved = monthOf(date) < thisMonth;
      // Closed months came from the time clock's monthly export; this month's days are entered in the app.
      const source = monthOf(date) <= lastMonth ? 'import' : 'app';
      const add = (personId: string, [site, line]: [string, string], role: string, minutes: number) =>
        records.add(newId(), organizationId, personId, date, site, line, role, minutes, approved ? 'approved' : 'entered', source,
          source === 'import' ? `demo-${monthOf(date)}` : null, null, approved ? at : null, approved ? coordinatorEmail : null, 1, at, at, coordinatorEmail);
      for (const [i, { person_id }] of members.entries()) {
        // Part-timers work about three days a week; the twelfth, the auditor, may not be employed and does not work.
        if (i === 11) continue;
        if ((i === 6 || i === 7) && weekday % 2 === 0) continue;
        await add(person_id, sites[i % sites.length]!, i === 0 ? 'coordinator' : '', i === 6 || i === 7 ? 300 : 420 + ((i * 3 + weekday) % 4) * 30);
      }
      if (date >= '2026-06-01' && weekday % 2 === 1) await add(helper.personId, sites[0]!, '', 240);
    }
    await records.flush();
    // Every month before last is closed, as the coordinator does once a month's work is approved.
    for (const period of monthsBetween(first, monthStart(today(ctx), -2))) await closeWorkMonth(trx, ctx.dialect, organizationId, period, { at, by: coordinatorEmail });
  });
}
