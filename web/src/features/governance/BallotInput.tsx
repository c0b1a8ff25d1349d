import { ActionIcon, Checkbox, Fieldset, Group, Input, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isRanked, moveInRanking, rankingOrder, type BallotDraft, type BallotMotion } from './ballot-values';
import { MOTION_CHOICES, type MotionChoice } from './governance';

interface BallotInputProps {
  motion: BallotMotion & { seats: number | null };
  draft: BallotDraft;
  onChange: (draft: BallotDraft) => void;
  /** Names the group: the motion's title. */
  legend: string;
  error?: string;
}

/**
 * The ballot itself: for, against or abstain on a resolution; a box for each candidate approved of; or ranks for a
 * ranked (STV) election, typed, chosen or moved with buttons — never by dragging alone.
 */
export function BallotInput({ motion, draft, onChange, legend, error }: BallotInputProps) {
  const { t } = useTranslation();
  if (motion.kind !== 'election') {
    return (
      <Radio.Group label={legend} value={draft.choice} onChange={(value) => onChange({ ...draft, choice: value as MotionChoice })} error={error} required>
        <Group gap="lg" mt="xs">
          {MOTION_CHOICES.map((choice) => (
            <Radio key={choice} value={choice} label={t(`governance.choice.${choice}`)} />
          ))}
        </Group>
      </Radio.Group>
    );
  }
  if (!isRanked(motion)) {
    return (
      <Checkbox.Group
        label={legend}
        description={t('governance.ballot.approvalHint', { seats: motion.seats ?? 1 })}
        value={draft.approved}
        onChange={(approved) => onChange({ ...draft, approved })}
        error={error}
      >
        <Stack gap="xs" mt="xs">
          {motion.candidates.map((candidate) => (
            <Checkbox key={candidate.id} value={candidate.id} label={candidate.name} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return <RankingInput motion={motion} draft={draft} onChange={onChange} legend={legend} error={error} />;
}

function RankingInput({ motion, draft, onChange, legend, error }: BallotInputProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const order = rankingOrder(motion, draft.ranks);
  const names = new Map(motion.candidates.map((c) => [c.id, c.name]));
  const rankOptions = [{ value: '', label: t('governance.ballot.notRanked') }, ...motion.candidates.map((_, i) => ({ value: String(i + 1), label: String(i + 1) }))];
  const move = (id: string, step: -1 | 1) => onChange({ ...draft, ranks: moveInRanking(motion, draft.ranks, id, step) });
  return (
    <Fieldset legend={legend} aria-describedby={error ? errorId : undefined} variant="unstyled">
      <Text size="sm" c="dimmed" mb="xs">
        {t('governance.ballot.rankingHint', { seats: motion.seats ?? 1 })}
      </Text>
      <Stack gap="xs">
        {motion.candidates.map((candidate) => (
          <Group key={candidate.id} gap="xs" wrap="nowrap" align="flex-end">
            <NativeSelect
              label={t('governance.ballot.rankOf', { name: candidate.name })}
              w={{ base: '100%', xs: 260 }}
              value={draft.ranks[candidate.id] ?? ''}
              onChange={(event) => onChange({ ...draft, ranks: { ...draft.ranks, [candidate.id]: event.currentTarget.value } })}
              data={rankOptions}
              error={Boolean(error)}
            />
            <ActionIcon variant="default" size="lg" onClick={() => move(candidate.id, -1)} aria-label={t('governance.ballot.moveUp', { name: candidate.name })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="default" size="lg" onClick={() => move(candidate.id, 1)} aria-label={t('governance.ballot.moveDown', { name: candidate.name })}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Text size="sm" mt="xs" role="status">
        {order.length === 0
          ? t('governance.ballot.nothingRanked')
          : t('governance.ballot.rankedSoFar', { ranking: order.map((id, i) => `${i + 1}. ${names.get(id) ?? id}`).join(t('common.listSeparator')) })}
      </Text>
      {error && <Input.Error id={errorId} mt={4}>{error}</Input.Error>}
    </Fieldset>
  );
}
