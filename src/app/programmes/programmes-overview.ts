import { canReportForFederation, type Actor } from '../../domain/access/policy.js';
import { programmesOverview as overviewOf, programmeFiscalYearStart, type ProgrammesOverview } from '../../domain/programmes/report.js';
import { forbidden, invalid } from '../../domain/shared/errors.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { today, type AppContext } from '../shared/context.js';

/** At most this many fiscal years in one overview. */
export const maxOverviewYears = 20;

/**
 * The federation's view of the commissioned programmes over fiscal years (April to March): by commissioner, by
 * prefecture of the offices and by fiscal year, people counted only when five or more. The federation administrator's.
 */
export async function programmesOverview(ctx: AppContext, actor: Actor, options: { fromYear?: number; untilYear?: number } = {}): Promise<ProgrammesOverview> {
  if (!canReportForFederation(actor)) throw forbidden();
  const current = fiscalYearOf(today(ctx), programmeFiscalYearStart);
  const untilYear = options.untilYear ?? Math.max(current, options.fromYear ?? current);
  const fromYear = options.fromYear ?? Math.min(current, untilYear);
  if (untilYear < fromYear) throw invalid([{ field: 'untilYear', code: 'end_before_start', message: 'the last year is the first or after it' }]);
  if (untilYear - fromYear + 1 > maxOverviewYears) throw invalid([{ field: 'untilYear', code: 'out_of_range', message: `at most ${maxOverviewYears} years` }]);
  const from = fiscalYearPeriod(fromYear, programmeFiscalYearStart).from;
  const until = fiscalYearPeriod(untilYear, programmeFiscalYearStart).until;
  const db = ctx.db;
  const [contracts, contractSites, sites, participants, activities, outcomes] = await Promise.all([
    db.selectFrom('programme_contracts as k').innerJoin('commissioners as c', 'c.id', 'k.commissioner_id')
      .select(['k.id', 'c.kind', 'c.prefecture_code', 'k.period_from', 'k.period_until']).execute(),
    db.selectFrom('contract_sites').select(['contract_id', 'site_id']).execute(),
    db.selectFrom('sites').select(['id', 'prefecture_code']).execute(),
    db.selectFrom('participants').select(['id', 'contract_id', 'site_id', 'intake_on']).execute(),
    db.selectFrom('participant_activities').select(['participant_id', 'on_date']).where('on_date', '>=', from).where('on_date', '<=', until).execute(),
    db.selectFrom('participant_outcomes').select(['participant_id', 'kind', 'on_date']).where('on_date', '>=', from).where('on_date', '<=', until).execute(),
  ]);
  const sitesOf = new Map<string, string[]>();
  for (const s of contractSites) sitesOf.set(s.contract_id, [...(sitesOf.get(s.contract_id) ?? []), s.site_id]);
  return overviewOf({
    contracts: contracts.map((c) => ({
      id: c.id, commissionerKind: c.kind, commissionerPrefectureCode: c.prefecture_code, periodFrom: c.period_from, periodUntil: c.period_until,
      siteIds: sitesOf.get(c.id) ?? [],
    })),
    sites: sites.map((s) => ({ id: s.id, prefectureCode: s.prefecture_code })),
    participants: participants.map((p) => ({ id: p.id, contractId: p.contract_id, siteId: p.site_id, intakeOn: p.intake_on })),
    activities: activities.map((a) => ({ participantId: a.participant_id, on: a.on_date })),
    outcomes: outcomes.map((o) => ({ participantId: o.participant_id, kind: o.kind, on: o.on_date })),
  }, fromYear, untilYear);
}
