import { Tabs } from '@mantine/core';
import { IconHistory, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { BackLink } from '../components/BackLink';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationDetails } from '../features/organizations/OrganizationDetails';
import { OrganizationEdit } from '../features/organizations/OrganizationEdit';
import { OrganizationHistory } from '../features/organizations/OrganizationHistory';
import { useLabels } from '../features/reference/use-labels';
import { canEditOrganization, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

export function OrganizationPage() {
  const { id = '' } = useParams();
  const organization = useResource<Organization>(organizationPaths.one(id));
  return <Loaded resource={organization}>{(data) => <OrganizationView organization={data} reload={organization.reload} />}</Loaded>;
}

type Tab = 'details' | 'edit' | 'history';

function OrganizationView({ organization, reload }: { organization: Organization; reload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const editable = canEditOrganization(me, organization);
  const tabs: Tab[] = editable ? ['details', 'edit', 'history'] : ['details', 'history'];
  const requested = params.get('tab');
  const tab = tabs.find((candidate) => candidate === requested) ?? 'details';
  const name = labels.organizationName(organization);
  const otherName = name === organization.nameJa ? organization.nameEn : organization.nameJa;

  return (
    <>
      {isFederationAdmin(me) && organization.parentId && (
        <BackLink to="/" mb="xs">{t('organization.backToFederation')}</BackLink>
      )}
      <PageHeader title={name} subtitle={otherName ?? undefined} />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'details' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} aria-hidden />}>
            {t('organization.tabs.details')}
          </Tabs.Tab>
          {editable && (
            <Tabs.Tab value="edit" leftSection={<IconPencil size={16} aria-hidden />}>
              {t('organization.tabs.edit')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('organization.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <OrganizationDetails organization={organization} />
        </Tabs.Panel>
        {editable && (
          <Tabs.Panel value="edit">
            <OrganizationEdit organization={organization} onReload={reload} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <OrganizationHistory key={organization.version} organizationId={organization.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
