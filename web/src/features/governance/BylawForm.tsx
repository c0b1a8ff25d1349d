import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { formatMonth, MONTHS, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { bylawField, checkBylaws, emptyBylaws, FRACTION_SETTINGS, toBylawVersion, type BylawValues } from './bylaw-values';
import { governanceApi, type BylawVersion } from './governance';

interface BylawFormProps {
  organizationId: string;
  /** No version yet: the founding bylaws can be recorded, in force from a date. */
  firstVersion: boolean;
  onRecorded: (version: BylawVersion) => void;
  onCancel: () => void;
}

/**
 * Records the founding bylaws (定款), or proposes a new version: a proposal takes effect only through the special
 * resolution (特別決議) that adopts it. Settings left empty are not stated by this version.
 */
export function BylawForm({ organizationId, firstVersion, onRecorded, onCancel }: BylawFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormSubmit<BylawValues>({
    initialValues: emptyBylaws(firstVersion, todayInJapan()),
    check: checkBylaws,
    send: async (values) => onRecorded(await governanceApi.recordBylaws(organizationId, toBylawVersion(values))),
    fieldOf: bylawField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const { values } = form;
  const numeric = { inputMode: 'numeric', autoComplete: 'off' } as const;
  const choice = (field: 'writtenVoting' | 'electronicVoting') => (
    <NativeSelect
      label={t(`governance.setting.name.${field}`)}
      data={[
        { value: '', label: t('governance.bylaws.notStated') },
        { value: 'true', label: t('governance.setting.allowed') },
        { value: 'false', label: t('governance.setting.notAllowed') },
      ]}
      value={values[field]}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (next === '' || next === 'true' || next === 'false') form.set(field, next);
      }}
      error={form.error(field)}
    />
  );

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <Text size="sm">{t(firstVersion ? 'governance.bylaws.foundingIntro' : 'governance.bylaws.proposalIntro')}</Text>
        <TextInput label={t('governance.bylaws.titleField')} required data-autofocus maxLength={200} {...form.input('title')} />
        <Textarea label={t('governance.bylaws.text')} autosize minRows={4} maxRows={14} {...form.input('text')} />
        {firstVersion && (
          <Stack gap="xs">
            <Checkbox
              label={t('governance.bylaws.founding')}
              description={t('governance.bylaws.foundingHint')}
              checked={values.founding}
              onChange={(event) => form.set('founding', event.currentTarget.checked)}
            />
            {values.founding && <TextInput label={t('governance.bylaws.effectiveFrom')} type="date" required {...form.input('foundingEffectiveFrom')} />}
          </Stack>
        )}
        <Fieldset legend={t('governance.bylaws.settings')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('governance.bylaws.settingsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('governance.setting.name.fiscalYearStartMonth')}
              data={[{ value: '', label: t('governance.bylaws.notStated') }, ...MONTHS.map((m) => ({ value: String(m), label: formatMonth(m, locale) }))]}
              {...form.input('fiscalYearStartMonth')}
            />
            <TextInput label={t('governance.setting.name.sharePrice')} {...numeric} {...form.input('sharePrice')} />
            <TextInput label={t('governance.setting.name.legalReserveTarget')} {...numeric} {...form.input('legalReserveTarget')} />
            <TextInput label={t('governance.setting.name.proxyCapPerHolder')} {...numeric} {...form.input('proxyCapPerHolder')} />
            <TextInput label={t('governance.setting.name.meetingNoticeDays')} description={t('governance.bylaws.noticeDaysHint')} {...numeric} {...form.input('meetingNoticeDays')} />
            {choice('writtenVoting')}
            {choice('electronicVoting')}
            {FRACTION_SETTINGS.map((name) => (
              <TextInput key={name} label={t(`governance.setting.name.${name}`)} description={t('governance.bylaws.fractionHint')} autoComplete="off" {...form.input(name)} />
            ))}
            <NativeSelect
              label={t('governance.setting.name.tie')}
              data={[
                { value: '', label: t('governance.bylaws.notStated') },
                { value: 'chair', label: t('governance.setting.tie.chair') },
                { value: 'rejected', label: t('governance.setting.tie.rejected') },
              ]}
              value={values.tie}
              onChange={(event) => {
                const next = event.currentTarget.value;
                if (next === '' || next === 'chair' || next === 'rejected') form.set('tie', next);
              }}
              error={form.error('tie')}
            />
          </SimpleGrid>
        </Fieldset>
        <FormActions
          inDialog
          submitLabel={t(firstVersion && values.founding ? 'governance.bylaws.recordFounding' : 'governance.bylaws.propose')}
          submitting={form.submitting}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
