import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { ballotOf, emptyBallot, type BallotDraft } from './ballot-values';
import { BallotInput } from './BallotInput';
import { governanceApi, type Motion } from './governance';
import { ReceiptNotice } from './ReceiptNotice';
import { VoterPicker } from './VoterPicker';

interface WrittenVoteFormProps {
  meetingId: string;
  motion: Motion;
  onRecorded: () => void;
  onClose: () => void;
}

interface Values {
  personId: string;
  choice: BallotDraft;
}

/**
 * A clerk enters a written vote (書面議決) from the member's paper form, before the meeting opens; the receipt goes
 * back to the member. Form after form: once one is entered the next starts empty.
 */
export function WrittenVoteForm({ meetingId, motion, onRecorded, onClose }: WrittenVoteFormProps) {
  const { t } = useTranslation();
  const [entered, setEntered] = useState<{ receipt: string; name: string } | null>(null);
  const [round, setRound] = useState(0);
  if (entered) {
    return (
      <Stack>
        <ReceiptNotice receipt={entered.receipt} forName={entered.name} written />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button
            data-autofocus
            onClick={() => {
              setEntered(null);
              setRound((n) => n + 1);
            }}
          >
            {t('governance.written.next')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <WrittenVoteFields
      key={round}
      meetingId={meetingId}
      motion={motion}
      onCancel={onClose}
      onEntered={(receipt, name) => {
        setEntered({ receipt, name });
        onRecorded();
      }}
    />
  );
}

function WrittenVoteFields({ meetingId, motion, onCancel, onEntered }: { meetingId: string; motion: Motion; onCancel: () => void; onEntered: (receipt: string, name: string) => void }) {
  const { t } = useTranslation();
  const [voterName, setVoterName] = useState('');
  const form = useFormSubmit<Values>({
    initialValues: { personId: '', choice: emptyBallot() },
    check: ({ personId, choice }) => {
      const ballot = ballotOf(motion, choice);
      return { personId: personId ? undefined : 'required', choice: 'problem' in ballot ? ballot.problem : undefined };
    },
    send: async ({ personId, choice }) => {
      const ballot = ballotOf(motion, choice);
      if ('problem' in ballot) return;
      const { receipt } = await governanceApi.writtenVote(motion.id, personId, ballot.choice);
      onEntered(receipt, voterName);
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
        <Text size="sm">{t('governance.written.intro')}</Text>
        <VoterPicker
          meetingId={meetingId}
          label={t('governance.written.voter')}
          value={form.values.personId}
          onChange={(personId, label) => {
            form.set('personId', personId);
            setVoterName(label);
          }}
          error={form.error('personId')}
        />
        <BallotInput motion={motion} draft={form.values.choice} onChange={(draft) => form.set('choice', draft)} legend={motion.title} error={form.error('choice')} />
        <FormActions inDialog submitLabel={t('governance.written.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
