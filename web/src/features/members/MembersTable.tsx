import { Anchor, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { personKana, personName, type MemberListItem } from './member';
import { ariaSort, type MemberListState, type MemberSort } from './member-list-query';
import { MembershipStatusBadge } from './MembershipStatusBadge';

export interface MemberRowsProps {
  members: MemberListItem[];
  state: MemberListState;
  /** The name of each member's organization; only when the list spans organizations. */
  organizationName?: (organizationId: string) => string;
  /** The name of a member's kind, as their organization calls it. */
  kindName: (organizationId: string, kind: string) => string;
  onSort: (sort: MemberSort) => void;
  /** Where a member's page leads back to: this list with its search, filters and page. */
  backTo: string;
  /** The previous page still shows while the next loads. */
  busy: boolean;
  emptyText: string;
  labelledBy: string;
}

function SortHeader({ column, label, state, onSort }: { column: MemberSort; label: string; state: MemberListState; onSort: (sort: MemberSort) => void }) {
  const sort = ariaSort(state, column);
  const Icon = sort === 'ascending' ? IconSortAscending : sort === 'descending' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th scope="col" aria-sort={sort} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          {label}
          <Icon size={16} aria-hidden color={sort === 'none' ? 'var(--mantine-color-dimmed)' : undefined} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The registry as a table with sortable columns, for screens wide enough. */
export function MembersTable({ members, state, organizationName, kindName, onSort, backTo, busy, emptyText, labelledBy }: MemberRowsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = organizationName ? 7 : 6;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        // No highlight on hover: the links would fall below AA contrast on its background.
        striped
        verticalSpacing="xs"
        aria-labelledby={labelledBy}
        aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="memberNumber" label={t('member.numberShort')} state={state} onSort={onSort} />
            <Table.Th scope="col">{t('member.name')}</Table.Th>
            <SortHeader column="kana" label={t('member.kana')} state={state} onSort={onSort} />
            <Table.Th scope="col">{t('member.kind')}</Table.Th>
            <Table.Th scope="col">{t('member.status')}</Table.Th>
            <SortHeader column="admittedOn" label={t('member.admittedOn')} state={state} onSort={onSort} />
            {organizationName && <Table.Th scope="col">{t('member.organization')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.membershipId}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{member.memberNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/members/${member.membershipId}`} state={{ backTo }} fw={700} lang="ja">
                  {personName(member)}
                </Anchor>
              </Table.Td>
              <Table.Td lang="ja">{personKana(member)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{kindName(member.organizationId, member.kind)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <MembershipStatusBadge status={member.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {member.admittedOn ? formatDate(member.admittedOn, locale) : t('common.none')}
              </Table.Td>
              {organizationName && <Table.Td>{organizationName(member.organizationId)}</Table.Td>}
            </Table.Tr>
          ))}
          {members.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text>{emptyText}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
