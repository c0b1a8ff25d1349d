import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../components/CardList';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName } from './member';
import { MembershipStatusBadge } from './MembershipStatusBadge';
import type { MemberRowsProps } from './MembersTable';

/** The registry as cards, for phones; sorting is offered by a select beside it. */
export function MemberCards({ members, organizationName, kindName, backTo, busy, emptyText, labelledBy }: Omit<MemberRowsProps, 'state' | 'onSort'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <CardList items={members} itemKey={(member) => member.membershipId} emptyText={emptyText} labelledBy={labelledBy} busy={busy}>
      {(member) => (
        <>
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
        </>
      )}
    </CardList>
  );
}
