import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkSiteResult, maxYen, surplusOf, totalOf, type SiteResultFigures } from './result.js';

const figures = (overrides: Partial<SiteResultFigures> = {}): SiteResultFigures => ({
  turnover: 12_000_000, expenses: 11_500_000, peopleServed: 40, workersMembers: 12, workersNonMembers: 3, ...overrides,
});

const codes = (f: SiteResultFigures): string[] => {
  try {
    checkSiteResult(f);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors.map((e) => `${e.field}:${e.code}`);
  }
};

describe("a site's fiscal-year result", () => {
  it('has a surplus of turnover − expenses, negative for a loss', () => {
    expect(surplusOf(figures())).toBe(500_000);
    expect(surplusOf(figures({ expenses: 13_000_000 }))).toBe(-1_000_000);
  });

  it('takes whole yen and whole counts only', () => {
    expect(codes(figures())).toEqual([]);
    expect(codes(figures({ turnover: 1.5, expenses: -1, peopleServed: -2, workersMembers: 0.5 }))).toEqual([
      'turnover:not_whole_yen', 'expenses:out_of_range', 'peopleServed:not_whole', 'workersMembers:not_whole',
    ]);
    expect(codes(figures({ turnover: maxYen + 1 }))).toEqual(['turnover:out_of_range']);
  });

  it("adds up to the organization's year: its totals are the sums of its sites', in any order", () => {
    const site = fc.record({
      turnover: fc.integer({ min: 0, max: 10_000_000_000 }), expenses: fc.integer({ min: 0, max: 10_000_000_000 }),
      peopleServed: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    });
    fc.assert(fc.property(fc.array(site, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (sites, cut) => {
      const total = totalOf(sites);
      expect(total.sites).toBe(sites.length);
      expect(total.surplus).toBe(total.turnover - total.expenses);
      expect(total.surplus).toBe(sites.reduce((s, r) => s + surplusOf(r), 0));
      // Splitting the sites in two (two regions, say) and adding the parts gives the same year.
      const [a, b] = [totalOf(sites.slice(0, cut)), totalOf(sites.slice(cut))];
      expect({ sites: a.sites + b.sites, turnover: a.turnover + b.turnover, expenses: a.expenses + b.expenses, surplus: a.surplus + b.surplus, peopleServed: a.peopleServed + b.peopleServed }).toEqual(total);
      expect(totalOf([...sites].reverse())).toEqual(total);
    }));
  });
});
