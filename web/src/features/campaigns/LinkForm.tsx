import { Group, TextInput, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../errors';
import { useFormSubmit } from '../../use-form-submit';
import { CampaignAlert } from './CampaignAlert';
import { isWebAddress } from './campaign-values';
import { campaignApi, CAMPAIGN_TEXT_LIMITS, type TargetLink } from './campaigns';
import { useCampaignProblems } from './use-campaign-problems';

interface LinkValues {
  title: string;
  url: string;
}

/** A document or page about a target (the adopted letter on the assembly's site): a title and an http(s) address. */
export function LinkForm({ targetId, onAdded }: { targetId: string; onAdded: (link: TargetLink) => void }) {
  const { t } = useTranslation();
  const problems = useCampaignProblems();
  const form = useFormSubmit<LinkValues>({
    initialValues: { title: '', url: '' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.title.trim()) errors.title = 'required';
      if (!values.url.trim()) errors.url = 'required';
      else if (!isWebAddress(values.url)) errors.url = 'not_web_address';
      return errors;
    },
    send: async (values) => {
      onAdded(await campaignApi.addLink(targetId, { title: values.title.trim(), url: values.url.trim() }));
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'reset',
  });

  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={t('campaigns.links.add')}>
      <CampaignAlert failure={form.failure} errors={{}} />
      <Group align="flex-start" gap="sm">
        <TextInput label={t('campaigns.links.linkTitle')} required maxLength={CAMPAIGN_TEXT_LIMITS.title} {...form.input('title')} error={problems.field(form.errors.title)} miw={200} />
        <TextInput
          label={t('campaigns.links.url')}
          description={t('campaigns.links.urlHint')}
          required
          type="url"
          maxLength={CAMPAIGN_TEXT_LIMITS.url}
          {...form.input('url')}
          error={problems.field(form.errors.url)}
          miw={280}
          style={{ flex: 1 }}
        />
        <Button type="submit" mt={24} variant="default" loading={form.submitting} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('campaigns.links.add')}
        </Button>
      </Group>
    </form>
  );
}
