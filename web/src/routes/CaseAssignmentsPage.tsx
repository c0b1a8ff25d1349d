import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Items } from '../api';
import { Dialog } from '../components/Dialog';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { businessPaths, type Site } from '../features/business/business';
import { AssignForm } from '../features/casework/AssignForm';
import { AssignmentsTable } from '../features/casework/AssignmentsTable';
import { caseworkPaths, type CaseAssignment } from '../features/casework/casework';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canSetCapitalRules } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { userPaths, type User } from '../features/users/user';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';
import { BackToCasework } from './CaseworkPage';

/** 担当の割当: who works cases at which office of the organization, kept by its administrator. */
export function CaseAssignmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  // The organization's administrator, or the federation's (the server's rule for assignments).
  if (!canSetCapitalRules(me, id)) return <Forbidden title={t('casework.assignments.title')} />;
  return <CaseAssignments organizationId={id} />;
}

function CaseAssignments({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [assigning, setAssigning] = useState(false);
  const [openings, setOpenings] = useState(0);
  const organization = useResource<Organization>(organizationPaths.one(organizationId));
  const assignments = useResource<Items<CaseAssignment>>(caseworkPaths.assignments(organizationId));
  const sites = useResource<Items<Site>>(businessPaths.sites(organizationId));
  const users = useResource<Items<User>>(userPaths.list(organizationId));
  // Only the organization's administrators and clerks can work cases.
  const eligible = (users.data?.items ?? []).filter((u) => u.organizationId === organizationId && !u.disabled && (u.role === 'org-admin' || u.role === 'clerk'));

  return (
    <>
      <BackToCasework />
      <PageHeader
        title={t('casework.assignments.title')}
        subtitle={organization.data ? labels.organizationName(organization.data) : undefined}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={!sites.data || !users.data}
            onClick={() => {
              setOpenings((n) => n + 1);
              setAssigning(true);
            }}
          >
            {t('casework.assignments.assign')}
          </Button>
        }
      />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('casework.assignments.intro')}
        </Text>
        <Loaded resource={assignments}>{({ items }) => <AssignmentsTable assignments={items} onChanged={assignments.reload} />}</Loaded>
      </Stack>
      <Dialog opened={assigning} onClose={() => setAssigning(false)} title={t('casework.assignments.assign')}>
        {assigning && (
          <AssignForm
            key={openings}
            users={eligible}
            sites={sites.data?.items ?? []}
            onCancel={() => setAssigning(false)}
            onAssigned={(assignment) => {
              setAssigning(false);
              notifySuccess(t('casework.assignments.assigned', { name: assignment.displayName, site: assignment.siteNameJa }));
              assignments.reload();
            }}
          />
        )}
      </Dialog>
    </>
  );
}
