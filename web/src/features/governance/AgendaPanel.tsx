import { Anchor, Badge, Button, Group, List, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { IconGavel, IconPencilPlus, IconPlus, IconTable, IconWriting } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { Dialog } from '../../components/Dialog';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { CloseMotion } from './CloseMotion';
import { governancePaths, type LiveMotion, type Meeting, type MeetingDetail, type Motion } from './governance';
import { MotionForm } from './MotionForm';
import { MotionResultView, useResultSentence } from './MotionResultView';
import { TellerCountForm } from './TellerCountForm';
import { useMotionLabel } from './use-motion-label';
import { WrittenVoteForm } from './WrittenVoteForm';

type Action = { kind: 'add' } | { kind: 'amend'; motion: Motion } | { kind: 'written'; motion: Motion } | { kind: 'teller'; motion: Motion } | { kind: 'close'; motion: Motion };

interface AgendaPanelProps {
  detail: MeetingDetail;
  /** Ballots so far per motion, while the meeting is convened or in session. */
  live: LiveMotion[] | undefined;
  onChanged: () => void;
}

/**
 * The agenda (議案): each motion with its amendments (voted first), its ballots so far or its result, and what the
 * clerks and the chair do with it as the meeting goes: add motions before the notice, enter written votes before
 * the session, the tellers' counts and the close of each vote in it.
 */
export function AgendaPanel({ detail, live, onChanged }: AgendaPanelProps) {
  const { t } = useTranslation();
  const { meeting, motions } = detail;
  const [action, setAction] = useState<Action | null>(null);
  const main = motions.filter((m) => !m.amendsMotionId);
  const amendmentsOf = (motion: Motion) => motions.filter((m) => m.amendsMotionId === motion.id);
  const liveOf = (motion: Motion) => live?.find((m) => m.id === motion.id);
  const done = () => {
    setAction(null);
    onChanged();
  };
  const card = (motion: Motion) => <MotionCard motion={motion} meeting={meeting} live={liveOf(motion)} onAction={setAction} />;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4" id="agenda-heading">
          {t('governance.agenda.title')}
        </Title>
        {meeting.status === 'draft' && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAction({ kind: 'add' })}>
            {t('governance.motion.add')}
          </Button>
        )}
      </Group>
      {meeting.status === 'draft' && <Text size="sm" c="dimmed">{t('governance.agenda.draftHint')}</Text>}
      {main.length === 0 ? (
        <Text>{t('governance.agenda.none')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="agenda-heading">
          {main.map((motion) => (
            <li key={motion.id}>
              <Stack gap="xs">
                {card(motion)}
                {amendmentsOf(motion).length > 0 && (
                  <Stack component="ul" gap="xs" p={0} m={0} ml={{ base: 'md', sm: 'xl' }} style={{ listStyle: 'none' }} aria-label={t('governance.agenda.amendmentsOf', { title: motion.title })}>
                    {amendmentsOf(motion).map((amendment) => (
                      <li key={amendment.id}>{card(amendment)}</li>
                    ))}
                  </Stack>
                )}
              </Stack>
            </li>
          ))}
        </Stack>
      )}

      <Dialog opened={action?.kind === 'add' || action?.kind === 'amend'} onClose={() => setAction(null)} title={t(action?.kind === 'amend' ? 'governance.motion.addAmendment' : 'governance.motion.add')}>
        {(action?.kind === 'add' || action?.kind === 'amend') && (
          <MotionForm
            meetingId={meeting.id}
            organizationId={meeting.organizationId}
            amends={action.kind === 'amend' ? action.motion : undefined}
            onCancel={() => setAction(null)}
            onAdded={(motion) => {
              notifySuccess(t('governance.motion.added', { title: motion.title }));
              done();
            }}
          />
        )}
      </Dialog>
      <Dialog opened={action?.kind === 'written'} onClose={() => setAction(null)} title={t('governance.written.title')}>
        {action?.kind === 'written' && <WrittenVoteForm meetingId={meeting.id} motion={action.motion} onRecorded={onChanged} onClose={() => setAction(null)} />}
      </Dialog>
      <Dialog opened={action?.kind === 'teller'} onClose={() => setAction(null)} title={t('governance.teller.title')}>
        {action?.kind === 'teller' && (
          <TellerCountForm
            motion={action.motion}
            onCancel={() => setAction(null)}
            onCounted={(ballots) => {
              notifySuccess(t('governance.teller.recorded', { count: ballots }));
              done();
            }}
          />
        )}
      </Dialog>
      {action?.kind === 'close' && <ClosingMotion motion={action.motion} onClose={() => setAction(null)} onClosed={done} />}
    </Stack>
  );
}

