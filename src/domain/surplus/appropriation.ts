import type { JournalLine } from '../capital/ledger.js';
import type { AllocationParts } from './allocation.js';

/**
 * The journal lines of a resolved fiscal-year close (剰余金処分), in the ledger's convention (debit positive,
 * credit negative, every entry sums to zero). The year's surplus itself is earned in the co-operative's general
 * accounts; Kyodo's ledger records what the general meeting did with it:
 *
 * - a surplus year debits the unappropriated surplus by the whole surplus and credits, in the legal order, the losses
 *   covered, the three reserves, what is retained, and each member's dividend — the part paid as a debt to the member
 *   (dividends payable) and the part withheld against capital they still owe (which pays that capital, Art. 78);
 * - a loss year moves the loss to the losses carried forward, for the next years' surpluses to cover first.
 *
 * A year of exactly zero moves nothing and has no lines.
 */
export interface MemberDividendPosting {
  membershipId: string;
  payment: number;
  withheld: number;
}

export function appropriationLines(surplus: number, parts: AllocationParts, dividends: readonly MemberDividendPosting[]): JournalLine[] {
  const line = (account: JournalLine['account'], amount: number, membershipId: string | null = null): JournalLine => ({ account, membershipId, amount, shares: 0 });
  if (surplus < 0) return [line('losses-carried-forward', -surplus), line('unappropriated-surplus', surplus)];
  const lines: JournalLine[] = [
    line('unappropriated-surplus', surplus),
    line('losses-carried-forward', -parts.lossCovered),
    line('legal-reserve', -parts.legalReserve),
    line('job-creation-fund', -parts.jobCreationFund),
    line('education-carry-forward', -parts.educationCarryForward),
    line('retained-surplus', -parts.retained),
  ];
  for (const member of dividends) {
    lines.push(line('dividends-payable', -member.payment, member.membershipId));
    lines.push(line('capital-unpaid', -member.withheld, member.membershipId));
  }
  return lines.filter((l) => l.amount !== 0);
}

/**
 * Reserves and losses a co-operative already had when it began to keep its books in Kyodo, stated once at its first
 * close: the legal reserve (a credit) and the losses carried forward (a debit), against the opening balances.
 */
export function openingBalanceLines(opening: { legalReserve: number; lossesCarriedForward: number }): JournalLine[] {
  const line = (account: JournalLine['account'], amount: number): JournalLine => ({ account, membershipId: null, amount, shares: 0 });
  return [
    line('legal-reserve', -opening.legalReserve),
    line('losses-carried-forward', opening.lossesCarriedForward),
    line('opening-balances', opening.legalReserve - opening.lossesCarriedForward),
  ].filter((l) => l.amount !== 0);
}

/** The balances the next close starts from, read back from the ledger's sums per account (credit negative). */
export function surplusBalancesOf(sums: ReadonlyMap<string, number>): { legalReserveBalance: number; lossesCarriedForward: number } {
  return { legalReserveBalance: 0 - (sums.get('legal-reserve') ?? 0), lossesCarriedForward: sums.get('losses-carried-forward') ?? 0 };
}
