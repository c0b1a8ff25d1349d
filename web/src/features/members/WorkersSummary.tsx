import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { MINIMUM_MEMBER_SHARE, type WorkerSummary } from './worker-summary';

interface WorkersSummaryProps {
  summary: WorkerSummary;
  /** The organization's law profile holds it to the worker co-operative composition rules. */
  ruleApplies: boolean;
}

/**
 * How many are engaged in the work, how many of them are members, and whether members are the share of workers the
 * Act asks for (at least 3/4), with a warning when they are not.
 */
export function WorkersSummary({ summary, ruleApplies }: WorkersSummaryProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const rule = { numerator: MINIMUM_MEMBER_SHARE.numerator, denominator: MINIMUM_MEMBER_SHARE.denominator };
  const badgeStyles = { root: { height: 'auto', maxWidth: '100%' }, label: { overflow: 'visible', whiteSpace: 'normal' } } as const;

  return (
    <Group gap="xs" align="center" role="status">
      <Text size="sm">
        {summary.workers === 0
          ? t('workers.summaryNone')
          : t('workers.summary', {
              workers: number(summary.workers),
              members: number(summary.members),
              nonMembers: number(summary.nonMembers),
              share: formatPercent(summary.memberShare ?? 0, locale),
            })}
      </Text>
      {ruleApplies && summary.meetsMinimumShare === true && (
        <Badge color="teal.9" variant="outline" leftSection={<IconCircleCheck size={14} aria-hidden />} style={{ textTransform: 'none' }} styles={badgeStyles}>
          {t('workers.ratioMet', rule)}
        </Badge>
      )}
      {ruleApplies && summary.meetsMinimumShare === false && (
        <Badge color="red.9" variant="filled" leftSection={<IconAlertTriangle size={14} aria-hidden />} style={{ textTransform: 'none' }} styles={badgeStyles}>
          {t('workers.ratioBelow', rule)}
        </Badge>
      )}
      {!ruleApplies && (
        <Text size="sm" c="dimmed">
          {t('workers.ratioNotApplicable')}
        </Text>
      )}
    </Group>
  );
}
