import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import type { SdgGoal } from './sdg';
import { textColourOn } from './sdg-colour';
import { codesByGoal } from './sdg-codes';
import { goalName } from './sdg-labels';

interface SdgBadgesProps {
  codes: readonly string[];
  /** The catalogue's goals, for their colours and names; plain badges until it arrives. */
  goals: readonly SdgGoal[] | undefined;
  /** Said when there are no codes; nothing when not given. */
  emptyText?: string;
}

/**
 * The goals a business line or site serves, as small badges in the goals' colours with their numbers; each names
 * its goal and the targets chosen on hover, and screen readers hear them as a sentence.
 */
export function SdgBadges({ codes, goals, emptyText }: SdgBadgesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byGoal = codesByGoal(codes);
  if (byGoal.length === 0) return emptyText ? <Text size="sm" c="gray.7">{emptyText}</Text> : null;
  const spoken = byGoal
    .map(([goal, goalCodes]) => {
      const targets = goalCodes.filter((code) => code !== String(goal));
      return targets.length > 0 ? t('sdg.badges.goalWithTargets', { goal, targets: targets.join(', ') }) : t('sdg.badges.goal', { goal });
    })
    .join(t('sdg.badges.separator'));
  return (
    <Group gap={4} wrap="wrap" component="span" display="inline-flex">
      <VisuallyHidden>{t('sdg.badges.label', { goals: spoken })}</VisuallyHidden>
      {byGoal.map(([goal, goalCodes]) => {
        const found = goals?.find((g) => g.goal === goal);
        const background = found?.color ?? '#495057';
        const title = [found ? `${goal} ${goalName(found, locale)}` : String(goal), goalCodes.filter((code) => code !== String(goal)).join(', ')].filter(Boolean).join(': ');
        return (
          <Badge key={goal} aria-hidden size="sm" radius="sm" title={title} style={{ backgroundColor: background, color: textColourOn(background), minWidth: 26 }}>
            {goal}
          </Badge>
        );
      })}
    </Group>
  );
}
