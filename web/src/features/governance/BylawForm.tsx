import { ActionIcon, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { useFieldErrorText } from '../../errors';
import { formatMonth, MONTHS, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { bylawField, checkBylaws, emptyBylaws, FRACTION_SETTINGS, RATE_SETTINGS, TERM_SETTINGS, toBylawVersion, WORK_MEASURES, type BylawValues, type RoleWeightRow } from './bylaw-values';
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
            {(Object.keys(TERM_SETTINGS) as (keyof typeof TERM_SETTINGS)[]).map((name) => (
              <TextInput key={name} label={t(`governance.setting.name.${name}`)} description={t('governance.bylaws.termHint', { max: TERM_SETTINGS[name] })} {...numeric} {...form.input(name)} />
            ))}
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
        <Fieldset legend={t('governance.bylaws.surplusSettings')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('governance.bylaws.surplusSettingsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            {RATE_SETTINGS.map((name) => (
              <TextInput key={name} label={t(`governance.setting.name.${name}`)} description={t('governance.bylaws.rateHint')} autoComplete="off" {...form.input(name)} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mt="sm">
            <NativeSelect
              label={t('governance.setting.name.workMeasure')}
              description={t('governance.bylaws.workMeasureHint')}
              data={[{ value: '', label: t('governance.bylaws.notStated') }, ...WORK_MEASURES.map((m) => ({ value: m, label: t(`surplus.measure.${m}`) }))]}
              value={values.workMeasure}
              onChange={(event) => {
                const next = WORK_MEASURES.find((m) => m === event.currentTarget.value);
                form.set('workMeasure', next ?? '');
              }}
              error={form.error('workMeasure')}
            />
            <NativeSelect
              label={t('governance.setting.name.withholdDividends')}
              description={t('governance.bylaws.withholdHint')}
              data={[
                { value: '', label: t('governance.bylaws.notStated') },
                { value: 'true', label: t('governance.setting.withhold') },
                { value: 'false', label: t('governance.setting.noWithhold') },
              ]}
              value={values.withholdDividends}
              onChange={(event) => {
                const next = event.currentTarget.value;
                if (next === '' || next === 'true' || next === 'false') form.set('withholdDividends', next);
              }}
              error={form.error('withholdDividends')}
            />
          </SimpleGrid>
          <RoleWeights rows={values.roleWeights} errors={form.errors} onChange={(rows) => form.set('roleWeights', rows)} />
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

interface RoleWeightsProps {
  rows: RoleWeightRow[];
  /** The form's errors: `roleWeights.<i>.role` and `.percent` from its checks, `roleWeights` from the server. */
  errors: Partial<Record<string, string>>;
  onChange: (rows: RoleWeightRow[]) => void;
}

/** The weight of each role for weighted hours, in percent: a role not listed weighs 100 (an hour is an hour). */
function RoleWeights({ rows, errors, onChange }: RoleWeightsProps) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const change = (index: number, patch: Partial<RoleWeightRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs" mt="md" role="group" aria-labelledby="role-weights-heading">
      <Text size="sm" fw={500} id="role-weights-heading">
        {t('governance.setting.name.roleWeights')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('governance.bylaws.roleWeightsHint')}
      </Text>
      {errors.roleWeights && (
        <Text size="sm" c="red.8" role="alert">
          {errorText(errors.roleWeights)}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={t('governance.bylaws.role', { number: index + 1 })}
            maxLength={40}
            flex={2}
            value={row.role}
            onChange={(event) => change(index, { role: event.currentTarget.value })}
            error={errorText(errors[`roleWeights.${index}.role`])}
          />
          <TextInput
            label={t('governance.bylaws.rolePercent', { number: index + 1 })}
            inputMode="numeric"
            autoComplete="off"
            rightSection="%"
            flex={1}
            value={row.percent}
            onChange={(event) => change(index, { percent: event.currentTarget.value })}
            error={errorText(errors[`roleWeights.${index}.percent`])}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={26}
            aria-label={t('governance.bylaws.removeRole', { number: index + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { role: '', percent: '' }])}>
          {t('governance.bylaws.addRole')}
        </Button>
      </Group>
    </Stack>
  );
}
