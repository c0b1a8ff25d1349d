import { Anchor, Box, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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

export function MemberOrganizationsTable({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
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
        <MemberOrganizationCards organizations={shown} />
      </Box>
      <Table.ScrollContainer minWidth={760} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby={HEADING_ID}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.name')}</Table.Th>
              <Table.Th scope="col">{t('field.legalForm')}</Table.Th>
              <Table.Th scope="col">{t('field.prefectureCode')}</Table.Th>
              <Table.Th scope="col">{t('field.status')}</Table.Th>
              <Table.Th scope="col">{t('field.businessLines')}</Table.Th>
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
              </Table.Tr>
            ))}
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t('federation.noMatch')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
