import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMonth, formatNumber } from '../../format';
import { useLocale } from '../../i18n';

/** Months, counts, durations and times as the work pages say them: 2026年11月, 1,234, 7時間30分. */
export function useWorkFormat() {
  const { t } = useTranslation();
  const locale = useLocale();
  return {
    month: (month: string) => {
      const [year, m] = month.split('-').map(Number) as [number, number];
      return t('work.monthName', { year, month: formatMonth(m, locale) });
    },
    number: (value: number) => formatNumber(value, locale),
    duration: (minutes: number) => t('work.duration', { hours: formatNumber(Math.floor(minutes / 60), locale), minutes: minutes % 60 }),
    dateTime: (iso: string) => formatDateTime(iso, locale),
  };
}
