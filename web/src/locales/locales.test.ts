import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_TYPES, PAYMENT_METHODS, PAYROLL_ENCODINGS } from '../features/capital/capital';
import { MOVEMENTS } from '../features/capital/capital-values';
import {
  ATTENDANCE_MODES,
  BODY_KINDS,
  BYLAW_SETTING_NAMES,
  ELECTION_METHODS,
  MEETING_STATUSES,
  MOTION_CHOICES,
  MOTION_KINDS,
  OFFICES,
  SEAT_ROLES,
  VOTE_CHANNELS,
} from '../features/governance/governance';
import { EXEMPTIONS, MEMBER_KINDS, MEMBERSHIP_EVENT_TYPES, MEMBERSHIP_STATUSES } from '../features/members/member';
import { allowedEvents } from '../features/members/transitions';
import en from './en.json';
import ja from './ja.json';

/** Every key of a nested translation object, dotted: `members.sort.kana`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

/**
 * The keys an object of a JSON text names more than once, dotted: JSON.parse keeps the last silently, so a text
 * added twice would hide the first.
 */
function repeatedKeys(text: string): string[] {
  const repeated: string[] = [];
  const objects: { path: string; keys: Set<string> }[] = [];
  let pendingKey: string | null = null;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      let next = end + 1;
      while (/\s/.test(text[next] ?? '')) next += 1;
      if (text[next] === ':' && objects.length > 0) {
        const current = objects.at(-1)!;
        if (current.keys.has(value)) repeated.push(current.path ? `${current.path}.${value}` : value);
        current.keys.add(value);
        pendingKey = value;
      }
      i = end + 1;
      continue;
    }
    if (c === '{') {
      const parent = objects.at(-1);
      objects.push({ path: parent ? (parent.path ? `${parent.path}.${pendingKey ?? ''}` : (pendingKey ?? '')) : '', keys: new Set() });
    } else if (c === '}') objects.pop();
    i += 1;
  }
  return repeated;
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

  it('name every key once in each object', () => {
    for (const file of ['ja.json', 'en.json']) expect(repeatedKeys(fs.readFileSync(path.join(import.meta.dirname, file), 'utf8')), file).toEqual([]);
    expect(repeatedKeys('{"a": {"b": 1, "c": "\\"b\\"", "b": 2}, "d": {"b": 3}}')).toEqual(['a.b']);
  });

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

  it('name every body, seat, meeting and motion status, election method, office, way of voting and setting, and translate every problem of assemblies and ballots', () => {
    // The server's rule problems of assemblies and ballots: each is said as a whole (errors.*).
    const problems = [
      'already_voted', 'voting_not_open', 'voting_deadline_passed', 'electronic_voting_not_allowed', 'written_voting_not_allowed', 'invalid_choice', 'not_a_voter',
      'proxy_not_allowed', 'proxy_too_late', 'proxy_self', 'proxy_not_eligible', 'proxy_has_proxy', 'proxy_cap_reached', 'proxy_exists', 'proxy_used', 'not_closed',
      'not_convened', 'not_in_session', 'not_held', 'more_ballots_than_voters', 'stv_paper_by_ballot', 'amendment_pending', 'chair_must_decide', 'motions_open',
      'meeting_closed', 'already_convened', 'agenda_empty', 'agenda_fixed', 'meeting_convened', 'not_amendable', 'motion_closed', 'amendment_kind',
      'election_incomplete', 'too_few_candidates', 'not_an_election', 'duplicate_candidate', 'bylaws_need_special_resolution', 'not_proposed',
      'bylaws_need_resolution', 'bylaws_outside_law', 'voting_method_not_allowed', 'body_not_established', 'delegate_assembly_not_allowed', 'not_a_federation',
      'body_exists', 'role_not_on_body', 'already_seated', 'seat_outside_body', 'director_not_member', 'auditor_is_director', 'auditor_is_employee',
      'term_too_long', 'term_invalid', 'delegate_not_member',
    ];
    // Problems the server places on a field (errors[].code), said beside it.
    const fieldProblems = [
      'before_start', 'after_start', 'after_meeting', 'below_law', 'not_a_fraction', 'not_allowed', 'voting_method_not_allowed', 'body_not_established',
      'delegate_assembly_not_allowed', 'role_not_on_body', 'already_seated', 'seat_outside_body', 'director_not_member', 'auditor_is_director',
      'auditor_is_employee', 'term_too_long', 'term_invalid', 'delegate_not_member', 'wrong_organization', 'duplicate_candidate', 'too_few_candidates',
      'invalid_choice', 'proxy_self', 'proxy_not_eligible', 'proxy_cap_reached', 'not_a_voter', 'chair_must_decide',
      'no_choice', 'rank_required', 'rank_duplicate', 'rank_gap', 'rank_out_of_range', 'place_or_online', 'receipt_format', 'not_whole_number',
    ];
    const needed = [
      ...BODY_KINDS.map((kind) => `governance.bodyKind.${kind}`),
      ...SEAT_ROLES.map((role) => `governance.seatRole.${role}`),
      ...MEETING_STATUSES.map((status) => `governance.meetingStatus.${status}`),
      ...['draft', 'open', 'closed'].map((status) => `governance.motionStatus.${status}`),
      ...MOTION_KINDS.flatMap((kind) => [`governance.motionKind.${kind}`, `governance.motionKindHint.${kind}`]),
      ...ELECTION_METHODS.flatMap((method) => [`governance.electionMethod.${method}`, `governance.electionMethodHint.${method}`]),
      ...OFFICES.map((office) => `governance.office.${office}`),
      ...VOTE_CHANNELS.map((channel) => `governance.channel.${channel}`),
      ...[...ATTENDANCE_MODES, 'left'].map((mode) => `governance.attendance.${mode}`),
      ...MOTION_CHOICES.flatMap((choice) => [`governance.choice.${choice}`, `governance.teller.${choice}`]),
      ...BYLAW_SETTING_NAMES.map((name) => `governance.setting.name.${name}`),
      ...['adopted', 'rejected', 'no_quorum', 'tie_for_chair', 'elected'].map((outcome) => `governance.outcome.${outcome}`),
      ...['notice_period_not_met', 'mail_not_configured'].flatMap((code) => [`governance.warning.${code}.title`, `governance.warning.${code}.text`]),
      ...['in_force', 'proposed', 'rejected'].map((status) => `governance.bylaws.status.${status}`),
      ...['ja', 'en'].flatMap((locale) => [`governance.downloads.notice.${locale}`, `governance.downloads.minutes.${locale}`]),
      ...['eligible', 'inPerson', 'online', 'votedBeforehand', 'byProxy', 'present'].map((key) => `governance.presence.${key}`),
      ...['ballots', 'invalid'].map((key) => `governance.teller.${key}`),
      ...['chair', 'rejected'].map((tie) => `governance.setting.tie.${tie}`),
      ...problems.map((code) => `errors.${code}`),
      ...fieldProblems.map((code) => `validation.${code}`),
    ];
    expect(needed.filter((key) => !jaKeys.has(key) || !enKeys.has(key))).toEqual([]);
  });
});
