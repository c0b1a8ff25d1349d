import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { AGE_BANDS, caseworkApi, type CaseContract, type Participant } from './casework';
import { checkIntake, contractCovering, emptyIntake, intakeField, toIntakeInput, type IntakeValues } from './casework-values';
import { CaseSection } from './CaseSection';
import { CircumstancesField } from './CircumstancesField';
import { ConsentChoicesFields } from './ConsentChoicesFields';
import { IdentityFields } from './IdentityFields';
import { useCaseFieldError } from './use-case-field-error';

interface IntakeFormProps {
  siteId: string;
  contracts: CaseContract[];
  today: string;
  onCreated: (participant: Participant) => void;
  onCancel: () => void;
}

/** 受付: a new participant of the office, with the consents they gave. */
export function IntakeForm({ siteId, contracts, today, onCreated, onCancel }: IntakeFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const caseFieldError = useCaseFieldError();
  const form = useFormSubmit<IntakeValues>({
    initialValues: emptyIntake(today, contractCovering(contracts, today)?.id ?? (contracts.length === 1 ? (contracts[0]?.id ?? '') : '')),
    check: checkIntake,
    send: async (values) => onCreated(await caseworkApi.intake(siteId, toIntakeInput(values))),
    fieldOf: intakeField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const sensitiveConsent = form.values.consents['sensitive-data'].given;
  const programme = (c: CaseContract) => (locale === 'en' && c.programmeEn ? c.programmeEn : c.programmeJa);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="lg">
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <CaseSection id="intake-programme" title={t('casework.intake.programmeSection')}>
          <Stack gap="md">
            <NativeSelect
              label={t('casework.intake.contract')}
              required
              {...form.input('contractId')}
              data={[
                ...(contracts.length === 1 ? [] : [{ value: '', label: t('common.choose') }]),
                ...contracts.map((c) => ({
                  value: c.id,
                  label: `${programme(c)}（${formatDate(c.periodFrom, locale)}〜${formatDate(c.periodUntil, locale)}）`,
                })),
              ]}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('casework.intake.intakeOn')} type="date" required {...form.input('intakeOn')} />
              <NativeSelect
                label={t('casework.ageBand.label')}
                description={t('casework.ageBand.hint')}
                required
                value={form.values.ageBand}
                onChange={(event) => form.set('ageBand', AGE_BANDS.find((band) => band === event.currentTarget.value) ?? '')}
                error={form.error('ageBand')}
                data={[{ value: '', label: t('common.choose') }, ...AGE_BANDS.map((band) => ({ value: band, label: t(`casework.ageBand.${band}`) }))]}
              />
            </SimpleGrid>
          </Stack>
        </CaseSection>
        <CaseSection id="intake-consents" title={t('casework.consent.title')}>
          <ConsentChoicesFields
            value={form.values.consents}
            onChange={(purpose, choice) => form.set('consents', { ...form.values.consents, [purpose]: choice })}
            error={caseFieldError('consents', form.errors.consents)}
          />
        </CaseSection>
        <CaseSection id="intake-identity" title={t('casework.identity.title')}>
          <IdentityFields input={form.input} set={(field, value) => form.set(field, value)} />
        </CaseSection>
        <CaseSection id="intake-circumstances" title={t('casework.circumstances.title')}>
          <CircumstancesField
            value={form.values.circumstances}
            onChange={(value) => form.set('circumstances', value)}
            consented={sensitiveConsent}
            error={caseFieldError('circumstances', form.errors.circumstances)}
          />
        </CaseSection>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('casework.intake.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
