import { describe, expect, it } from 'vitest';
import type { CapitalByYear } from './capital';
import { capitalByOrganization, niceScale, paidAndUnpaid, stackSegments, yearTotals } from './capital-chart';

const item = (organizationId: string, fiscalYear: number, paid: number, unpaid: number): CapitalByYear => ({
  organizationId, fiscalYear, asOf: `${fiscalYear + 1}-03-31`, members: 1, shares: 1, capital: paid + unpaid, paid, unpaid,
});

const items = [item('a', 2024, 100, 50), item('a', 2025, 200, 0), item('b', 2024, 0, 0), item('b', 2025, 30, 10), item('c', 2024, 0, 0), item('c', 2025, 0, 0)];

describe('capital by fiscal year', () => {
  it('gives each organization a series, leaving out those without capital', () => {
    expect(capitalByOrganization(items, ['b', 'a', 'c'])).toEqual({
      years: [2024, 2025],
      series: [
        { key: 'b', values: [0, 40] },
        { key: 'a', values: [150, 200] },
      ],
    });
  });

  it('splits one organization into paid and unpaid', () => {
    const data = paidAndUnpaid(items, 'a');
    expect(data).toEqual({ years: [2024, 2025], series: [{ key: 'paid', values: [100, 200] }, { key: 'unpaid', values: [50, 0] }] });
    expect(yearTotals(data)).toEqual([150, 200]);
  });

  it('stacks the segments bottom up and leaves empty ones out', () => {
    const [first, second] = stackSegments(paidAndUnpaid(items, 'a'));
    expect(first).toEqual([
      { key: 'paid', year: 2024, value: 100, from: 0, to: 100 },
      { key: 'unpaid', year: 2024, value: 50, from: 100, to: 150 },
    ]);
    expect(second).toEqual([{ key: 'paid', year: 2025, value: 200, from: 0, to: 200 }]);
  });
});

describe('niceScale', () => {
  it('steps in round numbers up to at least the largest value', () => {
    expect(niceScale(430_000)).toEqual({ max: 500_000, step: 100_000, ticks: [0, 100_000, 200_000, 300_000, 400_000, 500_000] });
    expect(niceScale(1_500_000)).toEqual({ max: 1_500_000, step: 500_000, ticks: [0, 500_000, 1_000_000, 1_500_000] });
    expect(niceScale(70)).toEqual({ max: 80, step: 20, ticks: [0, 20, 40, 60, 80] });
  });

  it('has an axis even without any value', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });
});
