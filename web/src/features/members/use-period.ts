import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';

/** A period, open-ended or not: 2026年4月1日 〜 (継続中). */
export function usePeriod() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (from: string | null, until: string | null, open = t('engagement.ongoing')) =>
    t('engagement.periodText', {
      from: from ? formatDate(from, locale) : t('common.none'),
      until: until ? formatDate(until, locale) : open,
    });
}
