import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Items } from '../api';
import { BackLink } from '../components/BackLink';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { caseworkPaths, type CaseSite, type ParticipantRead } from '../features/casework/casework';
import { canReadLog } from '../features/casework/casework-values';
import { ReadLogTable } from '../features/casework/ReadLogTable';
import { SiteParticipants } from '../features/casework/SiteParticipants';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** The case assignments of an organization are kept by its administrator (and the federation's). */
function AssignmentsLink() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.role !== 'org-admin' || me.organizationId === null) return null;
  return (
    <Button component={Link} to={`/organizations/${encodeURIComponent(me.organizationId)}/case-assignments`} variant="default" leftSection={<IconUsersGroup size={16} aria-hidden />}>
      {t('casework.assignments.title')}
    </Button>
  );
}

/** 支援対象者: the offices where the signed-in user works cases, and each office's participants. */
export function CaseworkPage() {
  const { t } = useTranslation();
  const me = useMe();
  // A member's own account works no cases; it is told so rather than refused.
  const sites = useResource<Items<CaseSite>>(me.role === 'member' ? null : caseworkPaths.mySites);
  return (
    <>
      <PageHeader title={t('casework.title')} subtitle={t('casework.subtitle')} actions={<AssignmentsLink />} />
      {isFederationAdmin(me) && <FederationAssignments />}
      {me.role === 'member' ? (
        <NoCaseRole />
      ) : (
        <Loaded resource={sites}>
          {({ items }) =>
            items.length === 0 ? (
              <NoCaseRole />
            ) : (
              <Stack gap="lg">
                {items.map((site) => (
                  <SiteParticipants key={site.siteId} site={site} />
                ))}
              </Stack>
            )
          }
        </Loaded>
      )}
    </>
  );
}

/** Why the page shows no participants: their records are for the staff assigned to their office. */
function NoCaseRole() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Alert color="gray" title={t('casework.noSites.title')}>
      <Text>{t('casework.noSites.text')}</Text>
      <Text mt="xs">{me.role === 'org-admin' || me.role === 'federation-admin' ? t('casework.noSites.admin') : t('casework.noSites.ask')}</Text>
    </Alert>
  );
}

/** The federation administrator keeps every organization's case assignments: one is chosen. */
function FederationAssignments() {
  const { t } = useTranslation();
  const labels = useLabels();
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  const [chosen, setChosen] = useState('');
  const navigate = useNavigate();
  const items = (organizations.data?.items ?? []).filter((o) => o.kind !== 'federation');
  if (items.length === 0) return null;
  return (
    <Group align="flex-end" mb="lg">
      <NativeSelect
        label={t('casework.assignments.chooseOrganization')}
        value={chosen}
        onChange={(event) => setChosen(event.currentTarget.value)}
        data={[{ value: '', label: t('common.choose') }, ...items.map((o) => ({ value: o.id, label: labels.organizationName(o) }))]}
      />
      <Button variant="default" disabled={!chosen} onClick={() => navigate(`/organizations/${encodeURIComponent(chosen)}/case-assignments`)}>
        {t('casework.assignments.title')}
      </Button>
    </Group>
  );
}

export function BackToCasework() {
  const { t } = useTranslation();
  return (
    <BackLink to="/casework" mb="xs">{t('casework.back')}</BackLink>
  );
}

/** 閲覧記録: who read which record of the office, for its lead and supervisors. */
export function SiteReadsPage() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const sites = useResource<Items<CaseSite>>(caseworkPaths.mySites);
  return (
    <>
      <BackToCasework />
      <Loaded resource={sites}>
        {({ items }) => {
          const site = items.find((s) => s.siteId === siteId);
          if (!site || !canReadLog(site.caseRole)) {
            return (
              <>
                <PageHeader title={t('casework.reads.title')} />
                <Alert color="gray">{t('casework.reads.notAllowed')}</Alert>
              </>
            );
          }
          return <SiteReads site={site} />;
        }}
      </Loaded>
    </>
  );
}

function SiteReads({ site }: { site: CaseSite }) {
  const { t } = useTranslation();
  const reads = useResource<Items<ParticipantRead>>(caseworkPaths.reads(site.siteId));
  return (
    <>
      <PageHeader title={t('casework.reads.title')} subtitle={site.siteNameJa} />
      <Text size="sm" c="dimmed" mb="sm">
        {t('casework.reads.explain')}
      </Text>
      <Loaded resource={reads}>{({ items }) => <ReadLogTable reads={items} siteName={site.siteNameJa} />}</Loaded>
    </>
  );
}
