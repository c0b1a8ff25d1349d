import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../errors';
import { useFormSubmit } from '../../use-form-submit';
import { CampaignAlert } from './CampaignAlert';
import { optionalText } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, MILESTONE_KINDS, type Milestone, type MilestoneKind } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

interface MilestoneValues {
  kind: MilestoneKind;
  on: string;
  titleJa: string;
  titleEn: string;
  description: string;
}

/** A milestone of the campaign's history: the network founded, the association formed, the bill, the law. */
export function MilestoneForm({ campaignId, onAdded, onCancel }: { campaignId: string; onAdded: (milestone: Milestone) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const problems = useCampaignProblems();
  const form = useFormSubmit<MilestoneValues>({
    initialValues: { kind: 'other', on: '', titleJa: '', titleEn: '', description: '' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.on) errors.on = 'required';
      if (!values.titleJa.trim()) errors.titleJa = 'required';
      return errors;
    },
    send: async (values) => {
      onAdded(await campaignApi.addMilestone(campaignId, {
        kind: values.kind,
        on: values.on,
        titleJa: values.titleJa.trim(),
        titleEn: optionalText(values.titleEn),
        description: optionalText(values.description),
      }));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const error = (field: keyof MilestoneValues) => problems.field(form.errors[field]);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <CampaignAlert failure={form.failure} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('campaigns.milestones.kind')}
            data-autofocus
            data={MILESTONE_KINDS.map((kind) => ({ value: kind, label: t(`campaigns.milestoneKind.${kind}`) }))}
            value={form.values.kind}
            onChange={(event) => {
              const kind = MILESTONE_KINDS.find((k) => k === event.currentTarget.value);
              if (kind) form.set('kind', kind);
            }}
            error={error('kind')}
          />
          <TextInput label={t('campaigns.milestones.on')} type="date" required {...form.input('on')} error={error('on')} />
        </SimpleGrid>
        <TextInput label={t('campaigns.milestones.titleJa')} required lang="ja" maxLength={CAMPAIGN_TEXT_LIMITS.title} {...form.input('titleJa')} error={error('titleJa')} />
        <TextInput label={t('campaigns.milestones.titleEn')} lang="en" maxLength={CAMPAIGN_TEXT_LIMITS.title} {...form.input('titleEn')} error={error('titleEn')} />
        <Textarea label={t('campaigns.milestones.description')} autosize minRows={2} maxLength={CAMPAIGN_TEXT_LIMITS.note} {...form.input('description')} error={error('description')} />
        <FormActions inDialog submitLabel={t('campaigns.milestones.add')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
