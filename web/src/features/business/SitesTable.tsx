import { Badge, Box, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPostalCode } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { BusinessLine, Site } from './business';
import { useBusinessLineLabel } from './SiteForm';

interface SitesTableProps {
  sites: Site[];
  businessLines: BusinessLine[];
  onEdit: (site: Site) => void;
  labelledBy: string;
  /** The site's SDG goals as badges, and the action that sets them (see features/sdg). */
  sdgBadges?: (site: Site) => ReactNode;
  onSdg?: (site: Site) => void;
}

/** The organization's sites: a table on wider screens, a card each on phones. */
export function SitesTable({ sites, businessLines, onEdit, labelledBy, sdgBadges, onSdg }: SitesTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const lineLabel = useBusinessLineLabel();
  if (sites.length === 0) return <Text c="dimmed">{t('businesses.site.none')}</Text>;

  const name = (site: Site) => (locale === 'en' && site.nameEn ? site.nameEn : site.nameJa);
  const operation = (site: Site) =>
    site.operation === 'commissioned' ? t('businesses.operation.commissionedBy', { name: site.commissionerName ?? '' }) : t('businesses.operation.own');
  const place = (site: Site) =>
    [site.postalCode ? `〒${formatPostalCode(site.postalCode)}` : '', site.prefectureCode ? labels.prefecture(site.prefectureCode) : '', site.address ?? ''].filter(Boolean).join(' ');
  const dates = (site: Site) =>
    [site.openedOn ? formatDate(site.openedOn, locale) : '', site.closedOn ? formatDate(site.closedOn, locale) : ''].join(' – ').replace(/^ – $/, t('common.none'));
  const status = (site: Site) => site.closedOn !== null && <Badge color="gray" variant="light">{t('businesses.site.closed')}</Badge>;
  const edit = (site: Site) => (
    <Group gap={4} wrap="nowrap">
      <Button variant="subtle" size="compact-sm" onClick={() => onEdit(site)} aria-label={t('businesses.site.editNamed', { name: name(site) })}>
        {t('businesses.site.edit')}
      </Button>
      {onSdg && (
        <Button variant="subtle" size="compact-sm" onClick={() => onSdg(site)} aria-label={t('sdg.tags.openNamed', { name: name(site) })}>
          {t('sdg.tags.open')}
        </Button>
      )}
    </Group>
  );

  return (
    <>
      <Stack hiddenFrom="sm" gap="sm">
        {sites.map((site) => (
          <Card key={site.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{name(site)}</Text>
              {status(site)}
            </Group>
            <Text size="sm">{lineLabel(site.businessLine, businessLines)}</Text>
            {sdgBadges?.(site)}
            <Text size="sm">{operation(site)}</Text>
            <Text size="sm" c="dimmed">{place(site)}</Text>
            <Text size="sm" c="dimmed">{dates(site)}</Text>
            <Group justify="flex-end">{edit(site)}</Group>
          </Card>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table aria-labelledby={labelledBy} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('businesses.site.name')}</Table.Th>
                <Table.Th>{t('businesses.site.businessLine')}</Table.Th>
                <Table.Th>{t('businesses.site.operation')}</Table.Th>
                <Table.Th>{t('businesses.site.place')}</Table.Th>
                <Table.Th>{t('businesses.site.period')}</Table.Th>
                <Table.Th ta="right">{t('businesses.site.capacity')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((site) => (
                <Table.Tr key={site.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={600} size="sm">{name(site)}</Text>
                      {status(site)}
                    </Group>
                    {sdgBadges?.(site)}
                  </Table.Td>
                  <Table.Td>{lineLabel(site.businessLine, businessLines)}</Table.Td>
                  <Table.Td>{operation(site)}</Table.Td>
                  <Table.Td>{place(site) || t('common.none')}</Table.Td>
                  <Table.Td>{dates(site)}</Table.Td>
                  <Table.Td ta="right">{site.capacity ?? t('common.none')}</Table.Td>
                  <Table.Td>{edit(site)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}
