import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText, type FieldErrors } from '../../errors';
import { formatMonth, formatPostalCode, MONTHS } from '../../format';
import { useLocale } from '../../i18n';
import { useReference } from '../reference/reference-context';
import { useLabels, type CodeList } from '../reference/use-labels';
import { postalDigits, type OrganizationFormValues } from './organization-form-values';

interface OrganizationFormFieldsProps {
  values: OrganizationFormValues;
  errors: FieldErrors;
  onChange: <K extends keyof OrganizationFormValues>(field: K, value: OrganizationFormValues[K]) => void;
  /** Creating: the code can be chosen once. */
  withCode: boolean;
  /** Only a federation administrator moves an organization between states. */
  statusLocked: boolean;
}

export function OrganizationFormFields({ values, errors, onChange, withCode, statusLocked }: OrganizationFormFieldsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reference = useReference();
  const labels = useLabels();
  const errorText = useFieldErrorText();

  const text = (field: 'code' | 'nameJa' | 'nameEn' | 'registrationDate' | 'postalCode' | 'address') => ({
    label: t(`field.${field}`),
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(field, event.currentTarget.value),
    error: errorText(errors[field]),
  });
  const options = (list: CodeList, codes: string[]) => codes.map((code) => ({ value: code, label: labels.code(list, code) }));
  const select = (field: 'legalForm' | 'lawProfile' | 'fiscalYearStartMonth' | 'prefectureCode' | 'status') => ({
    label: t(`field.${field}`),
    value: values[field],
    onChange: (event: ChangeEvent<HTMLSelectElement>) => onChange(field, event.currentTarget.value),
    error: errorText(errors[field]),
  });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
      {withCode && (
        <TextInput {...text('code')} required description={t('organization.codeHint')} autoCapitalize="off" spellCheck={false} />
      )}
      <TextInput {...text('nameJa')} required lang="ja" />
      <TextInput {...text('nameEn')} lang="en" />
      <NativeSelect {...select('legalForm')} data={options('legalForm', reference.legalForms)} />
      <NativeSelect {...select('lawProfile')} data={options('lawProfile', reference.lawProfiles)} />
      <TextInput {...text('registrationDate')} type="date" />
      <NativeSelect
        {...select('fiscalYearStartMonth')}
        description={t('organization.fiscalYearHint')}
        data={MONTHS.map((month) => ({ value: String(month), label: formatMonth(month, locale) }))}
      />
      <NativeSelect
        {...select('prefectureCode')}
        data={[
          { value: '', label: t('common.notSet') },
          ...reference.prefectures.map((p) => ({ value: p.code, label: labels.prefecture(p.code) })),
        ]}
      />
      <TextInput
        {...text('postalCode')}
        description={t('organization.postalCodeHint')}
        placeholder="123-4567"
        inputMode="numeric"
        autoComplete="postal-code"
        onBlur={() => {
          const digits = postalDigits(values.postalCode);
          if (digits.length === 7) onChange('postalCode', formatPostalCode(digits));
        }}
      />
      <TextInput {...text('address')} autoComplete="street-address" />
      <NativeSelect
        {...select('status')}
        data={options('status', reference.organizationStatuses)}
        disabled={statusLocked}
        description={statusLocked ? t('organization.statusLocked') : undefined}
      />
      <Checkbox.Group
        label={t('field.businessLines')}
        value={values.businessLines}
        onChange={(lines) => onChange('businessLines', lines)}
        error={errorText(errors.businessLines)}
        style={{ gridColumn: '1 / -1' }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          {reference.businessLines.map((line) => (
            <Checkbox key={line.code} value={line.code} label={labels.code('businessLine', line.code)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </SimpleGrid>
  );
}
