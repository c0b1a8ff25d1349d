import { Alert, Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { AccountCard } from '../features/account/AccountCard';
import { memberPaths, type MemberCounts } from '../features/members/member';
import { countsByOrganization } from '../features/members/member-counts';
import { FederationHeadline } from '../features/organizations/FederationHeadline';
import { MemberOrganizationsTable } from '../features/organizations/MemberOrganizationsTable';
import { OrganizationCard } from '../features/organizations/OrganizationCard';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { useMe } from '../features/session/session-context';
import { MyDividendsCard } from '../features/surplus/MyDividendsCard';
import { useResource } from '../use-resource';

/** The home page: what the signed-in person is responsible for. */
export function FederationPage() {
  const me = useMe();
  if (me.role === 'federation-admin') return <FederationOverview />;
  if (me.organizationId && me.role !== 'member') return <OwnOrganization id={me.organizationId} />;
  return <OwnAccount />;
}

function FederationOverview() {
  const { t } = useTranslation();
  const labels = useLabels();
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  const memberCounts = useResource<MemberCounts>(memberPaths.counts);
  const byOrganization = memberCounts.data ? countsByOrganization(memberCounts.data.items) : undefined;
  return (
    <Loaded resource={organizations}>
      {({ items }) => {
        const federation = items.find((o) => o.kind === 'federation');
        if (!federation) {
          return (
            <>
              <PageHeader title={t('federation.title')} />
              <Alert color="gray">{t('federation.none')}</Alert>
            </>
          );
        }
        const members = items.filter((o) => o.parentId === federation.id);
        return (
          <>
            <PageHeader
              title={labels.organizationName(federation)}
              subtitle={t('federation.subtitle')}
              actions={
                <>
                  <Button component={Link} to={`/organizations/${federation.id}`} variant="default">
                    {t('federation.details')}
                  </Button>
                  <Button component={Link} to="/organizations/new" leftSection={<IconPlus size={16} aria-hidden />}>
                    {t('organization.new')}
                  </Button>
                </>
              }
            />
            <FederationHeadline federation={federation} members={members} memberCounts={memberCounts.data} />
            <MemberOrganizationsTable organizations={members} memberCounts={byOrganization} />
          </>
        );
      }}
    </Loaded>
  );
}

function OwnOrganization({ id }: { id: string }) {
  const { t } = useTranslation();
  const organization = useResource<Organization>(organizationPaths.one(id));
  return (
    <>
      <PageHeader title={t('federation.ownOrganization')} />
      <Loaded resource={organization}>{(data) => <OrganizationCard organization={data} />}</Loaded>
    </>
  );
}

function OwnAccount() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('federation.myAccount')} />
      <Stack gap="md">
        <AccountCard />
        {/* A member's own dividends, once their assembly has resolved the year's close. */}
        {me.role === 'member' && <MyDividendsCard />}
      </Stack>
    </>
  );
}
