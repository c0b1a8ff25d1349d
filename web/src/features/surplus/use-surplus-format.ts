import { useTranslation } from 'react-i18next';
import { unitOf } from '../../../../src/domain/surplus/work-measure';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { hoursAndMinutes, type StatementFormat } from './statement-explanation';
import type { WorkMeasure, WorkUnit } from './surplus';

/** The unit a close's work is counted in, from the bylaws' measure. */
export const workUnitOf = (measure: WorkMeasure): WorkUnit => unitOf(measure);

/** Yen, counts and amounts of work written in the current language. */
export function useSurplusFormat(unit: WorkUnit): StatementFormat & { minutes: (minutes: number) => string; days: (days: number) => string } {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const minutes = (value: number) => {
    const split = hoursAndMinutes(value);
    return t('surplus.work.minutes', { hours: number(split.hours), minutes: number(split.minutes) });
  };
  const days = (value: number) => t('surplus.work.days', { count: value, days: number(value) });
  const work = (amount: number) => (unit === 'days' ? days(amount) : unit === 'minutes' ? minutes(amount) : t('surplus.work.weighted', { amount: number(amount) }));
  return { yen: (amount) => formatYen(amount, locale), number, work, minutes, days };
}
