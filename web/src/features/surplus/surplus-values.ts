import { fiscalYearPeriod } from '../../../../src/domain/shared/fiscal-year';
import type { FieldErrors } from '../../errors';
import { parseWhole, parseYen } from '../capital/capital-values';
import { RESERVE_FIELDS, type Closing, type ClosingInput, type ReserveField } from './surplus';

// What the close's form holds (text, as typed), the checks made before sending, and the body the server takes.
// Amounts are integer yen, never floats.

/** Yen from 0 up as people type them (0, 12,000, ¥12,000, 12,000円, full-width digits); null otherwise. */
export function parseYenOrZero(text: string): number | null {
  // parseYen reads every way of writing an amount but starts at 1 yen; a reserve or a year's result may be 0.
  return parseWhole(text, 0, 0) ?? parseYen(text);
}

export type YearResult = 'surplus' | 'loss';

export interface ProposeValues {
  /** The calendar year the fiscal year starts in, as chosen: 2025 = 2025年度. */
  fiscalYear: string;
  /** 当期剰余金 or 当期損失金: the amount is typed without a sign. */
  result: YearResult;
  amount: string;
  /** Empty: the minimum. */
  legalReserve: string;
  jobCreationFund: string;
  educationCarryForward: string;
  /** Empty: nothing retained. */
  retained: string;
  /** Only at the first close kept in Kyodo: both or neither. */
  openingLegalReserve: string;
  openingLosses: string;
}

export const emptyProposal = (fiscalYear: number | null): ProposeValues => ({
  fiscalYear: fiscalYear === null ? '' : String(fiscalYear),
  result: 'surplus',
  amount: '',
  legalReserve: '',
  jobCreationFund: '',
  educationCarryForward: '',
  retained: '',
  openingLegalReserve: '',
  openingLosses: '',
});

/**
 * The form for recomputing a draft: its year and result, and what the board chose beyond the minimums (a reserve at
 * its minimum is left empty, so that a changed surplus takes the new minimum rather than the old figure).
 */
export function valuesOfClosing(closing: Closing): ProposeValues {
  const { allocation, facts } = closing;
  const chosen = (field: ReserveField) => (allocation[field] > allocation.minimums[field].minimum ? String(allocation[field]) : '');
  return {
    fiscalYear: String(closing.fiscalYear),
    result: closing.surplus < 0 ? 'loss' : 'surplus',
    amount: String(Math.abs(closing.surplus)),
    legalReserve: chosen('legalReserve'),
    jobCreationFund: chosen('jobCreationFund'),
    educationCarryForward: chosen('educationCarryForward'),
    retained: allocation.retained > 0 ? String(allocation.retained) : '',
    openingLegalReserve: facts.opening ? String(facts.opening.legalReserve) : '',
    openingLosses: facts.opening ? String(facts.opening.lossesCarriedForward) : '',
  };
}

const optionalYen = (value: string): number | undefined => (value.trim() === '' ? undefined : (parseYenOrZero(value) ?? undefined));

export function checkProposal(values: ProposeValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.fiscalYear === '') errors.fiscalYear = 'required';
  if (values.amount.trim() === '') errors.amount = 'required';
  else if (parseYenOrZero(values.amount) === null) errors.amount = 'not_whole_yen';
  for (const field of [...RESERVE_FIELDS, 'retained', 'openingLegalReserve', 'openingLosses'] as const) {
    if (values[field].trim() !== '' && parseYenOrZero(values[field]) === null) errors[field] = 'not_whole_yen';
  }
  // The opening balances are one statement of the books before Kyodo: the reserve and the losses together.
  const reserve = values.openingLegalReserve.trim();
  const losses = values.openingLosses.trim();
  if (reserve !== '' && losses === '') errors.openingLosses ??= 'required';
  if (losses !== '' && reserve === '') errors.openingLegalReserve ??= 'required';
  return errors;
}

export function toClosingInput(values: ProposeValues): ClosingInput {
  const amount = parseYenOrZero(values.amount) ?? 0;
  const input: ClosingInput = { fiscalYear: Number(values.fiscalYear), surplus: values.result === 'loss' ? -amount : amount };
  for (const field of [...RESERVE_FIELDS, 'retained'] as const) {
    const value = optionalYen(values[field]);
    if (value !== undefined) input[field] = value;
  }
  const legalReserve = optionalYen(values.openingLegalReserve);
  const lossesCarriedForward = optionalYen(values.openingLosses);
  if (legalReserve !== undefined && lossesCarriedForward !== undefined) input.opening = { legalReserve, lossesCarriedForward };
  return input;
}

/**
 * Where a field the server names sits in the form: the opening balances are two fields of their own, and the
 * problems of the year's result as a whole (what covers the losses, the parts adding up) belong to its amount.
 */
export function proposalField(field: string): string {
  if (field === 'opening' || field === 'opening.legalReserve') return 'openingLegalReserve';
  if (field === 'opening.lossesCarriedForward') return 'openingLosses';
  if (['surplus', 'total', 'lossCovered', 'lossCarriedForward', 'dividends'].includes(field)) return 'amount';
  return field.split('.')[0] ?? field;
}

/** A fiscal year the form offers, and whether its close is already before the assembly or posted. */
export interface FiscalYearChoice {
  year: number;
  until: string;
  closed: boolean;
}

/**
 * The fiscal years that have ended by `today`, latest first, `count` of them: only an ended year can be closed.
 * A year whose close is before the assembly or posted is marked, as the server would refuse it.
 */
export function endedFiscalYears(startMonth: number, today: string, closings: readonly Pick<Closing, 'fiscalYear' | 'status'>[], count = 5): FiscalYearChoice[] {
  const closed = new Set(closings.filter((c) => c.status === 'submitted' || c.status === 'posted').map((c) => c.fiscalYear));
  const choices: FiscalYearChoice[] = [];
  // The year starting in today's calendar year has not ended; the one before may have (an April year ends in March).
  for (let year = Number(today.slice(0, 4)); choices.length < count; year--) {
    const { until } = fiscalYearPeriod(year, startMonth);
    if (until < today) choices.push({ year, until, closed: closed.has(year) });
  }
  return choices;
}

/** The year the form starts on: the latest ended year that can still be proposed. */
export function defaultFiscalYear(choices: readonly FiscalYearChoice[]): number | null {
  return choices.find((choice) => !choice.closed)?.year ?? null;
}
