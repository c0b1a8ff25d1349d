import { Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unlessStale } from '../../api';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../errors';
import { formatDateWithEra, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { CampaignAlert } from './CampaignAlert';
import { nameIn, optionalText, stageChoices, suggestedStage } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, type Stage, type Target } from './campaigns';
import { StageBadge } from './StageBadge';
import { useCampaignProblems } from './use-campaign-problems';

interface StageValues {
  stage: Stage;
  on: string;
  note: string;
  correction: boolean;
}

interface StageFormProps {
  target: Target;
  onRecorded: (target: Target) => void;
  onCancel: () => void;
  /** Someone else changed the target first: the page reads it again. */
  onStale: () => void;
}

/**
 * A new stage of a target (contacted, petition submitted, adopted…) with its date and a note. A step back or an
 * adoption undone is a correction, which the person says so; the server answers not_a_forward_step otherwise.
 */
export function StageForm({ target, onRecorded, onCancel, onStale }: StageFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = useCampaignProblems();
  const choices = stageChoices(target.stage);
  const form = useFormSubmit<StageValues>({
    initialValues: { stage: suggestedStage(target.stage), on: todayInJapan(), note: '', correction: target.stage === 'adopted' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.on) errors.on = 'required';
      if ([...values.note].length > CAMPAIGN_TEXT_LIMITS.note) errors.note = 'too_long';
      return errors;
    },
    send: async (values) => {
      onRecorded(await unlessStale(campaignApi.recordStage(target, { stage: values.stage, on: values.on, note: optionalText(values.note), correction: values.correction }), onStale));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <CampaignAlert failure={form.failure} errors={form.errors} />
        <div>
          <Text size="sm" fw={600}>{nameIn(target, locale)}</Text>
          <Text size="sm" component="div">
            {t('campaigns.stageForm.current')} <StageBadge stage={target.stage} size="sm" />
            {target.stageOn && ` ${formatDateWithEra(target.stageOn, locale)}`}
          </Text>
        </div>
        <NativeSelect
          label={t('campaigns.stageForm.stage')}
          required
          data-autofocus
          data={choices.map((stage) => ({ value: stage, label: t(`campaigns.stage.${stage}`) }))}
          value={form.values.stage}
          onChange={(event) => {
            const stage = choices.find((s) => s === event.currentTarget.value);
            if (stage) form.set('stage', stage);
          }}
          error={problems.field(form.errors.stage)}
        />
        <TextInput label={t('campaigns.stageForm.on')} type="date" required {...form.input('on')} error={problems.field(form.errors.on)} />
        <Textarea label={t('campaigns.stageForm.note')} autosize minRows={2} maxLength={CAMPAIGN_TEXT_LIMITS.note} {...form.input('note')} error={problems.field(form.errors.note)} />
        <Checkbox
          label={t('campaigns.stageForm.correction')}
          description={t('campaigns.stageForm.correctionHint')}
          checked={form.values.correction}
          onChange={(event) => form.set('correction', event.currentTarget.checked)}
          error={problems.field(form.errors.correction)}
        />
        <FormActions inDialog submitLabel={t('campaigns.stageForm.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
