import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { businessPaths, fiscalYearOf, type BusinessLines, type Site } from '../features/business/business';
import { BusinessLineForm } from '../features/business/BusinessLineForm';
import { ResultsPanel } from '../features/business/ResultsPanel';
import { SiteForm } from '../features/business/SiteForm';
import { SitesTable } from '../features/business/SitesTable';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { BusinessLineSdgPanel } from '../features/sdg/BusinessLineSdgPanel';
import { useSdgTagging } from '../features/sdg/SdgTagging';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { todayInJapan } from '../format';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

const SITES_HEADING_ID = 'sites-heading';
const RESULTS_HEADING_ID = 'site-results-heading';

/** 事業: an organization's sites and offices (事業所) and their results per fiscal year. */
export function BusinessesPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Sites are kept by the same staff as the registry (the server's canKeepBusinesses).
  const allowed = canKeepRegistry(me);
  const organizations = useResource<Items<Organization>>(allowed ? organizationPaths.list : null);
  const lines = useResource<BusinessLines>(allowed ? businessPaths.lines : null);
  if (!allowed) return <Forbidden title={t('businesses.title')} />;
  return (
    <Loaded resource={organizations}>
      {({ items }) => <Loaded resource={lines}>{(businessLines) => <Businesses organizations={items} businessLines={businessLines} onLineAdded={lines.reload} />}</Loaded>}
    </Loaded>
  );
}

interface BusinessesProps {
  organizations: Organization[];
  businessLines: BusinessLines;
  onLineAdded: () => void;
}

function Businesses({ organizations, businessLines, onLineAdded }: BusinessesProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [addingLine, setAddingLine] = useState(false);
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const chosen = useOrganizationScope(organizations, params.get('organization'));
  const { id: scope, organization } = chosen;
  const sites = useResource<Items<Site>>(scope ? businessPaths.sites(scope) : null);
  const sdg = useSdgTagging(scope);
  // The dialog edits one site, or a new one (null); undefined while closed. Each opening starts the form afresh.
  const [editing, setEditing] = useState<Site | null | undefined>(undefined);
  const [openings, setOpenings] = useState(0);
  const [sitesVersion, setSitesVersion] = useState(0);
  const open = (site: Site | null) => {
    setOpenings((n) => n + 1);
    setEditing(site);
  };
  const close = () => setEditing(undefined);

  return (
    <>
      <PageHeader
        title={t('businesses.title')}
        subtitle={organization ? labels.organizationName(organization) : undefined}
        actions={
          <Group gap="sm">
            {isFederationAdmin(me) && (
              <Button variant="default" onClick={() => setAddingLine(true)}>
                {t('businesses.line.add')}
              </Button>
            )}
            {scope !== null && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)}>
                {t('businesses.site.add')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {chosen.chooses && (
          <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} maw={480} onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })} />
        )}
        {scope === null || organization === undefined ? (
          <Alert color="gray">{t('workers.chooseOrganization')}</Alert>
        ) : (
          <>
            <Paper component="section" aria-labelledby={SITES_HEADING_ID} withBorder p="md">
              <Title order={2} size="h4" id={SITES_HEADING_ID} mb="sm">
                {t('businesses.site.listTitle')}
              </Title>
              <Loaded resource={sites}>
                {({ items }) => <SitesTable sites={items} businessLines={businessLines.items} onEdit={open} labelledBy={SITES_HEADING_ID} sdgBadges={sdg.siteBadges} onSdg={sdg.openSite} />}
              </Loaded>
            </Paper>
            <Paper component="section" aria-labelledby={RESULTS_HEADING_ID} withBorder p="md">
              <Title order={2} size="h4" id={RESULTS_HEADING_ID} mb="sm">
                {t('businesses.result.title')}
              </Title>
              <ResultsPanel
                key={scope}
                organizationId={scope}
                currentYear={fiscalYearOf(todayInJapan(), organization.fiscalYearStartMonth)}
                sitesVersion={sitesVersion}
              />
            </Paper>
          </>
        )}
        {isFederationAdmin(me) && <BusinessLineSdgPanel lines={businessLines.items} tagging={sdg} />}
      </Stack>
      {sdg.dialog}
      <Dialog opened={addingLine} onClose={() => setAddingLine(false)} title={t('businesses.line.add')}>
        {addingLine && (
          <BusinessLineForm
            existing={businessLines.items}
            onCancel={() => setAddingLine(false)}
            onAdded={(line) => {
              setAddingLine(false);
              notifySuccess(t('businesses.line.added', { name: line.nameJa }));
              onLineAdded();
            }}
          />
        )}
      </Dialog>
      {scope !== null && (
        <Dialog opened={editing !== undefined} onClose={close} title={editing ? t('businesses.site.editTitle') : t('businesses.site.add')}>
          {editing !== undefined && (
            <SiteForm
              key={openings}
              organizationId={scope}
              site={editing ?? undefined}
              businessLines={businessLines.items}
              onCancel={close}
              onSaved={(site) => {
                close();
                notifySuccess(t('businesses.site.saved', { name: site.nameJa }));
                sites.reload();
                setSitesVersion((n) => n + 1);
              }}
            />
          )}
        </Dialog>
      )}
    </>
  );
}
