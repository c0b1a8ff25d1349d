import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface CircumstancesFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The participant consented to the collection of special-care personal information. */
  consented: boolean;
  error: string | undefined;
}

/**
 * The participant's circumstances (disability, health, welfare, record): special-care personal information
 * (要配慮個人情報, APPI art. 2(3)), collected only with prior consent (art. 20(2)). Until the consent is recorded the
 * field cannot be filled, and says why.
 */
export function CircumstancesField({ value, onChange, consented, error }: CircumstancesFieldProps) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('casework.circumstances.label')}
      description={consented ? t('casework.circumstances.hint') : t('casework.circumstances.needsConsent')}
      disabled={!consented}
      autosize
      minRows={3}
      maxRows={10}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
