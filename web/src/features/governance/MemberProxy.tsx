import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../errors';
import { notifyError, notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { governanceApi, type MyMeeting } from './governance';
import { VoterPicker } from './VoterPicker';

interface MemberProxyProps {
  item: MyMeeting;
  /** The member's own person, when the session tells it: not offered as their own proxy. */
  personId: string | null;
  onChanged: () => void;
}

/**
 * A member's proxy (代理人) for a meeting they cannot attend: appointed among the other voters, or revoked, before
 * the session opens; and the members whose proxy they hold.
 */
export function MemberProxy({ item, personId, onChanged }: MemberProxyProps) {
  const { t } = useTranslation();
  const { meeting, proxy, proxiesHeld, motions } = item;
  const open = meeting.status === 'convened';
  const votedAlready = motions.some((m) => m.voted);
  return (
    <Stack gap="xs">
      {proxy ? (
        <Group gap="sm">
          <Text size="sm">{t('governance.proxy.yours', { name: proxy.name })}</Text>
          {open && <RevokeProxy meetingId={meeting.id} onRevoked={onChanged} />}
        </Group>
      ) : open && meeting.proxyAllowed ? (
        votedAlready ? (
          <Text size="sm" c="dimmed">
            {t('governance.proxy.votedAlready')}
          </Text>
        ) : (
          <AppointProxy meetingId={meeting.id} personId={personId} onAppointed={onChanged} />
        )
      ) : null}
      {proxiesHeld.length > 0 && (
        <Text size="sm">{t('governance.proxy.held', { names: proxiesHeld.map((p) => p.name).join(t('common.listSeparator')) })}</Text>
      )}
    </Stack>
  );
}

function AppointProxy({ meetingId, personId, onAppointed }: { meetingId: string; personId: string | null; onAppointed: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const form = useFormSubmit<{ holderPersonId: string }>({
    initialValues: { holderPersonId: '' },
    check: ({ holderPersonId }) => ({ holderPersonId: holderPersonId ? undefined : 'required' }),
    send: async ({ holderPersonId }) => {
      await governanceApi.appointProxy(meetingId, holderPersonId, null);
      notifySuccess(t('governance.proxy.appointedYours', { name }));
      onAppointed();
    },
    report: 'alert',
    focusInvalid: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="xs">
        <FormAlert failure={form.failure} />
        <Group align="flex-end" gap="sm">
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <VoterPicker
              meetingId={meetingId}
              label={t('governance.proxy.choose')}
              description={t('governance.proxy.chooseHint')}
              value={form.values.holderPersonId}
              onChange={(holder, label) => {
                form.set('holderPersonId', holder);
                setName(label);
              }}
              excludePersonId={personId}
              error={form.error('holderPersonId')}
            />
          </div>
          <Button type="submit" variant="default" loading={form.submitting}>
            {t('governance.proxy.appoint')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeProxy({ meetingId, onRevoked }: { meetingId: string; onRevoked: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await governanceApi.revokeProxy(meetingId, null);
      notifySuccess(t('governance.proxy.revokedYours'));
      onRevoked();
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="xs" variant="default" loading={busy} onClick={() => void revoke()}>
      {t('governance.proxy.revoke')}
    </Button>
  );
}
