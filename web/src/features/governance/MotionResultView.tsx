import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import type { Candidate, MotionKind, MotionResult } from './governance';
import { outcomeKey, passed, resultSentence, type Translate } from './result-sentence';

interface MotionResultViewProps {
  result: MotionResult;
  kind: MotionKind;
  chairDecision: 'adopted' | 'rejected' | null;
  candidates: Pick<Candidate, 'id' | 'name'>[];
  /** Larger type, for the projector. */
  size?: 'md' | 'xl';
}

/** The result sentence of a motion in the current language, naming the rule and its figures. */
export function useResultSentence(): (result: MotionResult, kind: MotionKind, chairDecision: 'adopted' | 'rejected' | null, candidates: Pick<Candidate, 'id' | 'name'>[]) => string {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => t(key, values);
  return (result, kind, chairDecision, candidates) => {
    const names = new Map(candidates.map((c) => [c.id, c.name]));
    return resultSentence(translate, result, { kind, chairDecision, candidateName: (id) => names.get(id) ?? id, separator: t('common.listSeparator') });
  };
}

/** A decided motion: its outcome, the sentence with the rule that decided it, the counts and the attendance. */
export function MotionResultView({ result, kind, chairDecision, candidates, size = 'md' }: MotionResultViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sentence = useResultSentence();
  const n = (value: number) => formatNumber(value, locale);
  const big = size === 'xl';
  const approvals = result.election?.approval?.approvals ?? [];
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  return (
    <Stack gap={big ? 'sm' : 4}>
      <Group gap="xs">
        <Badge size={big ? 'xl' : 'md'} color={passed(result, chairDecision) ? 'teal.9' : result.outcome === 'tie_for_chair' && !chairDecision ? 'dark' : 'red.9'} variant="filled">
          {t(outcomeKey(result, chairDecision))}
        </Badge>
      </Group>
      <Text fw={700} fz={big ? 28 : 'md'}>
        {sentence(result, kind, chairDecision, candidates)}
      </Text>
      {result.counts && (
        <Text fz={big ? 24 : 'sm'}>
          {t('governance.result.counts', { for: n(result.counts.for), against: n(result.counts.against), abstain: n(result.counts.abstain), invalid: n(result.counts.invalid) })}
        </Text>
      )}
      {approvals.length > 0 && (
        <List size={big ? 'xl' : 'sm'} spacing={2} aria-label={t('governance.result.approvals')}>
          {approvals.map((a) => (
            <List.Item key={a.candidate}>
              {t('governance.result.candidateVotes', { name: names.get(a.candidate) ?? a.candidate, count: a.approvals })}
              {result.elected?.includes(a.candidate) ? ` — ${t('governance.result.elected')}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      <Text fz={big ? 22 : 'sm'} c={big ? undefined : 'dimmed'}>
        {t('governance.result.attendance', { present: n(result.attendance.present), eligible: n(result.attendance.eligible) })}
      </Text>
    </Stack>
  );
}
