import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import type { FieldErrors } from '../../errors';
import { useFormSubmit } from '../../use-form-submit';
import { CampaignAlert } from './CampaignAlert';
import { optionalText } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, OTHER_TARGET_KINDS, type OtherTargetKind, type Target } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

interface OtherTargetValues {
  kind: OtherTargetKind;
  nameJa: string;
  nameEn: string;
}

/** A target that is not a local government: a parliamentary group, a party, a ministry, another body. */
export function OtherTargetForm({ campaignId, onAdded, onCancel }: { campaignId: string; onAdded: (target: Target) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const problems = useCampaignProblems();
  const form = useFormSubmit<OtherTargetValues>({
    initialValues: { kind: 'parliamentary-group', nameJa: '', nameEn: '' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.nameJa.trim()) errors.nameJa = 'required';
      return errors;
    },
    send: async (values) => {
      onAdded(await campaignApi.addTarget(campaignId, { kind: values.kind, nameJa: values.nameJa.trim(), nameEn: optionalText(values.nameEn) }));
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
          label={t('campaigns.otherTarget.kind')}
          data-autofocus
          data={OTHER_TARGET_KINDS.map((kind) => ({ value: kind, label: t(`campaigns.kind.${kind}`) }))}
          value={form.values.kind}
          onChange={(event) => {
            const kind = OTHER_TARGET_KINDS.find((k) => k === event.currentTarget.value);
            if (kind) form.set('kind', kind);
          }}
          error={problems.field(form.errors.kind)}
        />
        <TextInput label={t('campaigns.otherTarget.nameJa')} required lang="ja" maxLength={CAMPAIGN_TEXT_LIMITS.name} {...form.input('nameJa')} error={problems.field(form.errors.nameJa)} />
        <TextInput label={t('campaigns.otherTarget.nameEn')} lang="en" maxLength={CAMPAIGN_TEXT_LIMITS.name} {...form.input('nameEn')} error={problems.field(form.errors.nameEn)} />
        <FormActions inDialog submitLabel={t('campaigns.otherTarget.add')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
