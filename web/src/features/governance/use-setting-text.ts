import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth, formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { Fraction, SettingName, SettingSource } from './governance';

const isFraction = (value: unknown): value is Fraction =>
  typeof value === 'object' && value !== null && typeof (value as Fraction).numerator === 'number' && typeof (value as Fraction).denominator === 'number';

/** A bylaw setting's value in words (10,000円, 14日, 過半数 …), and where it comes from: a bylaw version or the law. */
export function useSettingText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const fraction = (f: Fraction) => t('governance.setting.fraction', { numerator: f.numerator, denominator: f.denominator });

  const value = (name: SettingName, raw: unknown): string => {
    if (raw === null || raw === undefined) return t('common.notSet');
    switch (name) {
      case 'fiscalYearStartMonth':
        return typeof raw === 'number' ? formatMonth(raw, locale) : String(raw);
      case 'sharePrice':
      case 'legalReserveTarget':
        return typeof raw === 'number' ? formatYen(raw, locale) : String(raw);
      case 'proxyCapPerHolder':
        return t('governance.setting.votes', { count: Number(raw), n: formatNumber(Number(raw), locale) });
      case 'meetingNoticeDays':
        return t('governance.setting.days', { count: Number(raw), n: formatNumber(Number(raw), locale) });
      case 'directorTermMonths':
      case 'auditorTermMonths':
      case 'delegateTermMonths':
        return t('governance.setting.months', { count: Number(raw), n: formatNumber(Number(raw), locale) });
      case 'writtenVoting':
      case 'electronicVoting':
        return t(raw ? 'governance.setting.allowed' : 'governance.setting.notAllowed');
      case 'ordinaryMajority':
        // "More than half" is the Act's ordinary rule; a higher share set by the bylaws is "at least".
        if (isFraction(raw) && raw.numerator * 2 === raw.denominator) return t('governance.result.share.majority');
        return isFraction(raw) ? t('governance.setting.atLeast', { fraction: fraction(raw) }) : String(raw);
      case 'ordinaryQuorum':
      case 'specialQuorum':
      case 'specialMajority':
        return isFraction(raw) ? t('governance.setting.atLeast', { fraction: fraction(raw) }) : String(raw);
      case 'tie':
        return t(`governance.setting.tie.${String(raw)}`);
      case 'legalReserveRate':
      case 'jobCreationFundRate':
      case 'educationCarryForwardRate':
        // The Act's rates are floors: the bylaws put at least this share of the surplus into each (Art. 76).
        return isFraction(raw) ? t('governance.setting.atLeast', { fraction: fraction(raw) }) : String(raw);
      case 'workMeasure':
        return t(`surplus.measure.${String(raw)}`);
      case 'roleWeights': {
        const weights = typeof raw === 'object' ? Object.entries(raw as Record<string, number>) : [];
        if (weights.length === 0) return t('governance.setting.noRoleWeights');
        return weights.map(([role, weight]) => t('governance.setting.roleWeight', { role, weight: formatNumber(weight, locale) })).join(t('common.listSeparator'));
      }
      case 'withholdDividends':
        return t(raw ? 'governance.setting.withhold' : 'governance.setting.noWithhold');
    }
  };

  const source = (from: SettingSource): string =>
    from.kind === 'law_profile'
      ? t('governance.source.law', { profile: labels.code('lawProfile', from.profileId) })
      : t(from.founding ? 'governance.source.founding' : 'governance.source.adopted', { no: from.versionNo, date: formatDate(from.effectiveFrom, locale) });

  return { value, source };
}
