import { Anchor, Box, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../components/CardList';
import { FigureList } from '../../components/FigureList';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { convert, formatMoney, type Currency } from './report-format';
import { organizationReportHref } from './report-query';
import { organizationsIn } from './report-series';
import type { FxRate, OrganizationFigures } from './reporting';

const HEADING_ID = 'report-organizations-heading';

interface OrganizationsReportProps {
  organizations: OrganizationFigures[];
  fiscalYear: number;
  currency: Currency;
  rate: FxRate | undefined;
  /** The prefecture chosen on the map; null for all. */
  prefecture: string | null;
  onClearPrefecture: () => void;
  busy: boolean;
}

/** The member organizations' figures for the year, each leading to its own report. */
export function OrganizationsReport({ organizations, fiscalYear, currency, rate, prefecture, onClearPrefecture, busy }: OrganizationsReportProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const shown = organizationsIn(organizations, prefecture);
  const number = (value: number) => formatNumber(value, locale);
  const money = (yen: number) => {
    const value = convert(yen, currency, rate);
    return value === null ? t('reports.noRate') : formatMoney(value, currency, locale);
  };
  const prefectureName = (code: string | null) => (code ? labels.prefecture(code) : t('common.none'));
  const name = (organization: OrganizationFigures) => labels.organizationName(organization);
  const href = (organization: OrganizationFigures) => organizationReportHref(organization.id, fiscalYear, currency);
  const numeric = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  const year = formatFiscalYear(fiscalYear, locale);

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('reports.organizations.title')}
      </Title>
      <Group gap="sm" mb="sm" wrap="wrap">
        <Text size="sm" role="status">
          {prefecture
            ? t('reports.organizations.inPrefecture', { prefecture: prefectureName(prefecture), shown: shown.length, total: organizations.length })
            : t('reports.organizations.all', { total: organizations.length })}
        </Text>
        {prefecture && (
          <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={onClearPrefecture}>
            {t('reports.organizations.showAll')}
          </Button>
        )}
      </Group>
      <Box hiddenFrom="sm">
        <CardList items={shown} itemKey={(o) => o.id} emptyText={t('reports.organizations.none')} labelledBy={HEADING_ID} busy={busy}>
          {(organization) => (
            <>
              <Anchor component={Link} to={href(organization)} fw={700}>
                {name(organization)}
              </Anchor>
              <Text size="sm" mb={6}>
                {prefectureName(organization.prefectureCode)}
              </Text>
              <FigureList
                cols={2}
                figures={[
                  [t('reports.figure.workerMembers'), number(organization.workerMembers)],
                  [t('reports.figure.userMembers'), number(organization.userMembers)],
                  [t('reports.figure.sites'), number(organization.sites)],
                  [t('reports.figure.turnover'), money(organization.turnover)],
                ]}
              />
            </>
          )}
        </CardList>
      </Box>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
            <Table.Caption>{t('reports.organizations.caption', { year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.organizations.name')}</Table.Th>
                <Table.Th scope="col">{t('reports.organizations.prefecture')}</Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.workerMembers')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.userMembers')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.sites')}
                </Table.Th>
                <Table.Th scope="col" style={numeric}>
                  {t('reports.figure.turnover')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((organization) => (
                <Table.Tr key={organization.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={href(organization)} fw={700}>
                      {name(organization)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{prefectureName(organization.prefectureCode)}</Table.Td>
                  <Table.Td style={numeric}>{number(organization.workerMembers)}</Table.Td>
                  <Table.Td style={numeric}>{number(organization.userMembers)}</Table.Td>
                  <Table.Td style={numeric}>{number(organization.sites)}</Table.Td>
                  <Table.Td style={numeric}>{money(organization.turnover)}</Table.Td>
                </Table.Tr>
              ))}
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('reports.organizations.none')}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </Paper>
  );
}
