import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels, type CodeList } from '../reference/use-labels';

const CODE_FIELDS: Partial<Record<string, CodeList>> = {
  legalForm: 'legalForm',
  lawProfile: 'lawProfile',
  status: 'status',
  kind: 'kind',
  role: 'role',
  businessLines: 'businessLine',
  exemption: 'exemption',
};

// The same field names in membership entries: a membership's status and kind have lists of their own.
const SECOND_LISTS: Partial<Record<string, CodeList>> = {
  status: 'membershipStatus',
  kind: 'memberKind',
};

const DATE_FIELDS = new Set([
  'registrationDate', 'effectiveDate', 'birthDate', 'startedOn', 'endedOn', 'labourContractFrom', 'labourContractUntil',
  'admittedOn',
]);

/**
 * Shows a stored field value (as audit entries record it) the way the rest of the app shows it; a membership's kind
 * by `memberKindName` when given, which knows the organization's own kinds.
 */
export function useFieldValue(memberKindName?: (code: string) => string): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();

  return useCallback(
    (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('common.none');
      const list = CODE_FIELDS[field];
      if (Array.isArray(value)) {
        if (value.length === 0) return t('common.none');
        return value.map((item) => (list ? labels.code(list, String(item)) : String(item))).join(t('common.listSeparator'));
      }
      if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
      if (typeof value === 'object') return JSON.stringify(value);
      const text = String(value);
      if (list) {
        const label = labels.code(list, text);
        const second = SECOND_LISTS[field];
        if (label !== text || !second) return label;
        return second === 'memberKind' && memberKindName ? memberKindName(text) : labels.code(second, text);
      }
      if (field === 'prefectureCode') return labels.prefecture(text);
      if (field === 'locale') return t(`language.${text}`, { defaultValue: text });
      if (field === 'postalCode') return formatPostalCode(text);
      if (DATE_FIELDS.has(field)) return formatDate(text, locale);
      if (field === 'fiscalYearStartMonth' && typeof value === 'number') return formatMonth(value, locale);
      return text;
    },
    [t, locale, labels, memberKindName],
  );
}
