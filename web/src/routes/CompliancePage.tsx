import { Group, Loader, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { compliancePaths, type FederationComplianceBoard, type OrganizationComplianceBoard } from '../features/compliance/compliance';
import { complianceStateQuery, readComplianceState, type CompliancePageState } from '../features/compliance/compliance-query';
import { FederationChecks } from '../features/compliance/FederationChecks';
import { OrganizationChecks } from '../features/compliance/OrganizationChecks';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canReadCompliance } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { todayInJapan } from '../format';
import { useResource } from '../use-resource';

/** 法令遵守状況: the Act's standing requirements for one organization, or for the whole federation, on a date. */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canReadCompliance(me)) return <Forbidden title={t('compliance.title')} />;
  return <Compliance />;
}

function Compliance() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <ComplianceView organizations={items} />}</Loaded>;
}

function ComplianceView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const state = readComplianceState(params, today);
  const chosen = useOrganizationScope(organizations, state.organization);
  const { id: scope, organization } = chosen;
  // The federation administrator sees the whole federation until they choose one of its organizations; staff, their own.
  const wholeFederation = scope === null;
  const organizationBoard = useResource<OrganizationComplianceBoard>(scope ? compliancePaths.organization(scope, state.date) : null, { keepPrevious: true });
  const federationBoard = useResource<FederationComplianceBoard>(wholeFederation ? compliancePaths.federation(state.date) : null, { keepPrevious: true });
  const change = (changes: Partial<CompliancePageState>) => setParams(complianceStateQuery({ ...state, ...changes }, today), { replace: true });
  const loading = (scope ? organizationBoard : federationBoard).loading;

  return (
    <>
      <PageHeader
        title={t('compliance.title')}
        subtitle={organization ? labels.organizationName(organization) : wholeFederation ? t('compliance.wholeFederation') : undefined}
      />
      <Text mb="md">{t(wholeFederation ? 'compliance.federationIntro' : 'compliance.intro')}</Text>
      <Group align="flex-end" gap="md" wrap="wrap" mb="md">
        <OrganizationChooser scope={chosen} emptyLabel={t('compliance.wholeFederation')} w={{ base: '100%', sm: 420 }} onChange={(id) => change({ organization: id })} />
        <TextInput
          label={t('compliance.date')}
          description={t('compliance.dateHint')}
          type="date"
          w={200}
          value={state.date}
          onChange={(event) => change({ date: event.currentTarget.value })}
        />
        {loading && <Loader size="xs" mb={10} aria-label={t('common.loading')} />}
      </Group>
      {scope ? (
        <Loaded resource={organizationBoard}>{(board) => <OrganizationChecks board={board} />}</Loaded>
      ) : (
        <Loaded resource={federationBoard}>{(board) => <FederationChecks board={board} todayDate={today} />}</Loaded>
      )}
    </>
  );
}
