import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import type { MemberCounts } from '../members/member';
import { totalCounts } from '../members/member-counts';
import type { Organization } from './organization';

interface FederationHeadlineProps {
  federation: Organization;
  members: Organization[];
  /** Members on a date by organization and kind; undefined while loading. */
  memberCounts: MemberCounts | undefined;
}

const MEMBER_FIGURES_ID = 'federation-member-figures';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The federation's figures: its member organizations and their states, and the members they have. */
export function FederationHeadline({ federation, members, memberCounts }: FederationHeadlineProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const count = (status: string) => members.filter((m) => m.status === status).length;
  const people = memberCounts ? totalCounts(memberCounts.items) : undefined;
  const shown = (value: number | undefined) => (value === undefined ? t('common.none') : number(value));
  return (
    <Stack gap="sm" mb="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} component="section" aria-label={t('federation.figures')}>
        <Figure label={t('federation.memberOrganizations')} value={number(federation.memberOrganizationCount)} />
        <Figure label={t('status.active')} value={number(count('active'))} />
        <Figure label={t('status.converting')} value={number(count('converting'))} />
        <Figure label={t('status.dissolved')} value={number(count('dissolved'))} />
      </SimpleGrid>
      <Stack gap={4} component="section" aria-labelledby={MEMBER_FIGURES_ID}>
        <Text size="sm" id={MEMBER_FIGURES_ID}>
          {memberCounts ? t('federation.memberFigures', { date: formatDate(memberCounts.date, locale) }) : t('federation.members')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Figure label={t('federation.membersTotal')} value={shown(people?.total)} />
          <Figure label={t('federation.workerMembers')} value={shown(people?.worker)} />
          <Figure label={t('federation.userMembers')} value={shown(people?.user)} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
