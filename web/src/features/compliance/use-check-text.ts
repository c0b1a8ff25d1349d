import { useTranslation } from 'react-i18next';
import { officerRules } from '../../../../src/domain/governance/elections';
import { formatNumber, formatPercent, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import type { CheckResult, ComplianceCheckCode } from './compliance';
import { fractionValue } from './compliance-values';

type Fraction = NonNullable<CheckResult['figure']>;

/** A check's rule and figure in words, in the current language. */
export function useCheckText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  return {
    rule: (code: ComplianceCheckCode, floor: Fraction) =>
      t(`compliance.rule.${code}`, { numerator: number(floor.numerator), denominator: number(floor.denominator), councilUpTo: number(officerRules.memberAuditCouncilUpToMembers) }),
    /** The figure of one organization, or of the federation's members added up; the reserve's in yen. */
    figure: (code: ComplianceCheckCode, figure: Fraction | null) => {
      const share = fractionValue(figure);
      if (figure === null || share === null) return t('compliance.figure.none');
      const values = { numerator: number(figure.numerator), denominator: number(figure.denominator), share: formatPercent(share, locale) };
      if (code === 'legal_reserve_target') {
        return t('compliance.figure.legal_reserve_target', { ...values, target: formatYen(figure.numerator, locale), capital: formatYen(figure.denominator, locale) });
      }
      return t(`compliance.figure.${code}`, values);
    },
    /** How many of the federation's organizations meet a rule each must meet. */
    organizations: (figure: Fraction | null) =>
      figure === null || figure.denominator === 0
        ? t('compliance.figure.none')
        : t('compliance.figure.organizations', { numerator: number(figure.numerator), denominator: number(figure.denominator) }),
  };
}
