import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName } from './member';
import { MembershipStatusBadge } from './MembershipStatusBadge';
import type { MemberRowsProps } from './MembersTable';

/** The registry as cards, for phones; sorting is offered by a select beside it. */
export function MemberCards({ members, organizationName, kindName, backTo, busy, emptyText, labelledBy }: Omit<MemberRowsProps, 'state' | 'onSort'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (members.length === 0) return <Text>{emptyText}</Text>;
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      aria-labelledby={labelledBy}
      aria-busy={busy}
      style={{ listStyle: 'none', opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}
    >
      {members.map((member) => (
        <Paper key={member.membershipId} component="li" withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={0}>
              <Anchor component={Link} to={`/members/${member.membershipId}`} state={{ backTo }} fw={700} lang="ja">
                {personName(member)}
              </Anchor>
              <Text size="sm" lang="ja">
                {personKana(member)}
              </Text>
            </Stack>
            <MembershipStatusBadge status={member.status} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {t('member.numberShort')} {member.memberNumber} · {kindName(member.organizationId, member.kind)}
            {member.admittedOn && ` · ${t('member.admittedOn')} ${formatDate(member.admittedOn, locale)}`}
          </Text>
          {organizationName && (
            <Text size="sm" c="dimmed">
              {organizationName(member.organizationId)}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
