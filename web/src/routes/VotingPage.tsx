import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { governancePaths, type MyMeeting } from '../features/governance/governance';
import { MyMeetingCard, type Receipts } from '../features/governance/MyMeetingCard';
import { canVote } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** 投票: a member's meetings — the notice and documents, their proxy, their ballots and receipts, and the results. */
export function VotingPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('governance.my.title')} />
      {canVote(me) ? (
        <MyMeetings personId={me.personId ?? null} />
      ) : (
        <Alert color="gray">{t('governance.my.notAMember')}</Alert>
      )}
    </>
  );
}

function MyMeetings({ personId }: { personId: string | null }) {
  const { t } = useTranslation();
  const meetings = useResource<Items<MyMeeting>>(governancePaths.myMeetings);
  // A receipt is shown once, when the vote is cast; the server never links it to the voter again.
  const [receipts, setReceipts] = useState<Receipts>({});
  const voted = (key: string, receipt: string) => {
    setReceipts((current) => ({ ...current, [key]: receipt }));
    meetings.reload();
  };
  // A member account linked to no membership has no meetings of its own.
  if (meetings.error?.code === 'forbidden') return <Alert color="gray">{t('governance.my.notAMember')}</Alert>;
  return (
    <Loaded resource={meetings}>
      {({ items }) =>
        items.length === 0 ? (
          <Text>{t('governance.my.none')}</Text>
        ) : (
          <Stack gap="lg">
            <Text size="sm" c="dimmed">
              {t('governance.my.intro')}
            </Text>
            {items.map((item) => (
              <MyMeetingCard key={item.meeting.id} item={item} personId={personId} receipts={receipts} onVoted={voted} onChanged={meetings.reload} />
            ))}
          </Stack>
        )
      }
    </Loaded>
  );
}
