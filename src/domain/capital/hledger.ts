import { DomainError } from '../shared/errors.js';
import type { CapitalAccount } from './ledger.js';

/**
 * The capital ledger as a plain-text journal for hledger (https://hledger.org, checked with 1.25), so an auditor
 * (監事) can check Kyodo's books with a tool Kyodo did not write. One transaction per ledger entry:
 *
 * ```
 * 2024-04-01 (entry-id) 出資の引受け  ; type:subscription
 *     equity:capital:unpaid:0001     12000 JPY
 *     equity:capital:members:0001   -12000 JPY
 * ```
 *
 * Amounts are whole yen written without digit group marks, and the file declares `decimal-mark .` and
 * `commodity 1,000. JPY`: hledger then reads `1,000` as a thousand, not as 1 with a decimal comma, and shows
 * amounts with thousands separators and no decimals. (`commodity 1,000 JPY`, without the period, would declare
 * the comma a decimal mark with three decimals.)
 */
export interface LedgerEntryForExport {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  type: string;
  description: string;
  reversesEntryId: string | null;
  lines: { account: CapitalAccount; memberNumber: string | null; amount: number }[];
}

export interface HledgerExportOptions {
  organizationCode: string;
  currency?: 'JPY';
}

/**
 * Where each account sits in hledger's chart. Member accounts get one sub-account per member; the top-level name
 * gives hledger the account's type for `balancesheetequity`. 未払込出資金 belongs to net assets (純資産), deducted
 * from 出資金 (労働者協同組合法施行規則 60条2項, 61条2項), not a receivable among the assets: it sits beside the
 * members' capital under `equity:capital`, whose total is then the capital actually paid in.
 */
const chart: Record<CapitalAccount, { name: string; perMember: boolean; note: string }> = {
  capital: { name: 'equity:capital:members', perMember: true, note: '出資金' },
  'capital-unpaid': { name: 'equity:capital:unpaid', perMember: true, note: '未払込出資金 (deducted from 出資金)' },
  bank: { name: 'assets:bank', perMember: false, note: '現金預金' },
  'wages-payable': { name: 'liabilities:wages-payable', perMember: true, note: '未払給与 (payments withheld from wages)' },
  'in-kind-assets': { name: 'assets:in-kind', perMember: true, note: '現物出資資産' },
  'refund-payable': { name: 'liabilities:refund-payable', perMember: true, note: '未払持分払戻金' },
  'capital-reduction': { name: 'equity:capital-reduction', perMember: false, note: '減資差益 / 欠損填補' },
  'unappropriated-surplus': { name: 'equity:surplus:unappropriated', perMember: false, note: '当期未処分剰余金' },
  'losses-carried-forward': { name: 'equity:surplus:losses-carried-forward', perMember: false, note: '繰越損失金' },
  'legal-reserve': { name: 'equity:reserves:legal', perMember: false, note: '準備金' },
  'job-creation-fund': { name: 'equity:reserves:job-creation', perMember: false, note: '就労創出等積立金' },
  'education-carry-forward': { name: 'equity:reserves:education', perMember: false, note: '教育繰越金' },
  'retained-surplus': { name: 'equity:surplus:retained', perMember: false, note: '次期繰越剰余金' },
  'dividends-payable': { name: 'liabilities:dividends-payable', perMember: true, note: '未払従事分量配当金' },
  'opening-balances': { name: 'equity:opening-balances', perMember: false, note: '開始残高' },
};

/** Declared with their hledger account type (A asset, C cash, L liability, E equity), in display order. */
const topLevelAccounts = [
  ['assets', 'A'],
  ['assets:bank', 'C'],
  ['liabilities', 'L'],
  ['equity', 'E'],
] as const;

/** The sub-account of a member's line that has no member number yet. `_` is always escaped in numbers. */
export const unnumberedMember = '_unnumbered';

const safeByte = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d;

/**
 * A member number as one level of an account name: ASCII letters, digits and `-` stay as written; every other
 * byte of its UTF-8 form becomes `%XX` (upper-case hex), as in a URL. So `W:1` is `W%3A1` and `正1` is
 * `%E6%AD%A31`: no space (two end an account name), `:` (separates levels), `;` (starts a comment), brackets
 * (mark virtual postings) or non-ASCII character can reach hledger. `%` and `_` are escaped too, so distinct
 * numbers always give distinct names and none gives the placeholder `_unnumbered` used when there is no number
 * (an empty number counts as none). No normalisation: `０１` and `01` stay distinct, as they are in the registry.
 */
