import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import { paymentLines } from '../../domain/capital/ledger.js';
import { readPayrollDeductions, type PayrollCsvError } from '../../domain/capital/payroll-csv.js';
import { decodeCsv, parseCsv, type CsvEncoding } from '../../domain/members/csv/index.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, newId, type AppContext } from '../shared/context.js';
import { lockCapital, postEntry, unpaidOf } from './journal.js';

export interface PayrollBatchResult {
  batchId: string;
  payments: number;
  total: number;
}

/**
 * Posts a month's payroll deductions as capital payments, all or nothing: every row is checked first (the member
 * exists here, the amount is at most what they still owe, counting earlier rows of the same file), and a file with
 * any problem is refused whole with each row, column and reason. The payments share one batch id.
 */
export async function importPayrollDeductions(
  ctx: AppContext, actor: Actor, organizationId: string, file: { bytes: Uint8Array; encoding: 'auto' | CsvEncoding; date: string },
): Promise<PayrollBatchResult> {
  if (!canKeepCapital(actor, organizationId)) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  const { headers, records } = parseCsv(decodeCsv(file.bytes, file.encoding).text);
  const { rows, errors, headerOf } = readPayrollDeductions(headers, records);
  return inTransaction(ctx, async (trx) => {
    await lockCapital(trx, ctx, { organizationId });
    const numbers = [...new Set(rows.map((r) => r.memberNumber))];
    const memberships = new Map<string, string>();
    for (let i = 0; i < numbers.length; i += 500) {
      const found = await trx.selectFrom('memberships').select(['id', 'member_number']).where('organization_id', '=', organizationId)
        .where('member_number', 'in', numbers.slice(i, i + 500)).execute();
      for (const m of found) memberships.set(m.member_number, m.id);
    }
    // What each member owes, read once, then counted down row by row (a member may appear on several rows).
    const owed = await unpaidOf(trx, organizationId, [...memberships.values()]);
    const problems: PayrollCsvError[] = [...errors];
    for (const row of rows) {
      const membershipId = memberships.get(row.memberNumber);
      if (!membershipId) {
        problems.push({ line: row.line, column: headerOf.memberNumber, field: 'memberNumber', code: 'unknown_member', value: row.memberNumber });
        continue;
      }
      const unpaid = owed.get(membershipId) ?? 0;
      if (row.amount > unpaid) problems.push({ line: row.line, column: headerOf.amount, field: 'amount', code: 'payment_exceeds_unpaid', value: String(row.amount) });
      owed.set(membershipId, unpaid - row.amount);
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw new DomainError('rule_violation', 'payroll_batch_rejected', `${problems.length} problem(s); no payment was recorded`,
        problems.map((p) => ({ field: `rows.${p.line}.${p.field ?? 'row'}`, code: p.code, message: `${p.column}: ${p.value}` })));
    }
    if (rows.length === 0) throw new DomainError('invalid', 'empty_file', 'the file has no deductions');
    const batchId = newId();
    let total = 0;
    for (const row of rows) {
      const membershipId = memberships.get(row.memberNumber)!;
      await postEntry(trx, ctx, actor, {
        organizationId, date: row.date ?? file.date, type: 'payment', description: null, reason: null, reversesEntryId: null, batchId,
        lines: paymentLines(membershipId, row.amount, 'payroll'),
      });
      total += row.amount;
    }
    return { batchId, payments: rows.length, total };
  });
}
