import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { hasText as has } from '../../locales/has-text';
import ja from '../../locales/ja.json';
import { CLOSING_STATUSES, RESERVE_FIELDS, WORK_MEASURE_BASES } from './surplus';

describe('the texts of the fiscal-year close', () => {
  it('name every status, allocation line, minimum basis and measure of work, and say every problem of the close', () => {
    const bases = ['rate', 'capped_at_target', 'target_reached', 'surplus_exhausted', 'no_surplus'];
    // The server's codes of the close: each said as a whole (errors.*) and, where it names a field, beside it.
    const problems = [
      'fiscal_year_not_ended', 'work_periods_open', 'year_already_closed', 'closing_pending', 'opening_balances_set', 'allocation_outside_law',
      'allocation_exceeds_surplus', 'retained_out_of_range', 'not_a_draft', 'not_a_general_meeting', 'invalid_surplus_facts', 'work_too_large', 'closing_changed',
    ];
    const fieldProblems = [
      'not_whole_yen', 'below_legal_minimum', 'below_bylaw_minimum', 'allocation_exceeds_surplus', 'retained_out_of_range', 'fiscal_year_not_ended',
      'work_periods_open', 'closing_pending', 'opening_balances_set', 'year_already_closed', 'not_a_general_meeting', 'losses_not_covered',
      'more_than_losses', 'dividend_without_surplus', 'parts_do_not_add_up', 'agenda_fixed',
    ];
    const needed = [
      'nav.surplus',
      ...CLOSING_STATUSES.flatMap((status) => [`surplus.status.${status}`, `surplus.progress.${status}.title`, `surplus.progress.${status}.text`]),
      ...[...RESERVE_FIELDS, 'lossCovered', 'dividends', 'retained', 'lossCarriedForward', 'surplus', 'loss'].map((line) => `surplus.line.${line}`),
      ...bases.map((basis) => `surplus.basis.${basis}`),
      ...WORK_MEASURE_BASES.map((basis) => `surplus.measure.${basis}`),
      ...['ja', 'en'].map((locale) => `surplus.statement.pdf.${locale}`),
      ...['work', 'noWork', 'exact', 'exactYen', 'roundedUp', 'roundedDown', 'paid', 'withheld', 'nothingOwed'].map((key) => `surplus.explain.${key}`),
      ...['minutes', 'days', 'weighted'].map((unit) => `surplus.work.${unit}`),
      ...['up', 'down', 'none'].map((rounding) => `surplus.rounding.${rounding}`),
      'surplus.basis.targetFromBylaws', 'surplus.basis.targetFromLaw', 'surplus.facts.fromBylaws', 'surplus.facts.fromLaw', 'surplus.facts.withholdYes', 'surplus.facts.withholdNo',
      'surplus.form.yearChoice', 'surplus.form.yearClosed', 'surplus.form.surplusAmount', 'surplus.form.lossAmount', 'surplus.form.recompute', 'surplus.form.propose',
      'surplus.dividends.csvUtf8', 'surplus.dividends.csvCp932', 'surplus.statement.backToClosing', 'surplus.statement.backHome', 'surplus.progress.proposeAgain',
      'surplus.intro', 'surplus.introReader',
      ...problems.map((code) => `errors.${code}`),
      ...fieldProblems.map((code) => `validation.${code}`),
    ];
    expect(needed.filter((key) => !has(ja, key))).toEqual([]);
    expect(needed.filter((key) => !has(en, key))).toEqual([]);
  });
});
