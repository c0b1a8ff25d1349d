import { Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, CONSENT_PURPOSES, type ConsentMethod, type ConsentPurpose } from './casework';
import type { ConsentChoice, ConsentChoices } from './casework-values';

interface ConsentChoicesFieldsProps {
  value: ConsentChoices;
  onChange: (purpose: ConsentPurpose, choice: ConsentChoice) => void;
  error: string | undefined;
}

/**
 * The consents given at intake, each with how (in writing, orally, electronically) and when. The consent to support
 * is required; the others are the participant's choice.
 */
export function ConsentChoicesFields({ value, onChange, error }: ConsentChoicesFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0 }} aria-describedby={error ? 'intake-consents-error' : undefined}>
      <Text component="legend" fw={600} mb="xs">
        {t('casework.consent.intakeLegend')}
      </Text>
      {error && (
        <Text id="intake-consents-error" c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {CONSENT_PURPOSES.map((purpose) => {
        const choice = value[purpose];
        const purposeLabel = t(`casework.consentPurpose.${purpose}`);
        return (
          <Stack key={purpose} gap={6}>
            <Checkbox
              label={purposeLabel}
              description={t(`casework.consentPurposeHint.${purpose}`)}
              checked={choice.given}
              required={purpose === 'support'}
              onChange={(event) => onChange(purpose, { ...choice, given: event.currentTarget.checked })}
            />
            {choice.given && (
              <Group gap="sm" pl="xl" role="group" aria-label={purposeLabel} align="flex-start">
                <NativeSelect
                  label={t('casework.consent.method')}
                  value={choice.method}
                  onChange={(event) => {
                    const method = CONSENT_METHODS.find((m) => m === event.currentTarget.value);
                    if (method) onChange(purpose, { ...choice, method: method satisfies ConsentMethod });
                  }}
                  data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`casework.consentMethod.${m}`) }))}
                />
                <TextInput
                  label={t('casework.consent.givenOn')}
                  type="date"
                  required
                  value={choice.givenOn}
                  onChange={(event) => onChange(purpose, { ...choice, givenOn: event.currentTarget.value })}
                />
              </Group>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
