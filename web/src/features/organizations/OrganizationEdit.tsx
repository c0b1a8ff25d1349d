import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { notifyError, notifySuccess } from '../../notify';
import { isFederationAdmin } from '../session/permissions';
import { useMe } from '../session/session-context';
import { organizationApi, type Organization } from './organization';
import { toOrganizationInput, valuesFromOrganization, type OrganizationFormValues } from './organization-form-values';
import { OrganizationForm } from './OrganizationForm';

interface OrganizationEditProps {
  organization: Organization;
  /** Loads the organization again as stored: after saving, and after losing a conflict. */
  onReload: () => void;
}

/** Saves with the version that was read; if someone saved first, the person sees their change instead. */
export function OrganizationEdit({ organization, onReload }: OrganizationEditProps) {
  const { t } = useTranslation();
  const me = useMe();

  async function save(values: OrganizationFormValues) {
    try {
      await organizationApi.update(organization.id, organization.version, toOrganizationInput(values));
      notifySuccess(t('organization.saved'));
      onReload();
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'version_conflict')) throw error;
      notifyError(t('errors.version_conflict'));
      onReload();
    }
  }

  return (
    <OrganizationForm
      // A new version means new values to start from.
      key={organization.version}
      initial={valuesFromOrganization(organization)}
      withCode={false}
      statusLocked={!isFederationAdmin(me)}
      submitLabel={t('common.save')}
      onSubmit={save}
    />
  );
}
