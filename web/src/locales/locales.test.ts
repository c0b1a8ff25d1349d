import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES, PAYMENT_METHODS, PAYROLL_ENCODINGS } from '../features/capital/capital';
import { MOVEMENTS } from '../features/capital/capital-values';
import { EXEMPTIONS, MEMBER_KINDS, MEMBERSHIP_EVENT_TYPES, MEMBERSHIP_STATUSES } from '../features/members/member';
import { allowedEvents } from '../features/members/transitions';
import en from './en.json';
import ja from './ja.json';

/** Every key of a nested translation object, dotted: `members.sort.kana`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

/** i18next plural keys (`summary_one`, `summary_other`) answer to the key without the suffix. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translations', () => {
  const jaKeys = new Set(keys(ja).map(base));
  const enKeys = new Set(keys(en).map(base));

  it('have the same keys in Japanese and English', () => {
    expect([...jaKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !jaKeys.has(key))).toEqual([]);
  });

  it('have a text for every key written out in the code', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const used = sourceFiles(root).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(100);
    expect([...new Set(used)].filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });

  it('name every membership status, event, action, kind and exemption', () => {
    const needed = [
      ...MEMBERSHIP_STATUSES.map((status) => `membershipStatus.${status}`),
      ...MEMBERSHIP_EVENT_TYPES.map((type) => `membershipEvent.${type}`),
      ...MEMBERSHIP_STATUSES.flatMap(allowedEvents).flatMap((type) => [`membershipAction.${type}`, `memberEvent.hint.${type}`]),
      ...MEMBER_KINDS.map((kind) => `memberKind.${kind}`),
      ...EXEMPTIONS.map((exemption) => `exemption.${exemption}`),
      ...['memberNumber', 'kana', 'admittedOn'].map((column) => `members.sort.${column}`),
      ...['first', 'previous', 'next', 'last'].map((control) => `members.${control}Page`),
    ];
    expect(needed.filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });

  it('name every capital entry, payment method and movement, and translate every rule problem of the ledger', () => {
    // The ledger's rule problems: each is said as a whole (errors.*) and, where the server names a field, beside it.
    const ruleProblems = [
      'no_capital_rules', 'below_minimum_shares', 'share_cap_exceeded', 'founding_payment_too_low', 'payment_exceeds_unpaid',
      'shares_not_fully_paid', 'more_shares_than_held', 'refund_before_year_close', 'refund_exceeds_owed', 'refund_exceeds_paid',
      'write_down_exceeds_paid', 'negative_balance', 'capital_rules_exist', 'not_a_member', 'inconsistent_position',
      'book_value_not_whole', 'transfer_to_self', 'reversal_before_entry',
    ];
    const needed = [
      ...ENTRY_TYPES.map((type) => `capital.entryType.${type}`),
      ...PAYMENT_METHODS.map((method) => `capital.method.${method}`),
      ...['bank', 'payroll', 'in-kind'].map((channel) => `capital.channel.${channel}`),
      ...MOVEMENTS.map((movement) => `capital.movement.${movement}`),
      'capital.movement.reverse',
      ...['csvUtf8', 'csvCp932', 'pdf', 'journal'].map((link) => `capital.downloads.${link}`),
      ...['shares', 'capital', 'paid', 'unpaid', 'refundPayable'].map((figure) => `capital.figure.${figure}`),
      ...PAYROLL_ENCODINGS.map((encoding) => `memberImport.encodingName.${encoding}`),
      ...['memberNumber', 'amount', 'date', 'row'].map((field) => `capital.payroll.field.${field}`),
      ...['unknown_member', 'payment_exceeds_unpaid', 'invalid_amount', 'invalid_date', 'required'].map((code) => `capital.payroll.code.${code}`),
      ...['noneYet', 'noneYetAskAdmin'].map((key) => `capital.rules.${key}`),
      ...['byOrganizationIntro', 'paidUnpaidIntro', 'byOrganizationLabel', 'paidUnpaidLabel'].map((key) => `capital.chart.${key}`),
      ...['approval', 'reason'].map((key) => `capital.entry.${key}`),
      ...[...ruleProblems, 'already_reversed', 'reversal_of_reversal', 'invalid_capital_rules', 'payroll_batch_rejected'].map((code) => `errors.${code}`),
      ...[...ruleProblems, 'invalid_amount', 'invalid_shares', 'takeover_below_cap'].map((code) => `validation.${code}`),
    ];
    expect(needed.filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
