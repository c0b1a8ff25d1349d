import { Alert, Stack, Tabs } from '@mantine/core';
import { IconBook, IconCalendarEvent, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { BodiesPanel } from '../features/governance/BodiesPanel';
import { BylawsPanel } from '../features/governance/BylawsPanel';
import { MeetingsPanel } from '../features/governance/MeetingsPanel';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canKeepBylaws, canRunMeetings } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

const TABS = ['meetings', 'bodies', 'bylaws'] as const;
type Tab = (typeof TABS)[number];
const tabOf = (value: string | null): Tab => TABS.find((tab) => tab === value) ?? 'meetings';

/** 総会・議決: an organization's meetings, its bodies and seats, and its bylaws with the settings in force. */
export function AssembliesPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canRunMeetings(me)) return <Forbidden title={t('governance.title')} />;
  return <Assemblies />;
}

function Assemblies() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <AssembliesView organizations={items} />}</Loaded>;
}

function AssembliesView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const chosen = useOrganizationScope(organizations, params.get('organization'));
  const { id: scope, organization } = chosen;
  const tab = tabOf(params.get('tab'));
  const change = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('governance.title')} subtitle={organization ? labels.organizationName(organization) : undefined} />
      <Stack gap="md">
        <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} w={{ base: '100%', sm: 420 }} onChange={(id) => change({ organization: id })} />
        {scope === null ? (
          <Alert color="gray">{t('governance.chooseOrganization')}</Alert>
        ) : (
          <Tabs value={tab} onChange={(value) => change({ tab: value === 'meetings' || !value ? '' : value })} keepMounted={false}>
            <Tabs.List aria-label={t('governance.title')} mb="md">
              <Tabs.Tab value="meetings" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
                {t('governance.tabs.meetings')}
              </Tabs.Tab>
              <Tabs.Tab value="bodies" leftSection={<IconUsersGroup size={16} aria-hidden />}>
                {t('governance.tabs.bodies')}
              </Tabs.Tab>
              <Tabs.Tab value="bylaws" leftSection={<IconBook size={16} aria-hidden />}>
                {t('governance.tabs.bylaws')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="meetings">
              <MeetingsPanel key={scope} organizationId={scope} />
            </Tabs.Panel>
            <Tabs.Panel value="bodies">
              <BodiesPanel key={scope} organizationId={scope} canEstablish={canKeepBylaws(me, scope)} />
            </Tabs.Panel>
            <Tabs.Panel value="bylaws">
              <BylawsPanel key={scope} organizationId={scope} canRecord={canKeepBylaws(me, scope)} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </>
  );
}
