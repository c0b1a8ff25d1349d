import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Items } from '../api';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { InvitationForm } from '../features/portal/InvitationForm';
import { InvitationProgress } from '../features/portal/InvitationProgress';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** 招待 (/invitations, staff): invite members to マイページ by e-mail or printed letter, and follow the batch. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const organizations = useResource<Items<Organization>>(canKeepRegistry(me) ? organizationPaths.list : null);
  if (!canKeepRegistry(me)) return <Forbidden title={t('portal.invitations.title')} />;
  return <Loaded resource={organizations}>{({ items }) => <Invitations organizations={items} />}</Loaded>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Invitations({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const scope = useOrganizationScope(organizations, params.get('organization'));
  // The batch followed is in the address, so a reload keeps following it.
  const batchId = params.get('batch');
  const change = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('portal.invitations.title')} subtitle={scope.organization ? labels.organizationName(scope.organization) : undefined} />
      <Stack gap="md" maw={720}>
        <Text>{t('portal.invitations.intro')}</Text>
        <OrganizationChooser scope={scope} emptyLabel={t('common.choose')} w={{ base: '100%', sm: 420 }} onChange={(id) => change({ organization: id, batch: null })} />
        {scope.id === null ? (
          <Alert color="gray">{t('portal.invitations.chooseOrganization')}</Alert>
        ) : batchId ? (
          <Section id="invitation-progress-heading" title={t('portal.invitations.progress')}>
            <Stack gap="md">
              <InvitationProgress batchId={batchId} />
              <Button variant="default" onClick={() => change({ batch: null })} style={{ alignSelf: 'flex-start' }}>
                {t('portal.invitations.another')}
              </Button>
            </Stack>
          </Section>
        ) : (
          <Section id="invitation-form-heading" title={t('portal.invitations.send')}>
            <InvitationForm key={scope.id} organizationId={scope.id} onStarted={(id) => change({ batch: id })} />
          </Section>
        )}
      </Stack>
    </>
  );
}
