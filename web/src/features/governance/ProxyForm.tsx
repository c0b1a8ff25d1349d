import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { governanceApi } from './governance';
import { VoterPicker } from './VoterPicker';

interface ProxyFormProps {
  meetingId: string;
  onAppointed: () => void;
  onCancel: () => void;
}

interface Values {
  grantorPersonId: string;
  holderPersonId: string;
}

/** A clerk enters a proxy form (委任状) from paper: who appoints whom, before the session opens. */
export function ProxyForm({ meetingId, onAppointed, onCancel }: ProxyFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<Values>({
    initialValues: { grantorPersonId: '', holderPersonId: '' },
    check: (values) => ({ grantorPersonId: values.grantorPersonId ? undefined : 'required', holderPersonId: values.holderPersonId ? undefined : 'required' }),
    send: async (values) => {
      await governanceApi.appointProxy(meetingId, values.holderPersonId, values.grantorPersonId);
      onAppointed();
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <Text size="sm">{t('governance.proxy.clerkIntro')}</Text>
        <VoterPicker
          meetingId={meetingId}
          label={t('governance.proxy.grantor')}
          value={form.values.grantorPersonId}
          onChange={(personId) => form.set('grantorPersonId', personId)}
          error={form.error('grantorPersonId')}
        />
        <VoterPicker
          meetingId={meetingId}
          label={t('governance.proxy.holder')}
          value={form.values.holderPersonId}
          onChange={(personId) => form.set('holderPersonId', personId)}
          error={form.error('holderPersonId')}
          excludePersonId={form.values.grantorPersonId || null}
        />
        <FormActions inDialog submitLabel={t('governance.proxy.appoint')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
