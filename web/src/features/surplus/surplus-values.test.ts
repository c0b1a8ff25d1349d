import { describe, expect, it } from 'vitest';
import { actMinimumRates, proposeAllocation } from '../../../../src/domain/surplus/allocation';
import type { Closing, ClosingFacts } from './surplus';
import {
  checkProposal,
  defaultFiscalYear,
  emptyProposal,
  endedFiscalYears,
  parseYenOrZero,
  proposalField,
  toClosingInput,
  valuesOfClosing,
  type ProposeValues,
} from './surplus-values';

const facts = (overrides: Partial<ClosingFacts> = {}): ClosingFacts => ({
  surplus: 1_000_003,
  lossesCarriedForward: 0,
  legalReserveBalance: 0,
  legalReserveTarget: 5_000_000,
  legalReserveTargetSource: 'bylaws',
  totalCapital: 500_000,
  rates: actMinimumRates,
  opening: null,
  ...overrides,
});

/** A close as the server describes it, its allocation computed by the domain's own rule. */
function buildClosing(overrides: Partial<Closing> = {}, retained = 0): Closing {
  const closingFacts = overrides.facts ?? facts();
  const allocation = overrides.allocation ?? proposeAllocation(closingFacts, { retained });
  return {
    id: 'c1', organizationId: 'o1', fiscalYear: 2025, periodFrom: '2025-04-01', periodUntil: '2026-03-31', status: 'draft',
    surplus: closingFacts.surplus, facts: closingFacts, measure: { basis: 'hours', roleWeights: {} }, allocation, withholdAgainstUnpaid: false,
    totalWork: 100, members: 3, nonMemberWork: { people: 0, minutes: 0 }, dividendsWithheld: 0, dividendsPaid: allocation.dividends,
    motionId: null, meetingId: null, journalEntryId: null, version: 1, createdAt: '2026-05-01T00:00:00Z', createdBy: 'admin@example', postedAt: null, postedBy: null, statementsMailed: null,
    ...overrides,
  };
}

const values = (overrides: Partial<ProposeValues> = {}): ProposeValues => ({ ...emptyProposal(2025), amount: '1,000,003', ...overrides });

describe('parseYenOrZero', () => {
  it('reads yen as people type them, 0 included', () => {
    expect(parseYenOrZero('0')).toBe(0);
    expect(parseYenOrZero('０')).toBe(0);
    expect(parseYenOrZero('1,000,003')).toBe(1_000_003);
    expect(parseYenOrZero('¥12,000')).toBe(12_000);
    expect(parseYenOrZero('１２０００円')).toBe(12_000);
  });

  it('refuses anything but whole yen from 0 up', () => {
    for (const text of ['', '-1', '△300', '1.5', 'abc', '1,00', '1000000000001']) expect(parseYenOrZero(text)).toBeNull();
  });
});

describe('checkProposal', () => {
  it('asks for the year and the amount', () => {
    expect(checkProposal(values({ fiscalYear: '', amount: '' }))).toEqual({ fiscalYear: 'required', amount: 'required' });
    expect(checkProposal(values({ amount: '1.5' }))).toEqual({ amount: 'not_whole_yen' });
    expect(checkProposal(values())).toEqual({});
  });

  it('reads the optional reserves and the retained amount when given', () => {
    expect(checkProposal(values({ legalReserve: '200,001', retained: '0' }))).toEqual({});
    expect(checkProposal(values({ jobCreationFund: 'many', retained: '-3' }))).toEqual({ jobCreationFund: 'not_whole_yen', retained: 'not_whole_yen' });
  });

  it('takes the opening balances together or not at all', () => {
    expect(checkProposal(values({ openingLegalReserve: '300,000' }))).toEqual({ openingLosses: 'required' });
    expect(checkProposal(values({ openingLosses: '0' }))).toEqual({ openingLegalReserve: 'required' });
    expect(checkProposal(values({ openingLegalReserve: '300,000', openingLosses: '0' }))).toEqual({});
  });
});

