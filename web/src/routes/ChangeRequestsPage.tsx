import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { CardList } from '../components/CardList';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { ChangeRequestCard } from '../features/portal/ChangeRequestCard';
import { portalPaths, type ChangeRequest } from '../features/portal/portal';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

const LIST_HEADING_ID = 'change-requests-heading';

/** 変更申請 (/change-requests, staff): members' requests to change their name or address, to confirm or reject. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(canKeepRegistry(me) ? organizationPaths.list : null);
  if (!canKeepRegistry(me)) return <Forbidden title={t('portal.changeRequests.title')} />;
  return <Loaded resource={organizations}>{({ items }) => <ChangeRequests organizations={items} />}</Loaded>;
}

function ChangeRequests({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const scope = useOrganizationScope(organizations, params.get('organization'));
  const requests = useResource<Items<ChangeRequest>>(scope.id ? portalPaths.changeRequests(scope.id, 'pending') : null, { keepPrevious: true });
  return (
    <>
      <PageHeader title={t('portal.changeRequests.title')} subtitle={scope.organization ? labels.organizationName(scope.organization) : undefined} />
      <Stack gap="md" maw={880}>
        <Text>{t('portal.changeRequests.intro')}</Text>
        <OrganizationChooser
          scope={scope}
          emptyLabel={t('common.choose')}
          w={{ base: '100%', sm: 420 }}
          onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })}
        />
        {scope.id === null ? (
          <Alert color="gray">{t('portal.invitations.chooseOrganization')}</Alert>
        ) : (
          <>
            <Title order={2} size="h4" id={LIST_HEADING_ID}>
              {t('portal.changeRequests.pending')}
            </Title>
            <Loaded resource={requests}>
              {({ items }) => (
                <CardList items={items} itemKey={(r) => r.id} emptyText={t('portal.changeRequests.none')} labelledBy={LIST_HEADING_ID} busy={requests.stale}>
                  {(request) => <ChangeRequestCard request={request} onDecided={requests.reload} />}
                </CardList>
              )}
            </Loaded>
          </>
        )}
      </Stack>
    </>
  );
}
