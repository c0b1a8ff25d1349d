import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { CheckCard } from './CheckCard';
import type { OrganizationComplianceBoard } from './compliance';
import { figureKindOf } from './compliance-values';
import { useCheckText } from './use-check-text';

/** One organization's board: every requirement of the Act as a card, and the legal reserve's balance beside its target. */
export function OrganizationChecks({ board }: { board: OrganizationComplianceBoard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useCheckText();
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        {t('compliance.asOf', { date: formatDateWithEra(board.date, locale) })}
        {!board.compositionApplies && ` ${t('compliance.compositionNotApplicable')}`}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {board.checks.map((check) => (
          <CheckCard key={check.code} check={check} kind={figureKindOf(check.code)} rule={text.rule(check.code, check.floor)} figure={text.figure(check.code, check.figure)}>
            {check.note && <Text size="sm">{t(`compliance.note.${check.note}`)}</Text>}
            {check.code === 'legal_reserve_target' && board.reserve.target !== null && (
              <Text size="sm" c="dimmed">
                {t('compliance.reserveBalance', { balance: formatYen(board.reserve.balance, locale), target: formatYen(board.reserve.target, locale) })}
              </Text>
            )}
          </CheckCard>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
