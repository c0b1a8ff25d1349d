import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { caseworkApi, type CaseAssignment } from './casework';

interface AssignmentsTableProps {
  assignments: CaseAssignment[];
  onChanged: () => void;
}

/** Who works cases at which office, and as what; each can be removed. */
export function AssignmentsTable({ assignments, onChanged }: AssignmentsTableProps) {
  const { t } = useTranslation();
  const action = useRowAction();
  if (assignments.length === 0) return <Text c="dimmed">{t('casework.assignments.none')}</Text>;
  const sorted = [...assignments].sort((a, b) => a.siteNameJa.localeCompare(b.siteNameJa, 'ja') || a.displayName.localeCompare(b.displayName, 'ja'));
  const remove = (a: CaseAssignment) =>
    action.run(`${a.siteId}:${a.userId}`, async () => {
      await caseworkApi.unassign(a.siteId, a.userId);
      notifySuccess(t('casework.assignments.removed', { name: a.displayName, site: a.siteNameJa }));
      onChanged();
    });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>{t('casework.assignments.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('casework.assignments.site')}</Table.Th>
            <Table.Th scope="col">{t('casework.assignments.user')}</Table.Th>
            <Table.Th scope="col">{t('user.email')}</Table.Th>
            <Table.Th scope="col">{t('casework.assignments.role')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((a) => (
            <Table.Tr key={`${a.siteId}:${a.userId}`}>
              <Table.Td>{a.siteNameJa}</Table.Td>
              <Table.Td>{a.displayName}</Table.Td>
              <Table.Td>{a.email}</Table.Td>
              <Table.Td>{t(`casework.caseRole.${a.caseRole}`)}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  loading={action.busyId === `${a.siteId}:${a.userId}`}
                  aria-label={t('casework.assignments.removeNamed', { name: a.displayName, site: a.siteNameJa })}
                  onClick={() => remove(a)}
                >
                  {t('casework.assignments.remove')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
