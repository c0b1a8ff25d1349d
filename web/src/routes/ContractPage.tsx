import { Button, Group, Stack } from '@mantine/core';
import { IconPencil, IconReportAnalytics } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Items } from '../api';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { businessPaths, type Site } from '../features/business/business';
import { ContractDialog } from '../features/programmes/ContractDialog';
import { ContractSummary, useContractWords } from '../features/programmes/ContractSummary';
import { programmePaths, type Commissioners, type Contract } from '../features/programmes/programmes';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** One programme contract: what was agreed, its correction, and the way to its report. */
export function ContractPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { contractId = '' } = useParams();
  const allowed = canKeepRegistry(me);
  const contract = useResource<Contract>(allowed ? programmePaths.contract(contractId) : null);
  const commissioners = useResource<Commissioners>(allowed ? programmePaths.commissioners : null);
  const sites = useResource<Items<Site>>(contract.data ? businessPaths.sites(contract.data.organizationId) : null);
  if (!allowed) return <Forbidden title={t('programmes.title')} />;
  return (
    <Loaded resource={contract}>
      {(data) => (
        <Loaded resource={commissioners}>
          {(list) => (
            <Loaded resource={sites}>
              {(siteList) => (
                <ContractView
                  contract={data}
                  commissioners={list.items}
                  sites={siteList.items}
                  onReload={contract.reload}
                  onCommissionerAdded={commissioners.reload}
                />
              )}
            </Loaded>
          )}
        </Loaded>
      )}
    </Loaded>
  );
}

interface ContractViewProps {
  contract: Contract;
  commissioners: Commissioners['items'];
  sites: Site[];
  onReload: () => void;
  onCommissionerAdded: () => void;
}

function ContractView({ contract, commissioners, sites, onReload, onCommissionerAdded }: ContractViewProps) {
  const { t } = useTranslation();
  const me = useMe();
  const words = useContractWords(commissioners, sites);
  const [editing, setEditing] = useState(false);
  const [opening, setOpening] = useState(0);
  const listPath = isFederationAdmin(me) ? `/programmes?organization=${contract.organizationId}` : '/programmes';

  return (
    <>
      <PageHeader
        title={words.programme(contract)}
        subtitle={words.commissioner(contract)}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/programmes/contracts/${contract.id}/report`} variant="default" leftSection={<IconReportAnalytics size={16} aria-hidden />}>
              {t('programmes.report.open')}
            </Button>
            <Button
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => {
                setOpening((n) => n + 1);
                setEditing(true);
              }}
            >
              {t('programmes.contract.edit')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <BackLink to={listPath}>{t('programmes.backToList')}</BackLink>
        <ContractSummary contract={contract} commissioners={commissioners} sites={sites} headingOrder={2} />
      </Stack>
      <ContractDialog
        organizationId={contract.organizationId}
        editing={editing ? contract : undefined}
        opening={opening}
        commissioners={commissioners}
        sites={sites}
        onClose={() => setEditing(false)}
        onStale={onReload}
        onCommissionerAdded={onCommissionerAdded}
        onSaved={() => {
          setEditing(false);
          onReload();
        }}
      />
    </>
  );
}
