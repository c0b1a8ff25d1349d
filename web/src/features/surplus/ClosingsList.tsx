import { Anchor, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../components/CardList';
import { formatDateTime, formatDateWithEra, formatFiscalYear, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { ClosingStatusBadge } from './ClosingStatusBadge';
import { surplusPages, type Closing } from './surplus';

const NUMERIC = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The organization's closes, newest year first: year, period, result, dividends and where each stands. */
export function ClosingsList({ closings, labelledBy }: { closings: Closing[]; labelledBy: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.md})`, undefined, { getInitialValueInEffect: false });
  const year = (closing: Closing) => (
    <Anchor component={Link} to={surplusPages.closing(closing.id)} fw={700}>
      {formatFiscalYear(closing.fiscalYear, locale)}
    </Anchor>
  );
  const period = (closing: Closing) =>
    t('surplus.list.period', { from: formatDateWithEra(closing.periodFrom, locale), until: formatDateWithEra(closing.periodUntil, locale) });
  const result = (closing: Closing) => `${t(closing.surplus < 0 ? 'surplus.line.loss' : 'surplus.line.surplus')} ${formatYen(Math.abs(closing.surplus), locale)}`;

  if (!wide) {
    return (
      <CardList items={closings} itemKey={(c) => c.id} emptyText={t('surplus.list.none')} labelledBy={labelledBy} busy={false}>
        {(closing) => (
          <Stack gap={4}>
            {year(closing)}
            <Text size="sm">{period(closing)}</Text>
            <Text size="sm">
              {result(closing)} · {t('surplus.line.dividends')} {formatYen(closing.allocation.dividends, locale)}
            </Text>
            <div>
              <ClosingStatusBadge status={closing.status} />
            </div>
          </Stack>
        )}
      </CardList>
    );
  }
  if (closings.length === 0) return <Text>{t('surplus.list.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('surplus.list.year')}</Table.Th>
            <Table.Th scope="col">{t('surplus.list.periodHeading')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.list.result')}</Table.Th>
            <Table.Th scope="col" style={NUMERIC}>{t('surplus.line.dividends')}</Table.Th>
            <Table.Th scope="col">{t('surplus.list.status')}</Table.Th>
            <Table.Th scope="col">{t('surplus.list.proposed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {closings.map((closing) => (
            <Table.Tr key={closing.id}>
              <Table.Td>{year(closing)}</Table.Td>
              <Table.Td>{period(closing)}</Table.Td>
              <Table.Td style={NUMERIC}>{result(closing)}</Table.Td>
              <Table.Td style={NUMERIC}>{formatYen(closing.allocation.dividends, locale)}</Table.Td>
              <Table.Td>
                <ClosingStatusBadge status={closing.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(closing.createdAt, locale)}</Text>
                {closing.createdBy && (
                  <Text size="xs" c="dimmed">
                    {closing.createdBy}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
