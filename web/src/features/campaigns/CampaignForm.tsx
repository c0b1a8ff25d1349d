import { Checkbox, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unlessStale } from '../../api';
import { FormActions } from '../../components/FormActions';
import { formatNumber, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { CampaignAlert } from './CampaignAlert';
import { checkCampaignValues, newCampaignValues, textOf, toCampaignInput, type CampaignFormValues } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, LOCAL_GOVERNMENT_TARGETS, type Campaign } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

interface CampaignFormProps {
  organizationId: string;
  /** The campaign corrected; none for a new one. */
  campaign?: Campaign;
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
  /** Someone else saved the campaign first: the page reads it again. */
  onStale?: () => void;
}

/** A campaign: its names, goal and period; a new one may take every local government as a target at once. */
export function CampaignForm({ organizationId, campaign, onSaved, onCancel, onStale }: CampaignFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const problems = useCampaignProblems();
  const form = useFormSubmit<CampaignFormValues>({
    initialValues: campaign
      ? { nameJa: campaign.nameJa, nameEn: textOf(campaign.nameEn), goalJa: campaign.goalJa, goalEn: textOf(campaign.goalEn), periodFrom: campaign.periodFrom, periodUntil: textOf(campaign.periodUntil), includeLocalGovernments: false }
      : newCampaignValues(todayInJapan()),
    check: checkCampaignValues,
    send: async (values) => {
      const input = toCampaignInput(values);
      onSaved(await unlessStale(campaign ? campaignApi.update(campaign, input) : campaignApi.create(organizationId, { ...input, includeLocalGovernments: values.includeLocalGovernments }), onStale));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const error = (field: keyof CampaignFormValues) => problems.field(form.errors[field]);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <CampaignAlert failure={form.failure} errors={form.errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('campaigns.form.nameJa')} required lang="ja" data-autofocus maxLength={CAMPAIGN_TEXT_LIMITS.name} {...form.input('nameJa')} error={error('nameJa')} />
          <TextInput label={t('campaigns.form.nameEn')} lang="en" maxLength={CAMPAIGN_TEXT_LIMITS.name} {...form.input('nameEn')} error={error('nameEn')} />
        </SimpleGrid>
        <Textarea label={t('campaigns.form.goalJa')} required lang="ja" autosize minRows={2} maxLength={CAMPAIGN_TEXT_LIMITS.goal} {...form.input('goalJa')} error={error('goalJa')} />
        <Textarea label={t('campaigns.form.goalEn')} lang="en" autosize minRows={2} maxLength={CAMPAIGN_TEXT_LIMITS.goal} {...form.input('goalEn')} error={error('goalEn')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('campaigns.form.periodFrom')} type="date" required {...form.input('periodFrom')} error={error('periodFrom')} />
          <TextInput label={t('campaigns.form.periodUntil')} description={t('campaigns.form.periodUntilHint')} type="date" {...form.input('periodUntil')} error={error('periodUntil')} />
        </SimpleGrid>
        {!campaign && (
          <Checkbox
            label={t('campaigns.form.includeLocalGovernments', { number: formatNumber(LOCAL_GOVERNMENT_TARGETS, locale) })}
            description={t('campaigns.form.includeLocalGovernmentsHint')}
            checked={form.values.includeLocalGovernments}
            onChange={(event) => form.set('includeLocalGovernments', event.currentTarget.checked)}
          />
        )}
        <FormActions inDialog submitLabel={campaign ? t('common.save') : t('campaigns.form.create')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
