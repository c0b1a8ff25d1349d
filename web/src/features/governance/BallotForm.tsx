import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useFormSubmit } from '../../use-form-submit';
import { ballotOf, emptyBallot, type BallotDraft, type BallotMotion } from './ballot-values';
import { BallotInput } from './BallotInput';
import { governanceApi } from './governance';

export interface BallotFormProps {
  motion: BallotMotion & { id: string; title: string; seats: number | null };
  /** Voting as proxy for this member; null for one's own vote. */
  forPersonId: string | null;
  onVoted: (receipt: string) => void;
}

/** A member's electronic ballot on one motion, for themselves or as proxy; sent once, it cannot be changed. */
export function BallotForm({ motion, forPersonId, onVoted }: BallotFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<{ choice: BallotDraft }>({
    initialValues: { choice: emptyBallot() },
    check: ({ choice }) => {
      const ballot = ballotOf(motion, choice);
      return 'problem' in ballot ? { choice: ballot.problem } : {};
    },
    send: async ({ choice }) => {
      const ballot = ballotOf(motion, choice);
      if ('problem' in ballot) return;
      const { receipt } = await governanceApi.vote(motion.id, ballot.choice, forPersonId);
      onVoted(receipt);
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="sm">
        <FormAlert failure={form.failure} />
        <BallotInput motion={motion} draft={form.values.choice} onChange={(draft) => form.set('choice', draft)} legend={motion.title} error={form.error('choice')} />
        <Group gap="sm" align="center">
          <Button type="submit" loading={form.submitting}>
            {t(forPersonId ? 'governance.ballot.submitAsProxy' : 'governance.ballot.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('governance.ballot.final')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
