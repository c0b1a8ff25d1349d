import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName } from '../members/member';
import type { CapitalRegister } from './capital';

export interface RegisterRowsProps {
  register: CapitalRegister;
  /** Where a member's page leads back to: this page with its organization and date. */
  backTo: string;
  /** The previous register still shows while the next loads. */
  busy: boolean;
  labelledBy: string;
}

const NUMERIC = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** 出資者名簿 as a table with its totals, for screens wide enough. */
export function RegisterTable({ register, backTo, busy, labelledBy }: RegisterRowsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const yen = (value: number) => formatYen(value, locale);
  const { rows, totals } = register;

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('member.numberShort')}</Table.Th>
            <Table.Th scope="col">{t('member.name')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('capital.figure.shares')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('capital.figure.capital')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('capital.figure.paid')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('capital.figure.unpaid')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('capital.figure.refundPayable')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.membershipId}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{row.memberNumber}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/members/${row.membershipId}`} state={{ backTo }} fw={700} lang="ja" display="block">
                  {personName(row)}
                </Anchor>
                <Text size="xs" c="dimmed" lang="ja">
                  {personKana(row)}
                </Text>
              </Table.Td>
              <Table.Td style={NUMERIC}>{formatNumber(row.shares, locale)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(row.capital)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(row.paid)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(row.unpaid)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(row.refundPayable)}</Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text>{t('capital.register.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {rows.length > 0 && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row" colSpan={2}>
                {t('capital.register.totals', { members: formatNumber(totals.members, locale) })}
              </Table.Th>
              <Table.Td style={NUMERIC}>{formatNumber(totals.shares, locale)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(totals.capital)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(totals.paid)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(totals.unpaid)}</Table.Td>
              <Table.Td style={NUMERIC}>{yen(totals.refundPayable)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
