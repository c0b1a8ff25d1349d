import { withQuery } from '../../api';
import { formatNumber, formatPercent } from '../../format';
import type { Locale } from '../../i18n';
import { smallCellLimit, type Cell, type ContractFigures, type ContractReport, type ProgrammesOverview } from '../../../../src/domain/programmes/report';

// The reports of commissioned programmes as the server answers them (src/http/routes/programme-reports.ts): the
// domain's figures, with the contract's names on a contract's report.

export type { Cell, ContractReport, ProgrammesOverview };

export type IndicatorResult = ContractReport['indicators'][number];

export type CsvEncoding = 'utf-8' | 'cp932';

export interface ReportPeriod {
  from: string;
  until: string;
}

/** Counts below this are hidden (1 to 4), and so are figures that would reveal them: all shown as “<5”. */
export const HIDDEN_BELOW = smallCellLimit + 1;

export const reportPaths = {
  contract: (contractId: string, period: ReportPeriod) => withQuery(`/contracts/${contractId}/report`, { from: period.from, until: period.until }),
  csv: (contractId: string, period: ReportPeriod, encoding: CsvEncoding, lang: Locale) =>
    withQuery(`/contracts/${contractId}/report.csv`, { from: period.from, until: period.until, encoding, lang }),
  pdf: (contractId: string, period: ReportPeriod, lang: Locale) => withQuery(`/contracts/${contractId}/report.pdf`, { from: period.from, until: period.until, lang }),
  overview: (fromYear: number, untilYear: number) => withQuery('/reports/programmes', { fromYear: String(fromYear), untilYear: String(untilYear) }),
};

/**
 * A figure as the report shows it: 12 (hours 7.5), or “<5” where it is hidden — the same mark the server's CSV and
 * PDF print for a small count and for one hidden with it, so that neither tells which is which.
 */
export function cellText(cell: Cell, locale: Locale): string {
  if (cell.suppressed || cell.value === null) return `<${HIDDEN_BELOW}`;
  return formatNumber(cell.value, locale);
}

/** How much of its target an indicator reached (75%); — without a target, or where the actual figure is hidden. */
export function rateText(rate: number | null, locale: Locale): string {
  return rate === null ? '—' : formatPercent(rate, locale);
}

/** Every figure of a contract's report, to tell whether any is hidden (then the page explains “<5”). */
export function reportCells(report: ContractFigures): Cell[] {
  return [
    ...report.indicators.flatMap((i) => (i.actual ? [i.actual] : [])),
    ...report.byActivityKind.rows.flatMap((r) => [r.participants, r.sessions, r.hours]),
    report.byActivityKind.total.participants, report.byActivityKind.total.sessions, report.byActivityKind.total.hours,
    ...report.byOutcomeKind.rows.map((r) => r.outcomes), report.byOutcomeKind.total,
    ...report.byAgeBand.rows.map((r) => r.participants), report.byAgeBand.total,
  ];
}

export function overviewCells(overview: ProgrammesOverview): Cell[] {
  return [
    ...overview.byCommissioner.rows.map((r) => r.participants), overview.byCommissioner.total.participants,
    ...overview.byPrefecture.rows.map((r) => r.participants), overview.byPrefecture.total.participants,
    ...overview.byFiscalYear.rows.flatMap((r) => [r.participants, ...r.outcomes, r.outcomesTotal]),
    ...overview.byFiscalYear.total.outcomes, overview.byFiscalYear.total.outcomesTotal,
  ];
}

export const anyHidden = (cells: readonly Cell[]): boolean => cells.some((cell) => cell.suppressed);

/** The period asked for in the page's address (from, until); the contract's own period where none or no valid one is. */
export function readPeriod(params: URLSearchParams, contract: ReportPeriod): ReportPeriod {
  const date = (value: string | null) => (value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null);
  const from = date(params.get('from')) ?? contract.from;
  const until = date(params.get('until')) ?? contract.until;
  return until < from ? contract : { from, until };
}

/** The fiscal years the overview offers by default: the last five up to the one running (April start). */
export function defaultYears(today: string): { fromYear: number; untilYear: number } {
  const year = Number(today.slice(0, 4));
  const untilYear = Number(today.slice(5, 7)) >= 4 ? year : year - 1;
  return { fromYear: untilYear - 4, untilYear };
}

/** An age band as people read it: 15〜19歳 / 65歳以上 in Japanese, 15–19 / 65 and over in English. */
export function ageBandLabel(band: string, locale: Locale): string {
  const open = /^(\d+)\+$/.exec(band);
  if (open) return locale === 'ja' ? `${open[1]}歳以上` : `${open[1]} and over`;
  const range = /^(\d+)-(\d+)$/.exec(band);
  if (!range) return band;
  return locale === 'ja' ? `${range[1]}〜${range[2]}歳` : `${range[1]}–${range[2]}`;
}

/** The figures of a chart: a hidden one is no bar (null), never a guess. */
export const chartValues = (cells: readonly Cell[]): (number | null)[] => cells.map((cell) => (cell.suppressed ? null : cell.value));
