import { Badge, Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import { useMe } from '../session/session-context';
import { userApi, type User } from './user';

interface UsersTableProps {
  users: User[];
  organizations: Organization[];
  onChanged: () => void;
}

export function UsersTable({ users, organizations, onChanged }: UsersTableProps) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const action = useRowAction();

  const organizationName = (id: string | null) => {
    const organization = organizations.find((o) => o.id === id);
    return organization ? labels.organizationName(organization) : t('common.none');
  };
  // People do not lock themselves out, and organization administrators leave federation administrators alone.
  const manageable = (user: User) => user.id !== me.id && (me.role === 'federation-admin' || user.role !== 'federation-admin');

  const toggle = (user: User) =>
    action.run(user.id, async () => {
      await userApi.setDisabled(user.id, !user.disabled);
      notifySuccess(t(user.disabled ? 'users.enabled' : 'users.disabled', { name: user.displayName }));
      onChanged();
    });

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" aria-label={t('users.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('user.displayName')}</Table.Th>
            <Table.Th scope="col">{t('user.email')}</Table.Th>
            <Table.Th scope="col">{t('user.role')}</Table.Th>
            <Table.Th scope="col">{t('user.organization')}</Table.Th>
            <Table.Th scope="col">{t('user.state')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{labels.code('role', user.role)}</Table.Td>
              <Table.Td>{organizationName(user.organizationId)}</Table.Td>
              <Table.Td>
                <Badge color={user.disabled ? 'gray' : 'teal'} variant="dot" style={{ textTransform: 'none' }}>
                  {t(user.disabled ? 'users.stateDisabled' : 'users.stateActive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                {manageable(user) && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={action.busyId === user.id}
                    aria-label={t(user.disabled ? 'users.enableNamed' : 'users.disableNamed', { name: user.displayName })}
                    onClick={() => toggle(user)}
                  >
                    {t(user.disabled ? 'users.enable' : 'users.disable')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
