import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import { notFound } from '../../domain/shared/errors.js';
import type { CsvEncoding } from '../../domain/members/csv/decode.js';
import { searchQueryKey } from '../../domain/members/search-key.js';
import { dividendsCsv } from '../../domain/surplus/dividends-csv.js';
import type { DividendLine, DividendStatement } from '../../domain/surplus/views.js';
import { unitOf } from '../../domain/surplus/work-measure.js';
import { idIn, memberSearchIndexes } from '../members/member-search.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { today, type AppContext, type Tx } from '../shared/context.js';
import type { DocumentLocale } from '../documents/pdf-kit.js';
import { closingRow, toClosingView, type ClosingRow } from './close-year.js';
import { renderStatementPdf } from './documents/statement-pdf.js';

// A close's dividend lines and statements as the API shows them: one definition shared with the web app.
export type { DividendLine, DividendStatement } from '../../domain/surplus/views.js';

const lineColumns = [
  'd.membership_id', 'm.member_number', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'd.minutes', 'd.days', 'd.work',
  'd.exact_yen', 'd.exact_remainder', 'd.rounded_up', 'd.remainder_rank', 'd.amount', 'd.unpaid_capital', 'd.withheld', 'd.payment',
] as const;

type LineRow = {
  membership_id: string; member_number: string; family_name: string; given_name: string; family_kana: string; given_kana: string;
  minutes: number | string; days: number; work: number | string; exact_yen: number | string; exact_remainder: number | string; rounded_up: number;
  remainder_rank: number | null; amount: number | string; unpaid_capital: number | string; withheld: number | string; payment: number | string;
};

const toLine = (r: LineRow, denominator: number): DividendLine => ({
  membershipId: r.membership_id, memberNumber: r.member_number, familyName: r.family_name, givenName: r.given_name, familyKana: r.family_kana, givenKana: r.given_kana,
  minutes: Number(r.minutes), days: Number(r.days), work: Number(r.work), exact: { yen: Number(r.exact_yen), remainder: Number(r.exact_remainder), denominator },
  roundedUp: r.rounded_up === 1, remainderRank: r.remainder_rank === null ? null : Number(r.remainder_rank), amount: Number(r.amount),
  unpaidCapital: Number(r.unpaid_capital), withheld: Number(r.withheld), payment: Number(r.payment),
});

/** A close's member lines with who each member is; callers add their filters and order. */
const linesOf = (db: Tx, closingId: string) =>
  db.selectFrom('surplus_dividends as d').innerJoin('memberships as m', 'm.id', 'd.membership_id').innerJoin('people as p', 'p.id', 'd.person_id')
    .where('d.closing_id', '=', closingId);

/**
 * What every statement of one close shares (the close, its organization, how many yen went to the largest
 * remainders), read once: the returned function makes any member's statement from their line.
 */
async function statementMaker(db: Tx, row: ClosingRow): Promise<(line: LineRow) => DividendStatement> {
  const view = toClosingView(row);
  const [organization, rounded] = await Promise.all([
    findOrganization(db, row.organization_id),
    db.selectFrom('surplus_dividends').select((eb) => eb.fn.countAll<string | number>().as('n')).where('closing_id', '=', row.id).where('rounded_up', '=', 1).executeTakeFirstOrThrow(),
  ]);
  if (!organization) throw notFound('organization');
  return (line) => ({
    ...toLine(line, Math.max(1, view.totalWork)),
    closingId: row.id, status: view.status, fiscalYear: view.fiscalYear, periodFrom: view.periodFrom, periodUntil: view.periodUntil,
    organization: { id: organization.id, code: organization.code, nameJa: organization.nameJa, nameEn: organization.nameEn },
    measure: view.measure, unit: unitOf(view.measure), totalWork: view.totalWork, members: view.members, dividends: view.allocation.dividends,
    yenRoundedUp: Number(rounded.n), withholdAgainstUnpaid: view.withholdAgainstUnpaid, postedAt: view.postedAt,
  });
}

