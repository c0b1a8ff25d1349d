import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
 * minimum, the rate, and why the minimum is what it is.
 */
export function AllocationTable({ closing, labelledBy }: { closing: Closing; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
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
  const minimum = (line: Line): ReserveMinimum | null => (isReserve(line) ? minimums[line] : null);
  // A loss carried forward is a line only when there is one; every other line is always read, 0 included.
  const lines = LINES.filter((line) => line !== 'lossCarriedForward' || allocation.lossCarriedForward > 0);

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
          {lines.map((line) => {
            const floor = minimum(line);
            const forced = line === 'lossCovered' ? minimums.lossCovered : null;
            return (
              <Table.Tr key={line}>
                <Table.Th scope="row" fw={line === 'dividends' ? 700 : 500}>
                  {t(`surplus.line.${line}`)}
                </Table.Th>
                <Table.Td style={NUMERIC} fw={line === 'dividends' ? 700 : undefined}>
                  {yen(allocation[line])}
                </Table.Td>
                <Table.Td style={NUMERIC}>{floor ? yen(floor.minimum) : forced !== null ? yen(forced) : t('common.none')}</Table.Td>
                <Table.Td style={NUMERIC}>{floor ? yen(floor.legalMinimum) : forced !== null ? yen(forced) : t('common.none')}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{floor ? fraction(floor.rate) : t('common.none')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{why(line)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t(closing.surplus < 0 ? 'surplus.line.loss' : 'surplus.line.surplus')}</Table.Th>
            <Table.Td style={NUMERIC}>{yen(Math.abs(closing.surplus))}</Table.Td>
            <Table.Td colSpan={4} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
