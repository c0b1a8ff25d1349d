import { Anchor, Box, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { NO_MEMBERS, type KindCounts } from '../members/member-counts';
import { useLabels, type Labels } from '../reference/use-labels';
import { BusinessLineBadges } from './BusinessLineBadges';
import { MemberOrganizationCards } from './MemberOrganizationCards';
import type { Organization } from './organization';
import { StatusBadge } from './StatusBadge';

const HEADING_ID = 'member-organizations-heading';

/** Everything a person might type to find an organization, in both languages. */
function searchText(organization: Organization, labels: Labels): string {
  return [
    organization.code,
    organization.nameJa,
    organization.nameEn ?? '',
    organization.prefectureCode ? labels.prefecture(organization.prefectureCode) : '',
    labels.code('legalForm', organization.legalForm),
  ]
    .join(' ')
    .toLowerCase();
}

interface MemberOrganizationsTableProps {
  organizations: Organization[];
  /** Members of each organization by kind; undefined while they load. */
  memberCounts: Map<string, KindCounts> | undefined;
}

export function MemberOrganizationsTable({ organizations, memberCounts }: MemberOrganizationsTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const counts = (id: string) => (memberCounts ? (memberCounts.get(id) ?? NO_MEMBERS) : undefined);
  const number = (value: number | undefined) => (value === undefined ? t('common.none') : formatNumber(value, locale));
  const numeric = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  // Narrow count columns whose headings wrap, leaving the room to the names and business lines.
  const numericHeading = { textAlign: 'right', width: '6.5rem' } as const;
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = organizations.filter((o) => !needle || searchText(o, labels).includes(needle));

  return (
    <section aria-labelledby={HEADING_ID}>
      <Title order={2} size="h4" id={HEADING_ID} mb="sm">
        {t('federation.memberOrganizations')}
      </Title>
      <TextInput
        label={t('federation.filter')}
        description={t('federation.filterHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={420}
        mb="xs"
      />
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {t('federation.shown', { shown: shown.length, total: organizations.length })}
      </Text>
      <Box hiddenFrom="sm">
        <MemberOrganizationCards organizations={shown} memberCounts={memberCounts} />
      </Box>
      <Table.ScrollContainer minWidth={900} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby={HEADING_ID}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.name')}</Table.Th>
              <Table.Th scope="col">{t('field.legalForm')}</Table.Th>
              <Table.Th scope="col">{t('field.prefectureCode')}</Table.Th>
              <Table.Th scope="col">{t('field.status')}</Table.Th>
              <Table.Th scope="col">{t('field.businessLines')}</Table.Th>
              <Table.Th scope="col" style={numericHeading}>
                {t('federation.workerMembers')}
              </Table.Th>
              <Table.Th scope="col" style={numericHeading}>
                {t('federation.userMembers')}
              </Table.Th>
              <Table.Th scope="col" style={numericHeading}>
                {t('federation.membersTotal')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((organization) => (
              <Table.Tr key={organization.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/organizations/${organization.id}`} fw={700}>
                    {labels.organizationName(organization)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{labels.code('legalForm', organization.legalForm)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {organization.prefectureCode ? labels.prefecture(organization.prefectureCode) : t('common.none')}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={organization.status} />
                </Table.Td>
                <Table.Td>
                  <BusinessLineBadges lines={organization.businessLines} />
                </Table.Td>
                <Table.Td style={numeric}>{number(counts(organization.id)?.worker)}</Table.Td>
                <Table.Td style={numeric}>{number(counts(organization.id)?.user)}</Table.Td>
                <Table.Td style={numeric} fw={700}>
                  {number(counts(organization.id)?.total)}
                </Table.Td>
              </Table.Tr>
            ))}
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>{t('federation.noMatch')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
