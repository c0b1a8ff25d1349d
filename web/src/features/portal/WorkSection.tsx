import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMonth, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { PortalSection } from './PortalSection';
import type { WorkMonth } from './portal';
import { monthParts, workBars } from './portal-values';

/** わたしの仕事: approved hours and days by month, each with a bar; the numbers are in the table, the bar only shows them. */
export function WorkSection({ months }: { months: WorkMonth[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bars = workBars(months);
  const monthName = (month: string) => {
    const parts = monthParts(month);
    return parts ? t('portal.work.month', { year: parts.year, month: formatMonth(parts.month, locale) }) : month;
  };
  return (
    <PortalSection id="my-work" title={t('portal.work.title')}>
      {bars.length === 0 ? (
        <Text>{t('portal.work.none')}</Text>
      ) : (
        <>
          <Text>{t('portal.work.intro')}</Text>
          <Table.ScrollContainer minWidth={280}>
            <Table aria-labelledby="my-work-heading" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('portal.work.monthHeader')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portal.work.hours')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('portal.work.days')}
                  </Table.Th>
                  <Table.Th scope="col" w="40%">
                    <VisuallyHidden>{t('portal.work.bar')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bars.map((bar) => (
                  <Table.Tr key={bar.month}>
                    <Table.Th scope="row" fw={400}>
                      {monthName(bar.month)}
                    </Table.Th>
                    <Table.Td ta="right">
                      {formatNumber(bar.hours, locale)}
                      {bar.pendingHours ? (
                        <Text component="span" size="sm" display="block">
                          {t('portal.work.pending', { hours: formatNumber(bar.pendingHours, locale) })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(bar.days, locale)}</Table.Td>
                    <Table.Td aria-hidden>
                      <div style={{ height: '0.9rem', width: `${Math.round(bar.share * 100)}%`, minWidth: bar.hours > 0 ? 2 : 0, background: 'var(--mantine-color-indigo-7)', border: '1px solid var(--mantine-color-text)' }} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </PortalSection>
  );
}
