import { Button, Checkbox, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useFormSubmit } from '../../use-form-submit';
import { useMemberKindChoices } from '../members/use-member-kinds';
import { portalApi, type InvitationChannel, type InvitationLanguage } from './portal';

interface InvitationValues {
  who: 'all' | 'kinds';
  kinds: string[];
  channel: InvitationChannel;
  language: InvitationLanguage;
}

const CHANNELS: readonly InvitationChannel[] = ['auto', 'email', 'letter'];
const LANGUAGES: readonly InvitationLanguage[] = ['member', 'ja', 'en'];

/** 招待を送る: the members (all, or of chosen kinds), e-mail or letter, and the language; starts a batch. */
export function InvitationForm({ organizationId, onStarted }: { organizationId: string; onStarted: (batchId: string) => void }) {
  const { t } = useTranslation();
  const kinds = useMemberKindChoices(organizationId);
  const form = useFormSubmit<InvitationValues>({
    initialValues: { who: 'all', kinds: [], channel: 'auto', language: 'member' },
    check: (values) => ({ kinds: values.who === 'kinds' && values.kinds.length === 0 ? 'required' : undefined }),
    send: async (values) => {
      const { batchId } = await portalApi.invite(organizationId, {
        ...(values.who === 'kinds' ? { kinds: values.kinds } : {}),
        channel: values.channel,
        language: values.language,
      });
      onStarted(batchId);
    },
    report: 'alert',
    focusInvalid: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert failure={form.failure} />
        <Radio.Group label={t('portal.invitations.who')} value={form.values.who} onChange={(value) => form.set('who', value === 'kinds' ? 'kinds' : 'all')}>
          <Stack gap="xs" mt="xs">
            <Radio value="all" label={t('portal.invitations.all')} />
            <Radio value="kinds" label={t('portal.invitations.byKind')} />
          </Stack>
        </Radio.Group>
        {form.values.who === 'kinds' && (
          <Checkbox.Group label={t('portal.invitations.kinds')} value={form.values.kinds} onChange={(value) => form.set('kinds', value)} error={form.error('kinds')} pl="lg">
            <Stack gap="xs" mt="xs">
              {kinds.map((kind) => (
                <Checkbox key={kind.value} value={kind.value} label={kind.label} aria-invalid={form.errors.kinds ? true : undefined} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Radio.Group label={t('portal.invitations.channel')} value={form.values.channel} onChange={(value) => form.set('channel', CHANNELS.find((c) => c === value) ?? 'auto')}>
          <Stack gap="xs" mt="xs">
            {CHANNELS.map((channel) => (
              <Radio key={channel} value={channel} label={t(`portal.invitations.channelName.${channel}`)} description={t(`portal.invitations.channelHint.${channel}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('portal.invitations.language')} value={form.values.language} onChange={(value) => form.set('language', LANGUAGES.find((l) => l === value) ?? 'member')}>
          <Stack gap="xs" mt="xs">
            {LANGUAGES.map((language) => (
              <Radio key={language} value={language} label={t(`portal.invitations.languageName.${language}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">{t('portal.invitations.revokeNote')}</Text>
        <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
          {t('portal.invitations.start')}
        </Button>
      </Stack>
    </form>
  );
}
