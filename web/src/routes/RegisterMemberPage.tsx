import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { withQuery, type Items } from '../api';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { BackToMembers } from '../features/members/BackToMembers';
import { knownPersonState } from '../features/members/known-person';
import { personName } from '../features/members/member';
import { NonMemberWorkerForm } from '../features/members/NonMemberWorkerForm';
import { RegisterMemberForm } from '../features/members/RegisterMemberForm';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { notifySuccess } from '../notify';
import { useResource } from '../use-resource';

interface RegistryFormProps {
  organizations: Organization[];
  initialOrganizationId: string;
}

interface RegistryFormPageProps {
  title: string;
  /** An organization not to offer, e.g. the one a person is already a member of when registering them in another. */
  exceptOrganizationId?: string;
  children: (props: RegistryFormProps) => ReactNode;
}

/**
 * A page that adds someone to an organization's registry. Staff add to their own organization; the federation
 * administrator chooses one, starting from the one the registry showed.
 */
function RegistryFormPage({ title, exceptOrganizationId, children }: RegistryFormPageProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  const allowed = canKeepRegistry(me);

  return (
    <>
      <BackToMembers />
      <PageHeader title={title} />
      {allowed ? (
        <Loaded resource={organizations}>
          {({ items }) => {
            const choices = isFederationAdmin(me)
              ? items.filter((o) => o.kind === 'organization' && o.id !== exceptOrganizationId)
              : items.filter((o) => o.id === me.organizationId);
            const requested = params.get('organization');
            const initial = choices.find((o) => o.id === requested) ?? (choices.length === 1 ? choices[0] : undefined);
            return children({ organizations: choices, initialOrganizationId: initial?.id ?? '' });
          }}
        </Loaded>
      ) : (
        <Alert color="gray">{t('errors.forbidden')}</Alert>
      )}
    </>
  );
}

/**
 * Registers a member: a new person, or with `?personId=` one already in the registry (a non-member worker, or a
 * member of another organization), whom the linking page names through the router's state.
 */
export function RegisterMemberPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const personId = params.get('personId') ?? '';
  const known = personId ? knownPersonState(location.state, personId) : null;
  // Back where the person was picked (the workers list, a member's page), when the app led here.
  const cancel = () => (personId && location.key !== 'default' ? navigate(-1) : navigate('/members'));
  return (
    <RegistryFormPage title={t(personId ? 'members.registerKnown' : 'members.register')} exceptOrganizationId={known?.exceptOrganizationId}>
      {(props) => (
        <RegisterMemberForm
          {...props}
          existing={personId ? { id: personId, person: known?.person ?? null } : undefined}
          onCancel={cancel}
          onRegistered={({ person, membership }) => {
            notifySuccess(t('members.registered', { name: personName(person) }));
            navigate(`/members/${membership.id}`, { replace: true });
          }}
        />
      )}
    </RegistryFormPage>
  );
}

export function NonMemberWorkerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <RegistryFormPage title={t('nonMemberWorker.title')}>
      {(props) => (
        <>
          <Alert color="blue" variant="light" mb="lg">
            {t('nonMemberWorker.intro')}
          </Alert>
          <NonMemberWorkerForm
            {...props}
            onCancel={() => navigate('/members')}
            onRegistered={(person, organizationId) => {
              notifySuccess(t('nonMemberWorker.registered', { name: personName(person) }));
              // A non-member worker is not in the member registry: the workers list shows them.
              navigate(withQuery('/members/workers', { organization: organizationId }));
            }}
          />
        </>
      )}
    </RegistryFormPage>
  );
}
