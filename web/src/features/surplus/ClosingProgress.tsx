import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconCalculator, IconDownload, IconGavel, IconMail } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiHref, withQuery } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../errors';
import { formatDateTime, formatFiscalYear } from '../../format';
import { useLocale } from '../../i18n';
import { notifyError, notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { capitalPaths } from '../capital/capital';
import { governancePaths, meetingPages, type MeetingDetail } from '../governance/governance';
import { useMotionLabel } from '../governance/use-motion-label';
import { ProposeClosingForm } from './ProposeClosingForm';
import { SubmitClosingForm } from './SubmitClosingForm';
import { changeClosing, surplusApi, type Closing } from './surplus';

interface ClosingProgressProps {
  closing: Closing;
  /** The organization's other closes, for the years the recompute form offers. */
  closings: Closing[];
  fiscalYearStartMonth: number;
  /** The organization's administrator (or the federation's) proposes, puts to the assembly and withdraws. */
  canClose: boolean;
  /** The close changed (or a new one replaced it): show it. */
  onChanged: (closing: Closing | null) => void;
}

type Opened = 'recompute' | 'submit' | 'withdraw' | 'mail' | null;

/**
 * Where a close stands and what may happen next: a draft is recomputed, put to a general assembly or withdrawn; a
 * close before the assembly links to its motion; a posted one tells when it went into the ledger.
 */
export function ClosingProgress({ closing, closings, fiscalYearStartMonth, canClose, onChanged }: ClosingProgressProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [opened, setOpened] = useState<Opened>(null);
  const [withdrawing, { open: startWithdrawing, close: stopWithdrawing }] = useDisclosure(false);
  const [mailing, { open: startMailing, close: stopMailing }] = useDisclosure(false);
  const year = formatFiscalYear(closing.fiscalYear, locale);
  const close = () => setOpened(null);

  const withdraw = async () => {
    startWithdrawing();
    try {
      const withdrawn = await changeClosing(() => surplusApi.withdraw(closing.id, closing.version), () => onChanged(null));
      notifySuccess(t('surplus.progress.withdrawDone', { year }));
      close();
      onChanged(withdrawn);
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      stopWithdrawing();
    }
  };

  const mailStatements = async () => {
    startMailing();
    try {
      const sending = await surplusApi.sendStatements(closing.id);
      notifySuccess(t('surplus.progress.mailStarted', { count: sending.recipients, without: sending.withoutEmail }));
      close();
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      stopMailing();
    }
  };

  return (
    <Stack gap="sm">
      <Paper component="section" aria-labelledby="closing-progress-heading" withBorder p="md">
        <Title order={2} size="h4" id="closing-progress-heading" mb={6}>
          {t(`surplus.progress.${closing.status}.title`)}
        </Title>
        <Stack gap={6}>
          <Text size="sm">{t(`surplus.progress.${closing.status}.text`, { year })}</Text>
          {closing.meetingId && closing.motionId && <MotionLink meetingId={closing.meetingId} motionId={closing.motionId} />}
          {closing.status === 'posted' && closing.postedAt && (
            <>
              <Text size="sm">{t('surplus.progress.postedOn', { at: formatDateTime(closing.postedAt, locale), by: closing.postedBy ?? t('history.system') })}</Text>
              <Group gap="md">
                <Anchor size="sm" component={Link} to={withQuery('/capital', { organization: closing.organizationId })}>
                  {t('surplus.progress.toCapital')}
                </Anchor>
                <Anchor size="sm" href={apiHref(capitalPaths.journal(closing.organizationId))} download="capital.journal">
                  <IconDownload size={14} aria-hidden /> {t('capital.downloads.journal')}
                </Anchor>
              </Group>
              {closing.statementsMailed && (
                <Text size="sm">
                  {t('surplus.progress.mailed', {
                    at: formatDateTime(closing.statementsMailed.at, locale), sent: closing.statementsMailed.sent,
                    without: closing.statementsMailed.withoutEmail, failed: closing.statementsMailed.failures.length,
                  })}
                </Text>
              )}
            </>
          )}
        </Stack>
      </Paper>
      {canClose && closing.status === 'draft' && (
        <Group gap="xs">
          <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={() => setOpened('submit')}>
            {t('surplus.submit.open')}
          </Button>
          <Button variant="default" leftSection={<IconCalculator size={16} aria-hidden />} onClick={() => setOpened('recompute')}>
            {t('surplus.form.recompute')}
          </Button>
          <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setOpened('withdraw')}>
            {t('surplus.progress.withdraw')}
          </Button>
        </Group>
      )}
      {canClose && closing.status === 'posted' && (
        <Group>
          <Button variant="default" leftSection={<IconMail size={16} aria-hidden />} onClick={() => setOpened('mail')}>
            {t('surplus.progress.mail')}
          </Button>
        </Group>
      )}
      {canClose && closing.status === 'rejected' && (
        <Group>
          <Button variant="default" leftSection={<IconCalculator size={16} aria-hidden />} onClick={() => setOpened('recompute')}>
            {t('surplus.progress.proposeAgain')}
          </Button>
        </Group>
      )}
      <Dialog opened={opened === 'recompute'} onClose={close} title={t(closing.status === 'draft' ? 'surplus.form.recompute' : 'surplus.progress.proposeAgain')}>
        <ProposeClosingForm
          organizationId={closing.organizationId}
          fiscalYearStartMonth={fiscalYearStartMonth}
          closings={closings}
          from={closing}
          onCancel={close}
          onProposed={(proposed) => {
            notifySuccess(t('surplus.form.proposed', { year: formatFiscalYear(proposed.fiscalYear, locale) }));
            close();
            onChanged(proposed);
          }}
        />
      </Dialog>
      <Dialog opened={opened === 'submit'} onClose={close} title={t('surplus.submit.open')}>
        <SubmitClosingForm
          closing={closing}
          onCancel={close}
          onChanged={() => onChanged(null)}
          onSubmitted={(submitted) => {
            notifySuccess(t('surplus.submit.done', { year }));
            close();
            onChanged(submitted);
          }}
        />
      </Dialog>
      <ConfirmDialog
        opened={opened === 'mail'}
        title={t('surplus.progress.mail')}
        message={t('surplus.progress.mailConfirm', { year })}
        confirmLabel={t('surplus.progress.mail')}
        busy={mailing}
        onConfirm={() => void mailStatements()}
        onCancel={close}
      />
      <ConfirmDialog
        opened={opened === 'withdraw'}
        title={t('surplus.progress.withdraw')}
        message={t('surplus.progress.withdrawConfirm', { year })}
        confirmLabel={t('surplus.progress.withdraw')}
        busy={withdrawing}
        onConfirm={() => void withdraw()}
        onCancel={close}
      />
    </Stack>
  );
}

/** The motion the close was put to, on its meeting's agenda: 第1号議案 2025年度 剰余金処分案承認の件 (第1回通常総会). */
function MotionLink({ meetingId, motionId }: { meetingId: string; motionId: string }) {
  const { t } = useTranslation();
  const label = useMotionLabel();
  const detail = useResource<MeetingDetail>(governancePaths.meeting(meetingId));
  const motion = detail.data?.motions.find((m) => m.id === motionId);
  const to = `${meetingPages.meeting(meetingId)}#motion-${encodeURIComponent(motionId)}`;
  return (
    <Anchor size="sm" component={Link} to={to} fw={700}>
      {detail.data && motion
        ? t('surplus.progress.motion', { label: label(motion), title: motion.title, meeting: detail.data.meeting.title })
        : t('surplus.progress.motionLoading')}
    </Anchor>
  );
}
