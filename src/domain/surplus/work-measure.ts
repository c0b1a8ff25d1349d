import { DomainError, type FieldError } from '../shared/errors.js';

/**
 * How the bylaws measure the amount of work (従事分量) that dividends follow (Worker Cooperatives Act Art. 77(2);
 * domain.md §2.12: "mainly days and hours, possibly weighted for responsibility").
 *
 * - `hours`: time worked, counted in minutes so nothing is rounded;
 * - `days`: days on which the person worked at all (two sites on one day are one day);
 * - `weighted_hours`: minutes × the weight of the role the work was done in, in percent (a coordinator's 125
 *   against the 100 every unlisted role has), so that the amount stays a whole number and the split exact.
 *
 * The measure in force on the last day of the fiscal year applies to the whole year: the year is divided once,
 * by one rule, and a bylaw change takes effect from the year it is in force at the end of.
 */
export const workMeasureBases = ['hours', 'days', 'weighted_hours'] as const;
export type WorkMeasureBasis = (typeof workMeasureBases)[number];

export interface WorkMeasure {
  basis: WorkMeasureBasis;
  /** Weight per role in percent, for `weighted_hours`; a role not listed weighs 100. */
  roleWeights: Readonly<Record<string, number>>;
}

/** The weight of a role without one in the bylaws: an hour is an hour. */
export const defaultRoleWeight = 100;
/** Weights are whole percent from 1 to 1,000 (0.01 to 10 times an ordinary hour). */
export const maxRoleWeight = 1000;

/** The law's default where the bylaws are silent: hours worked. */
export const defaultWorkMeasure: WorkMeasure = { basis: 'hours', roleWeights: {} };

/** Problems with a measure the bylaws state, each on its field (for the bylaws' settings check). */
export function workMeasureProblems(basis: unknown, roleWeights: unknown): FieldError[] {
  const problems: FieldError[] = [];
  if (basis !== undefined && !(workMeasureBases as readonly unknown[]).includes(basis)) {
    problems.push({ field: 'settings.workMeasure', code: 'out_of_range', message: `one of ${workMeasureBases.join(', ')}` });
  }
  if (roleWeights !== undefined) {
    if (typeof roleWeights !== 'object' || roleWeights === null || Array.isArray(roleWeights)) {
      problems.push({ field: 'settings.roleWeights', code: 'out_of_range', message: 'an object of role → weight in percent' });
    } else {
      for (const [role, weight] of Object.entries(roleWeights)) {
        if (role.trim() === '' || role.length > 40) problems.push({ field: 'settings.roleWeights', code: 'out_of_range', message: 'a role name of 1 to 40 characters' });
        if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > maxRoleWeight) {
          problems.push({ field: `settings.roleWeights.${role}`, code: 'out_of_range', message: `a whole percent from 1 to ${maxRoleWeight}` });
        }
      }
    }
  }
  return problems;
}

/** A person's work in the year as the database sums it: minutes per role, and the days worked. */
export interface WorkTotals {
  /** Minutes worked, by the role the work was done in ('' for none). */
  minutesByRole: Readonly<Record<string, number>>;
  days: number;
}

export const weightOf = (measure: WorkMeasure, role: string): number => measure.roleWeights[role] ?? defaultRoleWeight;

/** The amount of work in the measure's unit: minutes, days, or weighted minutes (minutes × percent). */
export function amountOfWork(measure: WorkMeasure, totals: WorkTotals): number {
  if (measure.basis === 'days') return totals.days;
  let amount = 0;
  for (const [role, minutes] of Object.entries(totals.minutesByRole)) {
    amount += measure.basis === 'weighted_hours' ? minutes * weightOf(measure, role) : minutes;
  }
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('invalid', 'work_too_large', 'the amount of work is too large to count exactly');
  }
  return amount;
}

/** The unit an amount of work is in, for the statement: minutes, days, or minutes × percent. */
export const unitOf = (measure: WorkMeasure): 'minutes' | 'days' | 'weighted_minutes' =>
  measure.basis === 'days' ? 'days' : measure.basis === 'weighted_hours' ? 'weighted_minutes' : 'minutes';
