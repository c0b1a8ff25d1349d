import { ApiError } from '../../api';
import type { FieldErrors } from '../../errors';
import { formatNumber, formatPercent } from '../../format';
import type { Locale } from '../../i18n';
import type { Organization } from '../organizations/organization';
import type { Me } from '../session/me';
import { CAMPAIGN_TEXT_LIMITS, STAGES, TARGET_KINDS, type Campaign, type CampaignInput, type CampaignProgress, type Milestone, type Stage, type TargetFilter } from './campaigns';

// What the campaign pages compute from the server's answers and the forms' values: pure, tested without a browser.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A name in the page's language: the English one where there is one, else the Japanese. */
export function nameIn(item: { nameJa: string; nameEn: string | null }, locale: Locale): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.nameJa;
}

/** The campaign's goal in the page's language. */
export function goalIn(campaign: Pick<Campaign, 'goalJa' | 'goalEn'>, locale: Locale): string {
  return locale === 'en' && campaign.goalEn ? campaign.goalEn : campaign.goalJa;
}

/** A milestone's title in the page's language. */
export function milestoneTitle(milestone: Pick<Milestone, 'titleJa' | 'titleEn'>, locale: Locale): string {
  return locale === 'en' && milestone.titleEn ? milestone.titleEn : milestone.titleJa;
}

/** "1,788団体中878団体（49.1%）" in Japanese, "878 of 1,788 (49.1%)" in English. */
export function headline(progress: Pick<CampaignProgress, 'adopted' | 'denominator' | 'share'>, locale: Locale): string {
  const adopted = formatNumber(progress.adopted, locale);
  const denominator = formatNumber(progress.denominator, locale);
  const share = formatPercent(progress.share, locale);
  return locale === 'ja' ? `${denominator}団体中${adopted}団体（${share}）` : `${adopted} of ${denominator} (${share})`;
}

/** The map's values: each prefecture's share of local governments adopted, 0 to 1 (a prefecture without targets left out). */
export function prefectureShares(byPrefecture: CampaignProgress['byPrefecture']): { prefectureCode: string; value: number }[] {
  return byPrefecture.filter((p) => p.total > 0).map((p) => ({ prefectureCode: p.prefectureCode, value: p.share }));
}

/** The stages with a count, in the order of the way forward. */
export function stageCounts(byStage: Record<Stage, number>): { stage: Stage; count: number }[] {
  return STAGES.map((stage) => ({ stage, count: byStage[stage] ?? 0 }));
}

