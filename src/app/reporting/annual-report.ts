import { canReportForFederation, type Actor } from '../../domain/access/policy.js';
import { prefectures } from '../../domain/organizations/prefectures.js';
import { sdgGoals } from '../../domain/sdg/catalogue.js';
import { forbidden } from '../../domain/shared/errors.js';
import { fiscalYearOf } from '../../domain/shared/fiscal-year.js';
import { listBusinessLines } from '../business/business-lines.js';
import { capitalByFiscalYear } from '../capital/federation-capital.js';
import { today, type AppContext } from '../shared/context.js';
import { renderAnnualReportPdf, type AnnualReportData } from './annual-report-pdf.js';
import { readDashboard } from './dashboard.js';
import { readSdgView } from './sdg.js';

export type ReportLanguage = 'ja' | 'en';

/** Where the making of a report stands: `written` of `total` steps (reading the figures, then each part of the PDF). */
export type ReportProgress = (progress: { written: number; total: number }) => Promise<void> | void;

export interface AnnualReport {
  filename: string;
  bytes: Uint8Array;
}

/** The steps before the PDF's own: the dashboard, the SDG view, and the capital. */
const readingSteps = 3;

/**
 * The federation's annual report for a fiscal year as a PDF in Japanese or English: the federation's dashboard
 * for the year, what each SDG goal is served by, and the capital at each year end, put into a document to publish.
 * The federation administrator makes it; progress is reported step by step.
 */
export async function makeAnnualReport(
  ctx: AppContext, actor: Actor, options: { fiscalYear?: number; language: ReportLanguage }, onProgress: ReportProgress = () => undefined,
): Promise<AnnualReport> {
  if (!canReportForFederation(actor)) throw forbidden();
  // The PDF reports its steps once it starts; until then the total is an estimate it then corrects.
  let total = readingSteps + 10;
  let written = 0;
  const step = async () => {
    written += 1;
    await onProgress({ written, total });
  };
  const dashboard = await readDashboard(ctx, actor, { kind: 'federation' }, options.fiscalYear);
  await step();
  const sdg = await readSdgView(ctx, actor, { kind: 'federation' }, dashboard.fiscalYear);
  await step();
  const organizationIds = new Set(dashboard.organizations.map((o) => o.id));
  const yearsBack = fiscalYearOf(today(ctx), 4) - Math.min(...dashboard.years) + 2;
  const perOrganization = await capitalByFiscalYear(ctx, actor, Math.max(1, yearsBack));
  const capital = new Map<number, { fiscalYear: number; members: number; capital: number; paid: number; unpaid: number }>();
  for (const row of perOrganization) {
    if (!organizationIds.has(row.organizationId) || row.fiscalYear > dashboard.fiscalYear) continue;
    const year = capital.get(row.fiscalYear) ?? { fiscalYear: row.fiscalYear, members: 0, capital: 0, paid: 0, unpaid: 0 };
    year.members += row.members;
    year.capital += row.capital;
    year.paid += row.paid;
    year.unpaid += row.unpaid;
    capital.set(row.fiscalYear, year);
  }
  await step();
  const lines = await listBusinessLines(ctx.db);
  const data: AnnualReportData = {
    locale: options.language,
    dashboard,
    sdg,
    capital: [...capital.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
    businessLineNames: Object.fromEntries(lines.map((l) => [l.code, { ja: l.nameJa, en: l.nameEn }])),
    prefectureNames: Object.fromEntries(prefectures.map((p) => [p.code, { ja: p.nameJa, en: p.nameEn }])),
    sdgGoals: sdgGoals.map((g) => ({ goal: g.goal, nameJa: g.nameJa, nameEn: g.nameEn, color: g.color })),
    madeOn: today(ctx),
  };
  const bytes = await renderAnnualReportPdf(data, async (done, steps) => {
    total = readingSteps + steps;
    await onProgress({ written: readingSteps + done, total });
  });
  return { filename: `annual-report-${dashboard.fiscalYear}-${options.language}.pdf`, bytes };
}
