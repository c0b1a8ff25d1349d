import type { Actor } from '../../domain/access/policy.js';
import { monthsBetween } from '../../domain/shared/fiscal-year.js';
import type { Insertable } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { WorkRecordTable } from '../../db/schema.js';
import { inTransaction, newId, type AppContext } from '../shared/context.js';
import { proposeClosing, type ClosingView } from '../surplus/close-year.js';
import { closeWorkMonth } from '../surplus/work-months.js';

/** Where the demo members work, and in which business line. */
const sites: [string, string][] = [
  ['池袋ケアセンター', 'eldercare'], ['豊島区子育てひろば', 'childcare'], ['東池袋ビル管理', 'building-maintenance'], ['若者サポートステーション', 'employment-support'],
];

/**
 * Fiscal 2025 (April 2025 – March 2026) at the demo's Centre Jigyodan: each demo member's approved work, every month
 * closed, and the year's close proposed for the June general assembly. The first member coordinates (their hours
 * weigh 125% under the bylaws), two work part-time, one started working in October; the twelfth is the auditor, who
 * may not be employed by the co-op (domain.md §2.9) and does not work in it. Written in bulk, as a time-clock import
 * would, then closed month by month as the coordinator does.
 */
export async function loadDemoWorkYear(ctx: AppContext, actor: Actor, organizationId: string, people: readonly { person: { id: string } }[]): Promise<void> {
  const at = '2026-04-10T00:00:00Z';
  const rows: Insertable<WorkRecordTable>[] = [];
  for (let t = Date.parse('2025-04-01T00:00:00Z'); t <= Date.parse('2026-03-31T00:00:00Z'); t += 86_400_000) {
    const day = new Date(t);
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const date = day.toISOString().slice(0, 10);
    for (const [i, { person }] of people.entries()) {
      // Part-timers work about three days a week; one member starts working in October; the auditor does not work.
      if (i === 11) continue;
      if ((i === 6 || i === 7) && weekday % 2 === 0) continue;
      if (i === 10 && date < '2025-10-01') continue;
      const [site, line] = sites[i % sites.length]!;
      rows.push({
        id: newId(), organization_id: organizationId, person_id: person.id, work_date: date, site, business_line: line, role: i === 0 ? 'coordinator' : '',
        minutes: i === 6 || i === 7 ? 300 : 420 + ((i * 3 + weekday) % 4) * 30, status: 'approved', source: 'import', import_batch_id: 'demo-2025', note: null,
        approved_at: at, approved_by: actor.email, version: 1, created_at: at, updated_at: at, recorded_by: actor.email,
      });
    }
  }
  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'work_records', rows);
    for (const period of monthsBetween('2025-04-01', '2026-03-31')) await closeWorkMonth(trx, ctx.dialect, organizationId, period, { at, by: actor.email });
  });
}

/** The year's close as the board proposes it in May: a surplus of 3,456,789 yen, nothing retained. */
export function proposeDemoClose(ctx: AppContext, actor: Actor, organizationId: string): Promise<ClosingView> {
  return proposeClosing(ctx, actor, organizationId, { fiscalYear: 2025, surplus: 3_456_789 });
}