export function memberAccountSegment(memberNumber: string | null): string {
  if (memberNumber === null || memberNumber === '') return unnumberedMember;
  let segment = '';
  for (const byte of new TextEncoder().encode(memberNumber)) {
    segment += safeByte(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return segment;
}

/**
 * The hledger account of a ledger line. Members' capital, unpaid amounts, wages withheld, assets in kind and
 * refunds owed have one sub-account per member; the bank and capital reduction are the organization's alone and
 * never take a member level (a member number on such a line goes into a `member:` posting tag instead).
 */
export function hledgerAccountName(account: CapitalAccount, memberNumber: string | null): string {
  const { name, perMember } = chart[account];
  return perMember ? `${name}:${memberAccountSegment(memberNumber)}` : name;
}

/**
 * Free text on one journal line: line breaks, tabs and other control characters become spaces and runs of spaces
 * one; `;` (which would start a comment) and `|` (which would split payee from note) become their full-width
 * forms `；` and `｜`. Japanese and other UTF-8 text is kept as it is.
 */
export function journalText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/;/g, '；')
    .replace(/\|/g, '｜')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * An entry id or type where hledger reads a code (`(…)`) or a tag value (ended by `,`): letters, digits, `.`,
 * `_` and `-` stay; anything else becomes `_`. Kyodo's ids (UUIDs) and entry types pass unchanged.
 */
export function journalCode(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(entry: LedgerEntryForExport): void {
  const match = isoDate.exec(entry.date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DomainError('invalid', 'invalid_date', `entry ${entry.id}: ${JSON.stringify(entry.date)} is not a date (YYYY-MM-DD)`);
  }
}

function transaction(entry: LedgerEntryForExport, currency: string): string {
  checkDate(entry);
  const tags = [`type:${journalCode(entry.type)}`];
  if (entry.reversesEntryId !== null) tags.push(`reverses:${journalCode(entry.reversesEntryId)}`);
  const description = journalText(entry.description);
  const head = `${entry.date} (${journalCode(entry.id)})${description ? ` ${description}` : ''}  ; ${tags.join(', ')}`;
  const postings = entry.lines.map((line) => {
    if (!Number.isSafeInteger(line.amount)) {
      throw new DomainError('invalid', 'not_whole_yen', `entry ${entry.id}: ${line.amount} is not a whole number of yen`);
    }
    const memberTag = !chart[line.account].perMember && line.memberNumber !== null && line.memberNumber !== '' ? `  ; member:${memberAccountSegment(line.memberNumber)}` : '';
    // `${-0}` is "0": a reversed zero prints as zero.
    return { account: hledgerAccountName(line.account, line.memberNumber), amount: `${line.amount} ${currency}`, memberTag };
  });
  const accountWidth = Math.max(...postings.map((p) => p.account.length));
  const amountWidth = Math.max(...postings.map((p) => p.amount.length));
  return [head, ...postings.map((p) => `    ${p.account.padEnd(accountWidth)}  ${p.amount.padStart(amountWidth)}${p.memberTag}`)].join('\n');
}

/**
 * The journal of a co-operative's capital ledger: header comments, the `decimal-mark` and `commodity`
 * directives, an `account` directive (with its Japanese name as a comment) for every account posted to and for
 * the top-level accounts (with their types), so `hledger check --strict` passes; then the entries in date order
 * (entries of one date keep the order given), so `hledger check ordereddates` passes too.
 */
export function hledgerJournal(entries: readonly LedgerEntryForExport[], options: HledgerExportOptions): string {
  const currency = options.currency ?? 'JPY';
  const ordered = entries.map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.index - b.index));
  const transactions = ordered.map(({ entry }) => transaction(entry, currency));

  const used = new Map<string, string>();
  for (const entry of entries) for (const line of entry.lines) used.set(hledgerAccountName(line.account, line.memberNumber), chart[line.account].note);
  const declared = new Set<string>(topLevelAccounts.map(([name]) => name));
  const accountDirectives = [
    ...topLevelAccounts.map(([name, type]) => `account ${name}  ; type: ${type}`),
    ...[...used.keys()].filter((name) => !declared.has(name)).sort().map((name) => `account ${name}  ; ${used.get(name)}`),
  ];

  return [
    `; Kyodo capital ledger (出資金台帳) of ${journalText(options.organizationCode)}: ${entries.length} entries, amounts in whole ${currency}.`,
    '; Transaction code: the entry id. Member sub-accounts: the member number, bytes other than A-Z a-z 0-9 - as %XX;',
    `; ${unnumberedMember}: no member number. Read in a UTF-8 locale, e.g. LC_ALL=C.UTF-8 hledger -f FILE balance --tree`,
    '',
    'decimal-mark .',
    `commodity 1,000. ${currency}`,
    '',
    ...accountDirectives,
    '',
    transactions.join('\n\n'),
    '',
  ].join('\n');
}
