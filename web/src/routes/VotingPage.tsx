import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { governancePaths, type MyMeeting } from '../features/governance/governance';
import { MyMeetingCard, type Receipts } from '../features/governance/MyMeetingCard';
import { keepReceiptOfVote, keptReceipts } from '../features/portal/receipt-store';
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
        <MyMeetings personId={me.personId ?? null} userId={me.id} />
      ) : (
        <Alert color="gray">{t('governance.my.notAMember')}</Alert>
      )}
    </>
  );
}

function MyMeetings({ personId, userId }: { personId: string | null; userId: string }) {
  const { t } = useTranslation();
  const meetings = useResource<Items<MyMeeting>>(governancePaths.myMeetings);
  // The server never links a receipt to the voter again: only this browser keeps it (for マイページ and the checks).
  const [receipts, setReceipts] = useState<Receipts>(() => keptReceipts(userId));
  const voted = (key: string, receipt: string) => {
    setReceipts((current) => ({ ...current, [key]: receipt }));
    keepReceiptOfVote(userId, key, receipt, meetings.data?.items ?? []);
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
