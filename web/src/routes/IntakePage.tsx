import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { caseworkPaths, type CaseContract, type CaseSite } from '../features/casework/casework';
import { contractsForSite } from '../features/casework/casework-values';
import { IntakeForm } from '../features/casework/IntakeForm';
import { todayInJapan } from '../format';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';
import { BackToCasework } from './CaseworkPage';

/** 受付: a new participant at one of the offices where the user works cases. */
export function IntakePage() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const sites = useResource<Items<CaseSite>>(caseworkPaths.mySites);
  return (
    <>
      <BackToCasework />
      <Loaded resource={sites}>
        {({ items }) => {
          const site = items.find((s) => s.siteId === siteId);
          if (!site) {
            return (
              <>
                <PageHeader title={t('casework.intake.title')} />
                <Alert color="gray">{t('casework.intake.notAssigned')}</Alert>
              </>
            );
          }
          return <Intake site={site} />;
        }}
      </Loaded>
    </>
  );
}

function Intake({ site }: { site: CaseSite }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contracts = useResource<Items<CaseContract>>(caseworkPaths.contracts(site.organizationId));
  return (
    <>
      <PageHeader title={t('casework.intake.title')} subtitle={site.siteNameJa} />
      <Loaded resource={contracts}>
        {({ items }) => {
          const offered = contractsForSite(items, site.siteId);
          if (offered.length === 0) return <Alert color="yellow">{t('casework.intake.noContract')}</Alert>;
          return (
            <IntakeForm
              siteId={site.siteId}
              contracts={offered}
              today={todayInJapan()}
              onCancel={() => navigate('/casework')}
              onCreated={(participant) => {
                notifySuccess(t('casework.intake.created', { reference: participant.reference }));
                navigate(`/participants/${encodeURIComponent(participant.id)}`);
              }}
            />
          );
        }}
      </Loaded>
    </>
  );
}