function ClosingMotion({ motion, onClose, onClosed }: { motion: Motion; onClose: () => void; onClosed: () => void }) {
  const sentence = useResultSentence();
  return (
    <CloseMotion
      motion={motion}
      opened
      onClose={onClose}
      onClosed={(result) => {
        notifySuccess(sentence(result, motion.kind, result.chairDecision, motion.candidates));
        onClosed();
      }}
    />
  );
}

interface MotionCardProps {
  motion: Motion;
  meeting: Meeting;
  live: LiveMotion | undefined;
  onAction: (action: Action) => void;
}

function MotionCard({ motion, meeting, live, onAction }: MotionCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useMotionLabel();
  const headingId = `motion-${motion.id}`;
  const open = motion.status === 'open';
  const canAmend = !motion.amendsMotionId && motion.kind !== 'election' && motion.status !== 'closed' && meeting.status !== 'closed';
  const canEnterWritten = open && meeting.status === 'convened' && meeting.writtenVoting;
  const inSession = open && meeting.status === 'in_session';
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId} bg={motion.amendsMotionId ? 'gray.0' : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={headingId}>
            {t('governance.motion.heading', { label: label(motion), title: motion.title })}
          </Title>
          <Group gap={4}>
            <Badge variant="outline" color="gray.7">
              {t(`governance.motionKind.${motion.kind}`)}
            </Badge>
            <Badge variant="filled" color={motion.status === 'open' ? 'blue.9' : motion.status === 'closed' ? 'dark' : 'gray.7'}>
              {t(`governance.motionStatus.${motion.status}`)}
            </Badge>
          </Group>
        </Group>
        {motion.body && (
          <Spoiler maxHeight={72} showLabel={t('governance.motion.showBody')} hideLabel={t('governance.motion.hideBody')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {motion.body}
            </Text>
          </Spoiler>
        )}
        {motion.bylawVersionId && <Text size="sm">{t('governance.motion.changesBylaws')}</Text>}
        {motion.kind === 'election' && (
          <Stack gap={2}>
            <Text size="sm">
              {t('governance.motion.electionLine', {
                office: motion.office ? t(`governance.office.${motion.office}`) : '',
                seats: motion.seats ?? 1,
                method: motion.electionMethod ? t(`governance.electionMethod.${motion.electionMethod}`) : '',
              })}
            </Text>
            <List size="sm" spacing={0} aria-label={t('governance.motion.candidates')}>
              {motion.candidates.map((c) => (
                <List.Item key={c.id}>{c.name}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {open && live && (
          <Text size="sm">
            {t('governance.agenda.ballotsSoFar', { ballots: formatNumber(live.ballotsCast, locale), paper: formatNumber(live.paperBallots, locale) })}
          </Text>
        )}
        {motion.status === 'closed' && motion.result && (
          <>
            <MotionResultView result={motion.result} kind={motion.kind} chairDecision={motion.chairDecision} candidates={motion.candidates} />
            {motion.voting === 'secret' && (
              <Anchor href={apiHref(governancePaths.tally(motion.id))} target="_blank" rel="noopener" size="sm">
                <Group gap={4} component="span">
                  <IconTable size={16} aria-hidden />
                  {t('governance.agenda.tally')}
                </Group>
              </Anchor>
            )}
          </>
        )}
        {(canAmend || canEnterWritten || inSession) && (
          <Group gap="xs">
            {canAmend && (
              <Button size="xs" variant="default" leftSection={<IconPencilPlus size={14} aria-hidden />} onClick={() => onAction({ kind: 'amend', motion })}>
                {t('governance.motion.addAmendment')}
              </Button>
            )}
            {canEnterWritten && (
              <Button size="xs" variant="default" leftSection={<IconWriting size={14} aria-hidden />} onClick={() => onAction({ kind: 'written', motion })}>
                {t('governance.written.title')}
              </Button>
            )}
            {inSession && (
              <>
                <Button size="xs" variant="default" onClick={() => onAction({ kind: 'teller', motion })}>
                  {t('governance.teller.title')}
                </Button>
                <Button size="xs" leftSection={<IconGavel size={14} aria-hidden />} onClick={() => onAction({ kind: 'close', motion })} aria-label={t('governance.close.buttonFor', { title: motion.title })}>
                  {t('governance.close.button')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
