import { describe, expect, it } from 'vitest';
import { addMonths, monthHasEnded, monthRange, readWorkState, workStateQuery } from './work-query';

const today = '2026-11-27';

describe('the work page address', () => {
  it("shows this month's records by default", () => {
    expect(readWorkState(new URLSearchParams(), today)).toEqual({ organization: '', month: '2026-11', status: '', page: 1 });
  });

  it('reads a month, a status and a page, and ignores what it cannot read', () => {
    expect(readWorkState(new URLSearchParams('organization=o1&month=2026-09&status=entered&page=3'), today)).toEqual({ organization: 'o1', month: '2026-09', status: 'entered', page: 3 });
    expect(readWorkState(new URLSearchParams('month=2026-13&status=closed&page=-1'), today)).toEqual({ organization: '', month: '2026-11', status: '', page: 1 });
  });

  it('leaves the defaults out of the address, and reads back what it wrote', () => {
    expect(workStateQuery({ organization: '', month: '2026-11', status: '', page: 1 }, today)).toEqual({});
    const state = { organization: 'o1', month: '2025-12', status: 'approved' as const, page: 2 };
    expect(readWorkState(new URLSearchParams(workStateQuery(state, today)), today)).toEqual(state);
  });
});

describe('months', () => {
  it('have a first and last day, neighbours across years, and end before the month today is in', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', until: '2026-02-28' });
    expect(monthRange('2028-02').until).toBe('2028-02-29');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(monthHasEnded('2026-10', today)).toBe(true);
    expect(monthHasEnded('2026-11', today)).toBe(false);
  });
});
