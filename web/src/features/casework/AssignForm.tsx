import { NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DialogForm } from '../../components/DialogForm';
import { useFormSubmit } from '../../use-form-submit';
import type { Site } from '../business/business';
import type { User } from '../users/user';
import { caseworkApi, CASE_ROLES, type CaseAssignment, type CaseRole } from './casework';

interface AssignFormProps {
  /** The organization's administrators and clerks: only they can work cases. */
  users: User[];
  sites: Site[];
  onCancel: () => void;
  onAssigned: (assignment: CaseAssignment) => void;
}

interface AssignValues {
  userId: string;
  siteId: string;
  caseRole: CaseRole;
}

/** Assigns a user of the organization to an office as caseworker, supervisor or office lead (or changes their role). */
export function AssignForm({ users, sites, onCancel, onAssigned }: AssignFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<AssignValues>({
    initialValues: { userId: '', siteId: sites.length === 1 ? (sites[0]?.id ?? '') : '', caseRole: 'caseworker' },
    check: (values) => ({ ...(values.userId ? {} : { userId: 'required' }), ...(values.siteId ? {} : { siteId: 'required' }) }),
    send: async (values) => onAssigned(await caseworkApi.assign(values.siteId, values.userId, values.caseRole)),
    report: 'alert',
    afterSuccess: 'leave',
  });
  return (
    <DialogForm form={form} submitLabel={t('casework.assignments.assign')} onCancel={onCancel}>
      <Text size="sm">{t('casework.assignments.explain')}</Text>
      <NativeSelect
        label={t('casework.assignments.user')}
        required
        {...form.input('userId')}
        data={[{ value: '', label: t('common.choose') }, ...users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.email}）` }))]}
      />
      <NativeSelect
        label={t('casework.assignments.site')}
        required
        {...form.input('siteId')}
        data={[...(sites.length === 1 ? [] : [{ value: '', label: t('common.choose') }]), ...sites.map((s) => ({ value: s.id, label: s.nameJa }))]}
      />
      <NativeSelect
        label={t('casework.assignments.role')}
        description={t(`casework.caseRoleHint.${form.values.caseRole}`)}
        value={form.values.caseRole}
        onChange={(event) => {
          const role = CASE_ROLES.find((r) => r === event.currentTarget.value);
          if (role) form.set('caseRole', role);
        }}
        data={CASE_ROLES.map((r) => ({ value: r, label: t(`casework.caseRole.${r}`) }))}
      />
    </DialogForm>
  );
}
