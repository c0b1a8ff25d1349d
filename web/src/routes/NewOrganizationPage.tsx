import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationApi, organizationPaths, type Organization } from '../features/organizations/organization';
import {
  NEW_ORGANIZATION_VALUES,
  toOrganizationInput,
  type OrganizationFormValues,
} from '../features/organizations/organization-form-values';
import { OrganizationForm } from '../features/organizations/OrganizationForm';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

/** A federation administrator registers a member organization of the federation. */
export function NewOrganizationPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('organization.new')} />
      {isFederationAdmin(me) ? <NewMemberOrganization /> : <Alert color="gray">{t('errors.forbidden')}</Alert>}
    </>
  );
}

function NewMemberOrganization() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organizations = useResource<Items<Organization>>(organizationPaths.list);

  return (
    <Loaded resource={organizations}>
      {({ items }) => {
        const federation = items.find((o) => o.kind === 'federation');
        if (!federation) return <Alert color="gray">{t('federation.none')}</Alert>;
        const create = async (values: OrganizationFormValues) => {
          const created = await organizationApi.create({
            ...toOrganizationInput(values),
            code: values.code.trim(),
            parentId: federation.id,
          });
          notifySuccess(t('organization.created'));
          navigate(`/organizations/${created.id}`);
        };
        return (
          <OrganizationForm
            initial={NEW_ORGANIZATION_VALUES}
            withCode
            statusLocked={false}
            submitLabel={t('organization.create')}
            onSubmit={create}
          />
        );
      }}
    </Loaded>
  );
}
