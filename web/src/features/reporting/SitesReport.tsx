import { Anchor, Box, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../components/CardList';
import { FigureList } from '../../components/FigureList';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { convert, formatMoney, type Currency } from './report-format';
import type { FxRate, SiteFigures } from './reporting';
import { businessesHref, siteReportHref } from './site-report';

const HEADING_ID = 'report-sites-heading';

interface SitesReportProps {
  organizationId: string;
  sites: SiteFigures[];
  fiscalYear: number;
  currency: Currency;
  rate: FxRate | undefined;
  busy: boolean;
}

/**
 * An organization's sites with their results for the year; each leads to its own report in the same year and currency,
 * and the organization's businesses page, where sites and results are kept, is a link away.
 */
export function SitesReport({ organizationId, sites, fiscalYear, currency, rate, busy }: SitesReportProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const none = t('reports.sites.noResult');
  const number = (value: number | null) => (value === null ? none : formatNumber(value, locale));
  const money = (yen: number | null) => {
    if (yen === null) return none;
    const value = convert(yen, currency, rate);
    return value === null ? t('reports.noRate') : formatMoney(value, currency, locale);
  };
  const name = (site: SiteFigures) => labels.organizationName(site);
  const operation = (site: SiteFigures) =>
    site.operation === 'commissioned' ? t('businesses.operation.commissionedBy', { name: site.commissionerName ?? '' }) : t('businesses.operation.own');
  const prefecture = (site: SiteFigures) => (site.prefectureCode ? labels.prefecture(site.prefectureCode) : t('common.none'));
  // The businesses page addresses an organization, not a site: its sites list is where the site is kept.
  const businesses = businessesHref(organizationId);
  const numeric = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  const link = (site: SiteFigures) => (
    <Anchor component={Link} to={siteReportHref(site.id, fiscalYear, currency)} fw={700} aria-label={t('reports.sites.open', { name: name(site) })}>
      {name(site)}
    </Anchor>
  );

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('reports.sites.title')}
      </Title>
      <Group justify="space-between" align="flex-start" gap="xs" mb="sm">
        <Text size="sm" c="dimmed" maw={640}>
          {t('reports.sites.hint')}
        </Text>
        <Anchor component={Link} to={businesses} size="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
          <IconPencil size={14} aria-hidden />
          {t('reports.sites.edit')}
        </Anchor>
      </Group>
      <Box hiddenFrom="sm">
        <CardList items={sites} itemKey={(site) => site.id} emptyText={t('reports.sites.none')} labelledBy={HEADING_ID} busy={busy}>
          {(site) => (
            <>
              {link(site)}
              <Text size="sm">{`${labels.code('businessLine', site.businessLine)} · ${prefecture(site)}`}</Text>
              <Text size="sm" mb={6}>
                {operation(site)}
              </Text>
              <FigureList
                cols={2}
                figures={[
                  [t('reports.figure.turnover'), money(site.turnover)],
                  [t('reports.figure.surplus'), money(site.surplus)],
                  [t('reports.figure.peopleServed'), number(site.peopleServed)],
                  [t('reports.figure.workers'), number(site.workers)],
                ]}
              />
            </>
          )}
        </CardList>
      </Box>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
            <Table.Caption>{t('reports.sites.caption', { year: formatFiscalYear(fiscalYear, locale) })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.sites.name')}</Table.Th>
                <Table.Th scope="col">{t('reports.sites.businessLine')}</Table.Th>
                <Table.Th scope="col">{t('reports.sites.prefecture')}</Table.Th>
                <Table.Th scope="col">{t('reports.sites.operation')}</Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.turnover')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.surplus')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.peopleServed')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.workers')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Th scope="row" fw={400}>
                    {link(site)}
                  </Table.Th>
                  <Table.Td>{labels.code('businessLine', site.businessLine)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{prefecture(site)}</Table.Td>
                  <Table.Td>{operation(site)}</Table.Td>
                  <Table.Td style={numeric}>{money(site.turnover)}</Table.Td>
                  <Table.Td style={numeric}>{money(site.surplus)}</Table.Td>
                  <Table.Td style={numeric}>{number(site.peopleServed)}</Table.Td>
                  <Table.Td style={numeric}>{number(site.workers)}</Table.Td>
                </Table.Tr>
              ))}
              {sites.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>{t('reports.sites.none')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </Paper>
  );
}