/** `2017-05` → 2017年5月 / May 2017, for the chart's axis and its description. */
export function formatYearMonth(month: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [, year, number] = match;
  if (locale === 'ja') return `${Number(year)}年${Number(number)}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(year), Number(number) - 1, 1)));
}

/**
 * A few points of a long cumulative series for a sentence that describes the chart: the first month, the last, and
 * the months where the count first reached each quarter of the final count.
 */
export function cumulativeHighlights(series: readonly { month: string; adopted: number }[]): { month: string; adopted: number }[] {
  if (series.length <= 5) return [...series];
  const last = series.at(-1)!;
  const picked = new Map<string, { month: string; adopted: number }>([[series[0]!.month, series[0]!]]);
  for (const quarter of [0.25, 0.5, 0.75]) {
    const point = series.find((p) => p.adopted >= last.adopted * quarter);
    if (point) picked.set(point.month, point);
  }
  picked.set(last.month, last);
  return [...picked.values()].sort((a, b) => a.month.localeCompare(b.month));
}

// ---- the targets' list -----------------------------------------------------------------------------------------

export const TARGET_PAGE_SIZE = 50;

/** The longest search the server takes (a name, a reading or the start of a code). */
export const TARGET_SEARCH_LIMIT = 40;

export const EMPTY_FILTER: TargetFilter = { prefecture: '', stage: '', kind: '', q: '' };

/** The list's filter and page as the page's address keeps them (?prefecture=13&stage=adopted&page=2). */
export function filterFromParams(params: URLSearchParams): { filter: TargetFilter; page: number } {
  const page = Number(params.get('page') ?? '1');
  const prefecture = params.get('prefecture') ?? '';
  const stage = params.get('stage') ?? '';
  const kind = params.get('kind') ?? '';
  return {
    filter: {
      prefecture: /^\d{2}$/.test(prefecture) ? prefecture : '',
      stage: (STAGES as readonly string[]).includes(stage) ? stage : '',
      kind: (TARGET_KINDS as readonly string[]).includes(kind) ? kind : '',
      q: (params.get('q') ?? '').slice(0, TARGET_SEARCH_LIMIT),
    },
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address's query for a filter and page, without the empty ones (page 1 is the default). */
export function paramsOf(filter: TargetFilter, page: number): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value) params[key] = value;
  if (page > 1) params.page = String(page);
  return params;
}

/** How many pages a list of `total` rows takes; at least one, so that an empty list still has its page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The stages a target can be moved to: any but the one it is at (the server answers same_stage to that). */
export function stageChoices(current: Stage): Stage[] {
  return STAGES.filter((stage) => stage !== current);
}

/**
 * The stage the record-stage form starts at: the usual next step (a target under deliberation is most often
 * recorded as adopted; after a rejection, a new approach). An adopted target has no next step: the form starts one
 * step back, which the person records as a correction.
 */
export function suggestedStage(current: Stage): Stage {
  if (current === 'rejected') return 'contacted';
  if (current === 'adopted') return 'under-deliberation';
  return STAGES[STAGES.indexOf(current) + 1]!;
}

// ---- the campaign form -----------------------------------------------------------------------------------------

export interface CampaignFormValues {
  nameJa: string;
  nameEn: string;
  goalJa: string;
  goalEn: string;
  periodFrom: string;
  periodUntil: string;
  /** Every local government (1,788) becomes a target at "not contacted". */
  includeLocalGovernments: boolean;
}

export function newCampaignValues(today: string): CampaignFormValues {
  return { nameJa: '', nameEn: '', goalJa: '', goalEn: '', periodFrom: today, periodUntil: '', includeLocalGovernments: true };
}

/** The problems the form can see before sending; the server checks again. */
export function checkCampaignValues(values: CampaignFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.nameJa.trim()) errors.nameJa = 'required';
  else if ([...values.nameJa.trim()].length > CAMPAIGN_TEXT_LIMITS.name) errors.nameJa = 'too_long';
  if ([...values.nameEn.trim()].length > CAMPAIGN_TEXT_LIMITS.name) errors.nameEn = 'too_long';
  if (!values.goalJa.trim()) errors.goalJa = 'required';
  else if ([...values.goalJa.trim()].length > CAMPAIGN_TEXT_LIMITS.goal) errors.goalJa = 'too_long';
  if ([...values.goalEn.trim()].length > CAMPAIGN_TEXT_LIMITS.goal) errors.goalEn = 'too_long';
  if (!values.periodFrom) errors.periodFrom = 'required';
  else if (!ISO_DATE.test(values.periodFrom)) errors.periodFrom = 'invalid_date';
  if (values.periodUntil && !ISO_DATE.test(values.periodUntil)) errors.periodUntil = 'invalid_date';
  else if (values.periodUntil && ISO_DATE.test(values.periodFrom) && values.periodUntil < values.periodFrom) errors.periodUntil = 'end_before_start';
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The campaign the form describes, as the server takes it: empty English texts and an open end are null. */
export function toCampaignInput(values: CampaignFormValues): CampaignInput {
  return {
    nameJa: values.nameJa.trim(),
    nameEn: orNull(values.nameEn),
    goalJa: values.goalJa.trim(),
    goalEn: orNull(values.goalEn),
    periodFrom: values.periodFrom,
    periodUntil: values.periodUntil || null,
  };
}

/** A text field's value for an optional text: null becomes empty. */
export const textOf = (value: string | null): string => value ?? '';

/** An optional text from a field: blank becomes null, the rest trimmed. */
export const optionalText = orNull;

// ---- links and the import --------------------------------------------------------------------------------------

/** Whether a link can be kept: an absolute http or https address (the server refuses any other scheme). */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface ImportProblem {
  /** The spreadsheet's row number; null for a problem of the whole file (a missing column). */
  row: number | null;
  column: string | null;
  code: string;
}

/**
 * The problems of a refused import, in row order. The server lists them as `{ row, column, code }`, or as fields
 * named `rows.<row>.<column>` like the other imports; both are read.
 */
export function importProblems(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const listed = (error.problem.errors ?? []) as readonly { field?: string; row?: unknown; column?: unknown; code: string }[];
  const problems = listed.map((problem): ImportProblem => {
    const row = typeof problem.row === 'number' ? problem.row : null;
    // A problem of a whole row has no column ('' from the server).
    const column = typeof problem.column === 'string' && problem.column !== '' ? problem.column : null;
    if (row !== null || column !== null) return { row, column, code: problem.code };
    const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(problem.field ?? '');
    if (match) return { row: Number(match[1]), column: match[2] && match[2] !== 'row' ? match[2] : null, code: problem.code };
    return { row: null, column: problem.field || null, code: problem.code };
  });
  return problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

// ---- who runs campaigns ------------------------------------------------------------------------------------------

/** The server's canRunCampaigns, as far as the interface can tell: the federation administrator, or an organization's staff. */
export function canRunCampaigns(me: Pick<Me, 'role' | 'organizationId'>): boolean {
  return me.role === 'federation-admin' || ((me.role === 'org-admin' || me.role === 'clerk') && me.organizationId !== null);
}

/**
 * Whose campaigns the list shows: the organization the address asks for, where the federation administrator may
 * choose it (the federation's own by default); the user's own organization for everyone else.
 */
export function campaignScope(
  me: Pick<Me, 'role' | 'organizationId'>,
  organizations: readonly Pick<Organization, 'id' | 'kind'>[],
  requested: string | null,
): string | null {
  if (me.role !== 'federation-admin') return me.organizationId;
  const federation = organizations.find((o) => o.kind === 'federation');
  return organizations.find((o) => o.id === requested)?.id ?? federation?.id ?? null;
}
