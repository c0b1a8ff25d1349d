import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { NO_MEMBERS, type KindCounts } from '../members/member-counts';
import { useLabels } from '../reference/use-labels';
import { BusinessLineBadges } from './BusinessLineBadges';
import type { Organization } from './organization';
import { StatusBadge } from './StatusBadge';

/** The member organizations as a list of cards, for screens too narrow for the table. */
export function MemberOrganizationCards({
  organizations,
  memberCounts,
}: {
  organizations: Organization[];
  memberCounts: Map<string, KindCounts> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const number = (value: number) => formatNumber(value, locale);
  if (organizations.length === 0) return <Text>{t('federation.noMatch')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {organizations.map((organization) => (
        <Paper key={organization.id} component="li" withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
            <Anchor component={Link} to={`/organizations/${organization.id}`} fw={700}>
              {labels.organizationName(organization)}
            </Anchor>
            <StatusBadge status={organization.status} />
          </Group>
          <Text size="sm" mb={6}>
            {labels.code('legalForm', organization.legalForm)}
            {organization.prefectureCode && ` · ${labels.prefecture(organization.prefectureCode)}`}
          </Text>
          <BusinessLineBadges lines={organization.businessLines} />
          {memberCounts && (
            <Text size="sm" mt={6}>
              {(() => {
                const counts = memberCounts.get(organization.id) ?? NO_MEMBERS;
                return t('federation.memberCountsLine', {
                  worker: number(counts.worker),
                  user: number(counts.user),
                  total: number(counts.total),
                });
              })()}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
