import { Group, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/CardList';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import type { Fraction } from '../governance/governance';
import { RESERVE_FIELDS, type Closing, type ReserveField, type ReserveMinimum } from './surplus';

const NUMERIC = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The lines of the allocation in the order the Act sets (Art. 76, 77): losses, the three reserves, then dividends. */
const LINES = ['lossCovered', ...RESERVE_FIELDS, 'dividends', 'retained', 'lossCarriedForward'] as const;
type Line = (typeof LINES)[number];

const isReserve = (line: Line): line is ReserveField => (RESERVE_FIELDS as readonly string[]).includes(line);

/**
 * 剰余金処分案: each line of the allocation in the legal order with its amount, the bylaws' minimum, the law's
 * minimum, the rate, and why the minimum is what it is; as cards on narrower screens.
 */
export function AllocationTable({ closing, labelledBy }: { closing: Closing; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, undefined, { getInitialValueInEffect: false });
  const yen = (amount: number) => formatYen(amount, locale);
  const fraction = (rate: Fraction) => t('governance.setting.fraction', { numerator: rate.numerator, denominator: rate.denominator });
  const { allocation, facts } = closing;
  const { minimums } = allocation;
  const target = t(facts.legalReserveTargetSource === 'bylaws' ? 'surplus.basis.targetFromBylaws' : 'surplus.basis.targetFromLaw', { target: yen(facts.legalReserveTarget) });

  const why = (line: Line): string => {
    if (isReserve(line)) {
      const { basis, rate } = minimums[line];
      return t(`surplus.basis.${basis}`, {
        base: yen(minimums.base),
        rate: fraction(rate),
        target,
        gap: yen(minimums.legalReserveGap),
        balance: yen(facts.legalReserveBalance),
      });
    }
    switch (line) {
      case 'lossCovered':
        return allocation.lossCovered > 0 ? t('surplus.why.lossCovered', { losses: yen(facts.lossesCarriedForward) }) : t('surplus.why.noLosses');
      case 'dividends':
        return allocation.lossYear ? t('surplus.why.noDividends') : t('surplus.why.dividends', { count: closing.members, members: formatNumber(closing.members, locale), measure: t(`surplus.measure.${closing.measure.basis}`) });
      case 'retained':
        return allocation.retained > 0 ? t('surplus.why.retained') : t('common.none');
      case 'lossCarriedForward':
        return t('surplus.why.lossCarriedForward');
    }
  };
  // A loss carried forward is a line only when there is one; every other line is always read, 0 included.
  const rows = LINES.filter((line) => line !== 'lossCarriedForward' || allocation.lossCarriedForward > 0).map((line) => {
    const floor: ReserveMinimum | null = isReserve(line) ? minimums[line] : null;
    // Covering the losses is owed in full: its own minimum, by the law and the bylaws alike.
    const owed = line === 'lossCovered' ? yen(minimums.lossCovered) : t('common.none');
    return {
      line,
      reserve: floor !== null,
      name: t(`surplus.line.${line}`),
      amount: yen(allocation[line]),
      minimum: floor ? yen(floor.minimum) : owed,
      legalMinimum: floor ? yen(floor.legalMinimum) : owed,
      rate: floor ? fraction(floor.rate) : t('common.none'),
      why: why(line),
    };
  });
  const total = { name: t(closing.surplus < 0 ? 'surplus.line.loss' : 'surplus.line.surplus'), amount: yen(Math.abs(closing.surplus)) };

  if (!wide) {
    return (
      <Stack gap="xs">
        <CardList items={rows} itemKey={(row) => row.line} emptyText="" labelledBy={labelledBy} busy={false}>
          {(row) => (
            <Stack gap={2}>
              <Group justify="space-between" gap="xs">
                <Text fw={700}>{row.name}</Text>
                <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {row.amount}
                </Text>
              </Group>
              {row.reserve && (
                <Text size="sm" c="dimmed">
                  {t('surplus.allocation.minimums', { minimum: row.minimum, legal: row.legalMinimum, rate: row.rate })}
                </Text>
              )}
              <Text size="sm">{row.why}</Text>
            </Stack>
          )}
        </CardList>
        <Text fw={700}>
          {total.name} {total.amount}
        </Text>
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surplus.allocation.line')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.allocation.amount')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.allocation.minimum')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.allocation.legalMinimum')}</Table.Th>
            <Table.Th scope="col">{t('surplus.allocation.rate')}</Table.Th>
            <Table.Th scope="col">{t('surplus.allocation.why')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Th scope="row" fw={row.line === 'dividends' ? 700 : 500}>
                {row.name}
              </Table.Th>
              <Table.Td style={NUMERIC} fw={row.line === 'dividends' ? 700 : undefined}>
                {row.amount}
              </Table.Td>
              <Table.Td style={NUMERIC}>{row.minimum}</Table.Td>
              <Table.Td style={NUMERIC}>{row.legalMinimum}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.rate}</Table.Td>
              <Table.Td>
                <Text size="sm">{row.why}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{total.name}</Table.Th>
            <Table.Td style={NUMERIC}>{total.amount}</Table.Td>
            <Table.Td colSpan={4} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
