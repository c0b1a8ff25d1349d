import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../reference/use-labels';
import { BusinessLineBadges } from './BusinessLineBadges';
import type { Organization } from './organization';
import { StatusBadge } from './StatusBadge';

/** One organization at a glance, linking to its page. */
export function OrganizationCard({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Card withBorder padding="lg" maw={640} component="section" aria-labelledby="own-organization-name">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id="own-organization-name">
            {labels.organizationName(organization)}
          </Title>
          <StatusBadge status={organization.status} />
        </Group>
        <Text c="dimmed">
          {labels.code('legalForm', organization.legalForm)}
          {organization.prefectureCode && ` · ${labels.prefecture(organization.prefectureCode)}`}
        </Text>
        <BusinessLineBadges lines={organization.businessLines} />
        <Anchor component={Link} to={`/organizations/${organization.id}`}>
          {t('organization.open')}
        </Anchor>
      </Stack>
    </Card>
  );
}