/** Every member's statement of a close, by membership, from one read of the lines (for e-mailing them all). */
export async function closingStatements(db: Tx, row: ClosingRow): Promise<Map<string, DividendStatement>> {
  const [make, lines] = await Promise.all([statementMaker(db, row), linesOf(db, row.id).select([...lineColumns]).execute()]);
  return new Map(lines.map((line) => [line.membership_id, make(line)]));
}

/** The members' lines of a close, by member number, a page at a time; `query` finds a member by number or name. */
export async function listClosingDividends(ctx: AppContext, actor: Actor, closingId: string, options: { offset: number; limit: number; query?: string }) {
  const row = await closingRow(ctx.db, closingId);
  if (!canKeepCapital(actor, row.organization_id)) throw notFound('closing');
  const denominator = Math.max(1, Number(row.total_work));
  let base = linesOf(ctx.db, closingId);
  // The registry's search: a member number, or the start of a name in kanji, kana or romaji (its search index).
  if (options.query?.trim()) {
    const [index] = await memberSearchIndexes(ctx, [row.organization_id]);
    base = base.where(idIn(ctx.dialect, 'd.membership_id', index!.select({ key: searchQueryKey(options.query) }).map((m) => m.membershipId)));
  }
  const [rows, count] = await Promise.all([
    base.select([...lineColumns]).orderBy('m.member_number_key').orderBy('d.membership_id').offset(options.offset).limit(options.limit).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), offset: options.offset, lines: rows.map((r) => toLine(r, denominator)) };
}

/** Every member's line of a close as a CSV for Excel and the bank transfer (UTF-8 with a BOM, or CP932). */
export async function closingDividendsCsv(ctx: AppContext, actor: Actor, closingId: string, options: { encoding: CsvEncoding; locale: 'ja' | 'en' }) {
  const row = await closingRow(ctx.db, closingId);
  if (!canKeepCapital(actor, row.organization_id)) throw notFound('closing');
  const lines = await linesOf(ctx.db, closingId).select([...lineColumns]).orderBy('m.member_number_key').orderBy('d.membership_id').execute();
  return { fiscalYear: Number(row.fiscal_year), csv: dividendsCsv(lines.map((r) => toLine(r, 1)), options) };
}

/**
 * A member's statement for one close. Their organization's staff read any member's; a member reads their own once
 * the assembly has resolved it (a draft's figures may still change).
 */
export async function dividendStatement(ctx: AppContext, actor: Actor, closingId: string, membershipId: string): Promise<DividendStatement> {
  const row = await closingRow(ctx.db, closingId);
  const staff = canKeepCapital(actor, row.organization_id);
  const line = await linesOf(ctx.db, closingId).select([...lineColumns, 'd.person_id']).where('d.membership_id', '=', membershipId).executeTakeFirst();
  const own = line !== undefined && actor.personId !== undefined && actor.personId !== null && line.person_id === actor.personId && row.status === 'posted';
  if (!line || !(staff || own)) throw notFound('dividend statement');
  return (await statementMaker(ctx.db, row))(line);
}

/** The signed-in member's statements, newest year first: only closes the assembly has resolved. */
export async function myDividendStatements(ctx: AppContext, actor: Actor) {
  if (!actor.personId) return [];
  const rows = await ctx.db.selectFrom('surplus_dividends as d').innerJoin('surplus_closings as c', 'c.id', 'd.closing_id').innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.id as closingId', 'd.membership_id as membershipId', 'c.fiscal_year as fiscalYear', 'o.name_ja as organizationNameJa', 'o.name_en as organizationNameEn', 'd.amount', 'd.withheld', 'd.payment', 'c.posted_at as postedAt'])
    .where('d.person_id', '=', actor.personId).where('c.status', '=', 'posted').orderBy('c.fiscal_year', 'desc').execute();
  return rows.map((r) => ({ ...r, fiscalYear: Number(r.fiscalYear), amount: Number(r.amount), withheld: Number(r.withheld), payment: Number(r.payment) }));
}

export async function dividendStatementPdf(ctx: AppContext, actor: Actor, closingId: string, membershipId: string, locale: DocumentLocale): Promise<Uint8Array> {
  const statement = await dividendStatement(ctx, actor, closingId, membershipId);
  return renderStatementPdf(statement, locale, today(ctx));
}
