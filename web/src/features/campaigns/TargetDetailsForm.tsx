import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unlessStale } from '../../api';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../errors';
import { useFormSubmit } from '../../use-form-submit';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import { CampaignAlert } from './CampaignAlert';
import { optionalText, textOf } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, type Target } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

interface DetailsValues {
  responsibleOrganizationId: string;
  responsiblePerson: string;
  notes: string;
}

interface TargetDetailsFormProps {
  target: Target;
  organizations: Organization[];
  onSaved: (target: Target) => void;
  onCancel: () => void;
  onStale: () => void;
}

/** Who answers for a target (an organization and a person) and the notes on it, saved at the version that was read. */
export function TargetDetailsForm({ target, organizations, onSaved, onCancel, onStale }: TargetDetailsFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const problems = useCampaignProblems();
  const form = useFormSubmit<DetailsValues>({
    initialValues: { responsibleOrganizationId: textOf(target.responsibleOrganizationId), responsiblePerson: textOf(target.responsiblePerson), notes: textOf(target.notes) },
    check: (values) => {
      const errors: FieldErrors = {};
      if ([...values.responsiblePerson.trim()].length > CAMPAIGN_TEXT_LIMITS.person) errors.responsiblePerson = 'too_long';
      if ([...values.notes].length > CAMPAIGN_TEXT_LIMITS.note) errors.notes = 'too_long';
      return errors;
    },
    send: async (values) => {
      onSaved(await unlessStale(campaignApi.updateTarget(target, {
        responsibleOrganizationId: values.responsibleOrganizationId || null,
        responsiblePerson: optionalText(values.responsiblePerson),
        notes: optionalText(values.notes),
      }), onStale));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <CampaignAlert failure={form.failure} errors={form.errors} />
        <NativeSelect
          label={t('campaigns.target.responsibleOrganization')}
          data-autofocus
          {...form.input('responsibleOrganizationId')}
          error={problems.field(form.errors.responsibleOrganizationId)}
          data={[{ value: '', label: t('common.notSet') }, ...organizations.map((o) => ({ value: o.id, label: labels.organizationName(o) }))]}
        />
        <TextInput label={t('campaigns.target.responsiblePerson')} maxLength={CAMPAIGN_TEXT_LIMITS.person} {...form.input('responsiblePerson')} error={problems.field(form.errors.responsiblePerson)} />
        <Textarea label={t('campaigns.target.notes')} autosize minRows={3} maxLength={CAMPAIGN_TEXT_LIMITS.note} {...form.input('notes')} error={problems.field(form.errors.notes)} />
        <FormActions inDialog submitLabel={t('common.save')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