describe('toClosingInput', () => {
  it('sends the year and the result, and the minimums by leaving the reserves out', () => {
    expect(toClosingInput(values())).toEqual({ fiscalYear: 2025, surplus: 1_000_003 });
  });

  it('sends a loss as a negative surplus', () => {
    expect(toClosingInput(values({ result: 'loss', amount: '300,000' }))).toEqual({ fiscalYear: 2025, surplus: -300_000 });
  });

  it('sends what the board chose beyond the minimums, and the opening balances', () => {
    expect(toClosingInput(values({ legalReserve: '200,001', retained: '３', openingLegalReserve: '1,000', openingLosses: '0' }))).toEqual({
      fiscalYear: 2025,
      surplus: 1_000_003,
      legalReserve: 200_001,
      retained: 3,
      opening: { legalReserve: 1_000, lossesCarriedForward: 0 },
    });
  });
});

describe('valuesOfClosing', () => {
  it('fills the form of a draft with its year and result, leaving reserves at their minimum empty', () => {
    expect(valuesOfClosing(buildClosing())).toEqual({ ...emptyProposal(2025), amount: '1000003' });
  });

  it('keeps what the board chose beyond a minimum, and what it retained', () => {
    const proposal = proposeAllocation(facts(), { retained: 3 });
    const allocation = { ...proposal, legalReserve: 200_001, dividends: proposal.dividends - 100_000 };
    const form = valuesOfClosing(buildClosing({ allocation }));
    expect(form).toMatchObject({ legalReserve: '200001', jobCreationFund: '', educationCarryForward: '', retained: '3' });
  });

  it('reads a loss and the opening balances back', () => {
    const lossFacts = facts({ surplus: -300_000, opening: { legalReserve: 50_000, lossesCarriedForward: 10_000 } });
    expect(valuesOfClosing(buildClosing({ facts: lossFacts }))).toMatchObject({ result: 'loss', amount: '300000', openingLegalReserve: '50000', openingLosses: '10000' });
  });
});

describe('proposalField', () => {
  it('places the server fields on the form', () => {
    expect(proposalField('legalReserve')).toBe('legalReserve');
    expect(proposalField('opening')).toBe('openingLegalReserve');
    expect(proposalField('opening.lossesCarriedForward')).toBe('openingLosses');
    expect(proposalField('surplus')).toBe('amount');
    expect(proposalField('total')).toBe('amount');
    expect(proposalField('fiscalYear')).toBe('fiscalYear');
  });
});

describe('endedFiscalYears', () => {
  it('offers the fiscal years that have ended, latest first (an April year ends in March)', () => {
    const years = endedFiscalYears(4, '2026-11-27', [], 3);
    expect(years).toEqual([
      { year: 2025, until: '2026-03-31', closed: false },
      { year: 2024, until: '2025-03-31', closed: false },
      { year: 2023, until: '2024-03-31', closed: false },
    ]);
  });

  it('counts a year as ended only after its last day', () => {
    expect(endedFiscalYears(4, '2026-03-31', [], 1)[0]?.year).toBe(2024);
    expect(endedFiscalYears(4, '2026-04-01', [], 1)[0]?.year).toBe(2025);
    expect(endedFiscalYears(1, '2026-01-01', [], 1)[0]).toEqual({ year: 2025, until: '2025-12-31', closed: false });
  });

  it('marks the years before the assembly or posted, and starts the form on the latest open one', () => {
    const years = endedFiscalYears(4, '2026-11-27', [
      { fiscalYear: 2025, status: 'posted' },
      { fiscalYear: 2024, status: 'withdrawn' },
      { fiscalYear: 2023, status: 'submitted' },
    ], 3);
    expect(years.map((y) => y.closed)).toEqual([true, false, true]);
    expect(defaultFiscalYear(years)).toBe(2024);
    expect(defaultFiscalYear(years.filter((y) => y.closed))).toBeNull();
  });
});
