import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { formatDateWithEra, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { CheckCard } from './CheckCard';
import { complianceStatuses, type FederationCheck, type FederationComplianceBoard } from './compliance';
import { figureKindOf, statusColours } from './compliance-values';
import { useCheckText } from './use-check-text';

/** The federation's board: each requirement across the member organizations, and the organizations that need attention. */
export function FederationChecks({ board, todayDate }: { board: FederationComplianceBoard; todayDate: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = useCheckText();
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        {t('compliance.federationAsOf', { date: formatDateWithEra(board.date, locale), count: board.organizations.length, organizations: formatNumber(board.organizations.length, locale) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {board.checks.map((check) => (
          <CheckCard
            key={check.code}
            check={check}
            kind={figureKindOf(check.code, check.basis)}
            rule={t(`compliance.basis.${check.basis}`, { rule: text.rule(check.code, check.organizationFloor) })}
            figure={check.basis === 'sum' ? text.figure(check.code, check.figure) : text.organizations(check.figure)}
          >
            <OrganizationCounts check={check} />
            <Attention check={check} board={board} date={board.date === todayDate ? null : board.date} />
          </CheckCard>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function OrganizationCounts({ check }: { check: FederationCheck }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counted = complianceStatuses.filter((status) => check.organizations[status] > 0);
  return (
    <Group gap={6} aria-label={t('compliance.organizationCounts')} role="group">
      {counted.map((status) => (
        <Badge key={status} color={statusColours[status]} variant="outline" style={{ textTransform: 'none' }}>
          {t('compliance.statusCount', { status: t(`compliance.status.${status}`), count: formatNumber(check.organizations[status], locale) })}
        </Badge>
      ))}
    </Group>
  );
}

/** Organizations named under a check; the rest are counted (a federation of 25 may have 25 without a board yet). */
const NAMED = 5;

/** The organizations in breach or projected to breach, each linking to its own board on the same date. */
function Attention({ check, board, date }: { check: FederationCheck; board: FederationComplianceBoard; date: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  if (check.attention.length === 0) return null;
  const names = new Map(board.organizations.map((o) => [o.id, labels.organizationName(o)]));
  const listLabel = t('compliance.attention', { check: t(`compliance.check.${check.code}`) });
  return (
    <List size="sm" spacing={4} aria-label={listLabel} listStyleType="none" ml={0} pl={0}>
      {check.attention.slice(0, NAMED).map((a) => (
        <List.Item key={a.organizationId}>
          <Group gap={6} wrap="wrap">
            <Badge color={statusColours[a.status]} variant={a.status === 'breach' ? 'filled' : 'outline'} size="sm" style={{ textTransform: 'none' }}>
              {t(`compliance.status.${a.status}`)}
            </Badge>
            <Anchor component={Link} to={withQuery('/compliance', { organization: a.organizationId, date })} size="sm">
              {names.get(a.organizationId) ?? a.organizationId}
            </Anchor>
            {a.projection && (
              <Text size="sm" c="dimmed">
                {t('compliance.expected', { date: formatDateWithEra(a.projection.date, locale) })}
              </Text>
            )}
          </Group>
        </List.Item>
      ))}
      {check.attention.length > NAMED && (
        <List.Item>
          <Text size="sm" c="dimmed">
            {t('compliance.moreOrganizations', { count: check.attention.length - NAMED, number: formatNumber(check.attention.length - NAMED, locale) })}
          </Text>
        </List.Item>
      )}
    </List>
  );
}
