import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { canManageUsers, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { NewUserForm } from '../features/users/NewUserForm';
import { userPaths, type User } from '../features/users/user';
import { UsersTable } from '../features/users/UsersTable';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

/** Federation administrators see every account; organization administrators those of their organization. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canManageUsers(me)) return <Forbidden title={t('nav.users')} />;
  return <UserAdministration />;
}

function UserAdministration() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { open, close }] = useDisclosure(false);
  const users = useResource<Items<User>>(userPaths.list(isFederationAdmin(me) ? null : me.organizationId));
  const organizations = useResource<Items<Organization>>(organizationPaths.list);

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        actions={
          <Button onClick={open} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('users.new')}
          </Button>
        }
      />
      <Loaded resource={organizations}>
        {(orgs) => (
          <>
            <Loaded resource={users}>
              {({ items }) => <UsersTable users={items} organizations={orgs.items} onChanged={users.reload} />}
            </Loaded>
            <Dialog opened={opened} onClose={close} title={t('users.new')}>
              <NewUserForm
                organizations={orgs.items}
                onCancel={close}
                onCreated={(user) => {
                  close();
                  notifySuccess(t('users.created', { name: user.displayName }));
                  users.reload();
                }}
              />
            </Dialog>
          </>
        )}
      </Loaded>
    </>
  );
}
