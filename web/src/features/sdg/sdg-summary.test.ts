import { describe, expect, it } from 'vitest';
import type { SdgGoalView, SdgView } from './sdg';
import { contrastRatio, DARK_TEXT, textColourOn } from './sdg-colour';
import { sortByName, summariseGoal, summariseView } from './sdg-summary';

const empty = (goal: number): SdgGoalView => ({ goal, codes: [], businessLines: [], sites: [], programmes: [], turnover: 0, peopleServed: 0, workers: 0 });

const served: SdgGoalView = {
  goal: 8,
  codes: ['8', '8.5', '8.8'],
  businessLines: [{ code: 'care', nameJa: '介護', nameEn: 'Care' }],
  sites: [
    { id: 's1', organizationId: 'o1', nameJa: 'みどり', nameEn: null, direct: true },
    { id: 's2', organizationId: 'o1', nameJa: 'あおば', nameEn: 'Aoba', direct: false },
  ],
  programmes: [{ id: 'c1', organizationId: 'o1', programmeJa: '地域若者サポートステーション事業', programmeEn: null, periodFrom: '2026-04-01', periodUntil: '2027-03-31', intakes: 14 }],
  turnover: 12_000_000,
  peopleServed: 40,
  workers: 12,
};

describe('summariseGoal', () => {
  it("sums up a served goal's lines, sites, targets and figures", () => {
    expect(summariseGoal(served)).toEqual({
      goal: 8,
      served: true,
      businessLines: 1,
      sites: 2,
      directSites: 1,
      programmes: 1,
      intakes: 14,
      targets: ['8.5', '8.8'],
      wholeGoal: true,
      turnover: 12_000_000,
      peopleServed: 40,
      workers: 12,
    });
  });

  it('counts a goal served by a programme alone as served', () => {
    const programme = served.programmes[0]!;
    expect(summariseGoal({ ...empty(1), codes: ['1.3'], programmes: [{ ...programme, intakes: 3 }] })).toMatchObject({ served: true, programmes: 1, intakes: 3, sites: 0 });
  });

  it('says a goal with nothing is not served', () => {
    expect(summariseGoal(empty(7))).toMatchObject({ served: false, sites: 0, targets: [], wholeGoal: false });
  });

  it('counts a goal served by a line without sites yet as served', () => {
    expect(summariseGoal({ ...empty(4), codes: ['4.4'], businessLines: [{ code: 'edu', nameJa: '教育', nameEn: 'Education' }] }).served).toBe(true);
  });
});

describe('summariseView', () => {
  it('counts the goals served and each site once', () => {
    const view: SdgView = {
      scope: { kind: 'federation', id: 'f', nameJa: '連合会', nameEn: null },
      fiscalYear: 2016,
      goals: [served, { ...served, goal: 3, codes: ['3'] }, ...Array.from({ length: 15 }, (_, i) => empty(i + 4))],
    };
    expect(summariseView(view)).toEqual({ served: 2, goals: 17, sites: 2 });
  });
});

describe('sortByName', () => {
  it('sorts by the name shown, English where there is one', () => {
    expect(sortByName(served.sites, 'en').map((site) => site.id)).toEqual(['s2', 's1']);
    expect(sortByName(served.sites, 'ja').map((site) => site.id)).toEqual(['s2', 's1']);
    expect(sortByName([{ nameJa: 'い', nameEn: 'A' }, { nameJa: 'あ', nameEn: 'B' }], 'ja').map((item) => item.nameJa)).toEqual(['あ', 'い']);
    expect(sortByName([{ nameJa: 'い', nameEn: 'A' }, { nameJa: 'あ', nameEn: 'B' }], 'en').map((item) => item.nameJa)).toEqual(['い', 'あ']);
  });
});

describe('text on the SDG colours', () => {
  const colours = ['#E5243B', '#DDA63A', '#4C9F38', '#C5192D', '#FF3A21', '#26BDE2', '#FCC30B', '#A21942', '#FD6925', '#DD1367', '#FD9D24', '#BF8B2E', '#3F7E44', '#0A97D9', '#56C02B', '#00689D', '#19486A'];

  it('reaches 4.5:1 on every goal colour', () => {
    for (const colour of colours) expect(contrastRatio(colour, textColourOn(colour))).toBeGreaterThanOrEqual(4.5);
  });

  it("uses dark text on goal 7's yellow and white on goal 16's blue", () => {
    expect(textColourOn('#FCC30B')).toBe(DARK_TEXT);
    expect(textColourOn('#00689D')).toBe('#FFFFFF');
  });

  it('computes the contrast of black and white as 21', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
  });
});
