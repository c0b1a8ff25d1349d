import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { organizationPaths, type Organization } from '../organizations/organization';
import type { Me } from '../session/me';
import { isFederationAdmin } from '../session/permissions';
import { useMe } from '../session/session-context';
import { useResource } from '../../use-resource';

interface ImportOrganizationsProps {
  /** Whether a user may import this kind of file at all. */
  allowed: (me: Me) => boolean;
  /** The organizations a file may go into (the federation's administrator chooses one); `admin` when they may choose. */
  children: (organizations: Organization[], admin: boolean) => ReactNode;
}

/** The organizations a user may import a file into: any member organization for the federation's administrator, else their own. */
export function ImportOrganizations({ allowed, children }: ImportOrganizationsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(allowed(me) ? organizationPaths.list : null);
  if (!allowed(me)) return <Alert color="gray">{t('errors.forbidden')}</Alert>;
  const admin = isFederationAdmin(me);
  return (
    <Loaded resource={organizations}>
      {({ items }) => children(admin ? items.filter((o) => o.kind === 'organization') : items.filter((o) => o.id === me.organizationId), admin)}
    </Loaded>
  );
}
