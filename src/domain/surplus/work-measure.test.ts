import { describe, expect, it } from 'vitest';
import { lawProfiles } from '../law-profiles/profiles.js';
import { checkBylawSettings, settingsInForce } from '../governance/bylaws.js';
import { DomainError } from '../shared/errors.js';
import { amountOfWork, unitOf, workMeasureProblems, type WorkMeasure } from './work-measure.js';

const totals = { minutesByRole: { '': 6_000, coordinator: 1_200 }, days: 17 };
const act = lawProfiles[0]!;

describe('amount of work', () => {
  it('hours count minutes (7,200), days count days worked (17)', () => {
    expect(amountOfWork({ basis: 'hours', roleWeights: { coordinator: 125 } }, totals)).toBe(7_200);
    expect(amountOfWork({ basis: 'days', roleWeights: {} }, totals)).toBe(17);
  });

  it('weighted hours: 6,000 minutes × 100 + 1,200 coordinator minutes × 125 = 750,000 minute-percent', () => {
    const measure: WorkMeasure = { basis: 'weighted_hours', roleWeights: { coordinator: 125 } };
    expect(amountOfWork(measure, totals)).toBe(750_000);
    expect(unitOf(measure)).toBe('weighted_minutes');
  });

  it('refuses a basis the bylaws cannot state and weights outside 1–1,000 percent', () => {
    expect(workMeasureProblems('weeks', undefined).map((p) => p.field)).toEqual(['settings.workMeasure']);
    expect(workMeasureProblems('weighted_hours', { coordinator: 0, leader: 1.5, lead: 150 }).map((p) => p.field)).toEqual(['settings.roleWeights.coordinator', 'settings.roleWeights.leader']);
    expect(workMeasureProblems('hours', { '': 100 }).map((p) => p.code)).toEqual(['out_of_range']);
  });
});

describe('surplus settings of the bylaws', () => {
  it('default to the law: 1/10, 1/20, 1/20, hours, nothing withheld', () => {
    const settings = settingsInForce([], act, '2026-03-31');
    expect(settings.legalReserveRate.value).toEqual({ numerator: 1, denominator: 10 });
    expect(settings.educationCarryForwardRate.value).toEqual({ numerator: 1, denominator: 20 });
    expect(settings.workMeasure.value).toBe('hours');
    expect(settings.withholdDividends.value).toBe(false);
  });

  it('take effect from their version\'s date: weighted hours from 2026-04-01 apply to fiscal 2026, not 2025', () => {
    const versions = [
      { id: 'v1', versionNo: 1, effectiveFrom: '2020-04-01', adoptedByMotionId: null, founding: true, settings: { workMeasure: 'days' as const } },
      { id: 'v2', versionNo: 2, effectiveFrom: '2026-04-01', adoptedByMotionId: 'm', founding: false, settings: { workMeasure: 'weighted_hours' as const, roleWeights: { coordinator: 125 } } },
    ];
    expect(settingsInForce(versions, act, '2026-03-31').workMeasure.value).toBe('days');
    expect(settingsInForce(versions, act, '2027-03-31').workMeasure.value).toBe('weighted_hours');
  });

  it('refuse a rate below the Act, and rates adding up to more than the surplus, on the setting concerned', () => {
    const refused = (settings: Parameters<typeof checkBylawSettings>[0]) => {
      try {
        checkBylawSettings(settings, act);
        return [];
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return error.errors.map((e) => `${e.field}:${e.code}`);
      }
    };
    expect(refused({ legalReserveRate: { numerator: 1, denominator: 20 } })).toEqual(['settings.legalReserveRate:below_legal_minimum']);
    expect(refused({ jobCreationFundRate: { numerator: 1, denominator: 2 }, educationCarryForwardRate: { numerator: 1, denominator: 2 } })).toEqual(['settings.legalReserveRate:rates_exceed_surplus']);
    expect(refused({ legalReserveRate: { numerator: 3, denominator: 20 }, workMeasure: 'weighted_hours', roleWeights: { coordinator: 125 }, withholdDividends: true })).toEqual([]);
  });
});
