import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { businessPaths, type Site } from '../features/business/business';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { ContractDialog } from '../features/programmes/ContractDialog';
import { ContractLinks, ContractSummary, useContractWords } from '../features/programmes/ContractSummary';
import { SdgBadges } from '../features/sdg/SdgBadges';
import { useSdgTagging, type SdgTagging } from '../features/sdg/SdgTagging';
import { programmePaths, type Commissioners, type Contract } from '../features/programmes/programmes';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** 委託事業: an organization's commissioned programmes, their contracts with commissioners, and the way to each report. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Contracts are kept by the organization's staff and the federation administrator (the server's canKeepProgrammes).
  const allowed = canKeepRegistry(me);
  const organizations = useResource<Items<Organization>>(allowed ? organizationPaths.list : null);
  const commissioners = useResource<Commissioners>(allowed ? programmePaths.commissioners : null);
  if (!allowed) return <Forbidden title={t('programmes.title')} />;
  return (
    <Loaded resource={organizations}>
      {({ items }) => (
        <Loaded resource={commissioners}>{(list) => <Programmes organizations={items} commissioners={list} onCommissionerAdded={commissioners.reload} />}</Loaded>
      )}
    </Loaded>
  );
}

interface ProgrammesProps {
  organizations: Organization[];
  commissioners: Commissioners;
  onCommissionerAdded: () => void;
}

function Programmes({ organizations, commissioners, onCommissionerAdded }: ProgrammesProps) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const chosen = useOrganizationScope(organizations, params.get('organization'));
  const { id: scope, organization } = chosen;
  const contracts = useResource<Items<Contract>>(scope ? programmePaths.contracts(scope) : null);
  const sites = useResource<Items<Site>>(scope ? businessPaths.sites(scope) : null);
  // The contract being corrected by its id (read from the latest list, which a conflict renews), a new one (null),
  // or none (undefined).
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [opening, setOpening] = useState(0);
  const open = (id: string | null) => {
    setOpening((n) => n + 1);
    setEditing(id);
  };
  const close = () => setEditing(undefined);
  const sdg = useSdgTagging(scope);
  const editedContract = editing === null || editing === undefined ? editing : contracts.data?.items.find((c) => c.id === editing);

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        subtitle={organization ? labels.organizationName(organization) : t('programmes.subtitle')}
        actions={
          <Group gap="sm">
            {isFederationAdmin(me) && (
              <Button component={Link} to="/programmes/overview" variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
                {t('programmes.overview.title')}
              </Button>
            )}
            {scope !== null && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => open(null)} disabled={sites.data === undefined}>
                {t('programmes.contract.add')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        {chosen.chooses && (
          <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} maw={480} onChange={(id) => setParams(id ? { organization: id } : {}, { replace: true })} />
        )}
        {scope === null ? (
          <Alert color="gray">{t('programmes.chooseOrganization')}</Alert>
        ) : (
          <Loaded resource={contracts}>
            {({ items }) => (
              <Loaded resource={sites}>
                {(siteList) => <ContractList contracts={items} commissioners={commissioners.items} sites={siteList.items} onEdit={open} sdg={sdg} />}
              </Loaded>
            )}
          </Loaded>
        )}
      </Stack>
      {sdg.dialog}
      {scope !== null && (
        <ContractDialog
          organizationId={scope}
          editing={editedContract}
          opening={opening}
          commissioners={commissioners.items}
          sites={sites.data?.items ?? []}
          onClose={close}
          onStale={contracts.reload}
          onCommissionerAdded={onCommissionerAdded}
          onSaved={() => {
            close();
            contracts.reload();
          }}
        />
      )}
    </>
  );
}

interface ContractListProps {
  contracts: Contract[];
  commissioners: Commissioners['items'];
  sites: Site[];
  onEdit: (contractId: string) => void;
  /** The programmes' SDG goals, and the dialog that sets them. */
  sdg: SdgTagging;
}

function ContractList({ contracts, commissioners, sites, onEdit, sdg }: ContractListProps) {
  const { t } = useTranslation();
  const words = useContractWords(commissioners, sites);
  if (contracts.length === 0) {
    return (
      <Stack gap="xs">
        <Text c="dimmed">{t('programmes.contract.none')}</Text>
        {sites.length === 0 && (
          <Text size="sm">
            {t('programmes.contract.noSitesYet')}{' '}
            <Anchor component={Link} to="/businesses">{t('nav.businesses')}</Anchor>
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md" component="section" aria-label={t('programmes.contract.listLabel', { number: contracts.length })}>
      {contracts.map((contract) => (
        <ContractSummary
          key={contract.id}
          contract={contract}
          commissioners={commissioners}
          sites={sites}
          headingOrder={2}
          actions={
            <>
              <SdgBadges codes={sdg.codesOf('programme', contract.id)} goals={sdg.goals} />
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => sdg.open({ subjectType: 'programme', subjectId: contract.id, name: words.programme(contract) })}
                aria-label={t('sdg.tags.openNamed', { name: words.programme(contract) })}
              >
                {t('sdg.tags.open')}
              </Button>
              <ContractLinks contract={contract} programme={words.programme(contract)} onEdit={() => onEdit(contract.id)} />
            </>
          }
        />
      ))}
    </Stack>
  );
}
