import type { Transaction } from 'kysely';
import { emptyPosition, paymentLines, refundLines, subscriptionLines, withdrawalLines, type JournalLine } from '../../domain/capital/ledger.js';
import { BulkWriter } from '../../db/bulk-insert.js';
import type { DialectName } from '../../db/dialect-name.js';
import type { Schema } from '../../db/schema.js';
import { newId } from '../shared/context.js';

/** Share prices of the demo: worker co-operatives ask 10,000 yen a share, the older persons' co-ops 1,000. */
export const demoSharePrice = (kind: string): number => (kind === 'worker' ? 10_000 : 1_000);

const addMonths = (date: string, months: number): string => {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-25`;
};

/**
 * The demo's capital: each member subscribes shares when admitted; worker members pay them off by payroll
 * deduction over two years, older persons' co-op members in two halves by bank. At the seed's scale that is some
 * 980,000 journal lines, written with the ledger's own entry builders so every entry balances.
 */
export class DemoCapital {
  private readonly entries: BulkWriter<'journal_entries'>;
  private readonly lines: BulkWriter<'journal_lines'>;

  constructor(
    private readonly trx: Transaction<Schema>,
    dialect: DialectName,
    private readonly organizationId: string,
    private readonly kind: string,
    private readonly at: string,
    /** Instalments falling due after this date (today) are not paid yet: a member admitted lately still owes some. */
    private readonly until: string | null = null,
  ) {
    this.entries = new BulkWriter(trx, dialect, 'journal_entries', [
      'id', 'organization_id', 'entry_date', 'type', 'description', 'reason', 'reverses_entry_id', 'batch_id', 'recorded_at', 'recorded_by',
    ]);
    this.lines = new BulkWriter(trx, dialect, 'journal_lines', [
      'entry_id', 'line_no', 'organization_id', 'entry_date', 'account', 'membership_id', 'amount', 'shares',
    ], { after: [this.entries] });
  }

  /** The bylaws' capital rules, from before the first admission of the demo. */
  async rules(): Promise<void> {
    await this.trx.insertInto('capital_rules').values({
      organization_id: this.organizationId, effective_from: '1990-01-01', share_price: demoSharePrice(this.kind), minimum_shares: 1,
      cap_percent: 25, takeover_cap_percent: 35, cap_exempt_up_to: 3, refund_notice_days: 90, recorded_at: this.at, recorded_by: 'system:demo',
    }).execute();
  }

  async member(membershipId: string, admittedOn: string, shares: number): Promise<void> {
    const price = demoSharePrice(this.kind);
    await this.entry('subscription', admittedOn, subscriptionLines(membershipId, shares, price));
    const value = shares * price;
    if (this.kind !== 'worker') {
      // Half on joining, the rest six months on, by bank.
      await this.entry('payment', admittedOn, paymentLines(membershipId, value / 2, 'bank'));
      if (this.due(addMonths(admittedOn, 6))) await this.entry('payment', addMonths(admittedOn, 6), paymentLines(membershipId, value / 2, 'bank'));
      return;
    }
    const instalments = 24;
    const monthly = Math.floor(value / instalments);
    for (let m = 1; m <= instalments; m++) {
      const amount = m === instalments ? value - monthly * (instalments - 1) : monthly;
      if (!this.due(addMonths(admittedOn, m))) break;
      await this.entry('payment', addMonths(admittedOn, m), paymentLines(membershipId, amount, 'payroll'));
    }
  }

  /**
   * A member who left at a fiscal-year end, their shares fully paid: the withdrawal moves the shares out and owes the
   * refund of the contribution (持分払戻), paid by bank once the general assembly has approved the year's accounts.
   */
  async withdrawal(membershipId: string, date: string, shares: number): Promise<void> {
    const value = shares * demoSharePrice(this.kind);
    await this.entry('withdrawal', date, withdrawalLines(membershipId, { ...emptyPosition, shares, capital: value, paid: value }, shares), 'membership ended');
    const refundOn = `${date.slice(0, 4)}-06-30`;
    if (this.due(refundOn)) await this.entry('refund', refundOn, refundLines(membershipId, { ...emptyPosition, refundPayable: value }, value));
  }

  private due(date: string): boolean {
    return this.until === null || date <= this.until;
  }

  async flush(): Promise<void> {
    await this.lines.flush();
  }

  private async entry(type: string, date: string, lines: JournalLine[], reason: string | null = null): Promise<void> {
    const id = newId();
    await this.entries.add(id, this.organizationId, date, type, null, reason, null, null, this.at, 'system:demo');
    for (const [i, line] of lines.entries()) await this.lines.add(id, i + 1, this.organizationId, date, line.account, line.membershipId, line.amount, line.shares);
  }
}
