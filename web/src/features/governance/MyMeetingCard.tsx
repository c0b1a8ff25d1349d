import { Anchor, Divider, Group, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { BallotForm } from './BallotForm';
import { DocumentList } from './DocumentsPanel';
import type { MyMeeting, MyMotion } from './governance';
import { NoticeLinks } from './MeetingDownloads';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { MemberProxy } from './MemberProxy';
import { MotionResultView } from './MotionResultView';
import { ReceiptCheck } from './ReceiptCheck';
import { ReceiptNotice } from './ReceiptNotice';
import { useMotionLabel } from './use-motion-label';
import { takesElectronicVotes } from './voting-window';

/** Receipts shown on this page since it was opened, by motion and by whom the vote was for. */
export type Receipts = Record<string, string>;
export const receiptKey = (motionId: string, forPersonId: string | null) => `${motionId}:${forPersonId ?? 'self'}`;

interface MyMeetingCardProps {
  item: MyMeeting;
  /** The member's own person, when the session tells it: not offered as their own proxy. */
  personId: string | null;
  receipts: Receipts;
  onVoted: (key: string, receipt: string) => void;
  onChanged: () => void;
}

/** One of a member's meetings: the notice and documents, their proxy, and each motion to vote on or its result. */
export function MyMeetingCard({ item, personId, receipts, onVoted, onChanged }: MyMeetingCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = item;
  const headingId = `my-meeting-${meeting.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h3" id={headingId}>
              {meeting.title}
            </Title>
            <MeetingStatusBadge status={meeting.status} />
          </Group>
          <Text size="sm">
            {t(`governance.bodyKind.${meeting.bodyKind}`)} · {formatDateTime(meeting.startsAt, locale)}
            {meeting.place ? ` · ${meeting.place}` : ''}
          </Text>
          {meeting.onlineUrl && (
            <Anchor href={meeting.onlineUrl} target="_blank" rel="noopener" size="sm">
              {t('governance.my.joinOnline')}
            </Anchor>
          )}
          {meeting.votingDeadline && meeting.status === 'convened' && (
            <Text size="sm">{t('governance.my.deadline', { date: formatDateTime(meeting.votingDeadline, locale) })}</Text>
          )}
        </Stack>
        <Stack gap="xs">
          <NoticeLinks meetingId={meeting.id} />
          {item.documents.length > 0 && <DocumentList documents={item.documents} />}
        </Stack>
        <MemberProxy item={item} personId={personId} onChanged={onChanged} />
        <Divider />
        <Stack gap="lg">
          {item.motions.map((motion) => (
            <MyMotionItem key={motion.id} motion={motion} item={item} receipts={receipts} onVoted={onVoted} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

interface MyMotionItemProps {
  motion: MyMotion;
  item: MyMeeting;
  receipts: Receipts;
  onVoted: (key: string, receipt: string) => void;
}

function MyMotionItem({ motion, item, receipts, onVoted }: MyMotionItemProps) {
  const { t } = useTranslation();
  const label = useMotionLabel();
  const headingId = `my-motion-${motion.id}`;
  const open = motion.status === 'open';
  const electronic = takesElectronicVotes(item.meeting);
  const own = receipts[receiptKey(motion.id, null)];
  const forOthers = item.proxiesHeld.filter((p) => !motion.votedFor.includes(p.personId));
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} ml={motion.amendsMotionId ? 'lg' : 0}>
      <Title order={3} size="h5" id={headingId}>
        {t('governance.motion.heading', { label: label(motion), title: motion.title })}
      </Title>
      {motion.body && (
        <Spoiler maxHeight={72} showLabel={t('governance.motion.showBody')} hideLabel={t('governance.motion.hideBody')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {motion.body}
          </Text>
        </Spoiler>
      )}
      {open && (
        <>
          {own && <ReceiptNotice receipt={own} />}
          {motion.voted ? (
            !own && (
              <Group gap={6}>
                <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden />
                <Text size="sm">{t('governance.my.voted')}</Text>
              </Group>
            )
          ) : electronic ? (
            <BallotForm motion={motion} forPersonId={null} onVoted={(receipt) => onVoted(receiptKey(motion.id, null), receipt)} />
          ) : (
            <Text size="sm" c="dimmed">
              {t(item.meeting.electronicVoting ? 'governance.my.deadlinePassed' : 'governance.my.noElectronic')}
            </Text>
          )}
          {item.proxiesHeld.map((grantor) => {
            const receipt = receipts[receiptKey(motion.id, grantor.personId)];
            return receipt ? <ReceiptNotice key={grantor.personId} receipt={receipt} forName={grantor.name} /> : null;
          })}
          {electronic &&
            forOthers.map((grantor) => (
              <Stack key={grantor.personId} gap={4} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
                <Text size="sm" fw={700}>
                  {t('governance.my.asProxyFor', { name: grantor.name })}
                </Text>
                <BallotForm
                  motion={{ ...motion, title: t('governance.my.ballotFor', { title: motion.title, name: grantor.name }) }}
                  forPersonId={grantor.personId}
                  onVoted={(receipt) => onVoted(receiptKey(motion.id, grantor.personId), receipt)}
                />
              </Stack>
            ))}
        </>
      )}
      {motion.status === 'closed' && motion.result && (
        <Stack gap="xs">
          <MotionResultView result={motion.result} kind={motion.kind} chairDecision={motion.chairDecision} candidates={motion.candidates} />
          <ReceiptCheck motionId={motion.id} candidates={motion.candidates} initialReceipt={own} />
        </Stack>
      )}
    </Stack>
  );
}
