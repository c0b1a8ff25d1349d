import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from './organization';

interface FederationHeadlineProps {
  federation: Organization;
  members: Organization[];
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2}>
          {value}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The federation's figures: how many member organizations it has, and in which state. */
export function FederationHeadline({ federation, members }: FederationHeadlineProps) {
  const { t } = useTranslation();
  const count = (status: string) => members.filter((m) => m.status === status).length;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} mb="lg" component="section" aria-label={t('federation.figures')}>
      <Figure label={t('federation.memberOrganizations')} value={federation.memberOrganizationCount} />
      <Figure label={t('status.active')} value={count('active')} />
      <Figure label={t('status.converting')} value={count('converting')} />
      <Figure label={t('status.dissolved')} value={count('dissolved')} />
    </SimpleGrid>
  );
}
