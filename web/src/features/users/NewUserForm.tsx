import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { PasswordField } from '../../components/PasswordField';
import { useFormSubmit } from '../../use-form-submit';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import type { Role } from '../session/me';
import { isFederationAdmin } from '../session/permissions';
import { useMe } from '../session/session-context';
import { checkNewUser, MIN_PASSWORD_LENGTH, NEW_USER_CODE_FIELDS, roleNeedsOrganization, toNewUserInput, type NewUserValues } from './new-user-values';
import { userApi, type User } from './user';

const ALL_ROLES: readonly Role[] = ['federation-admin', 'org-admin', 'clerk', 'member'];

interface NewUserFormProps {
  organizations: Organization[];
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export function NewUserForm({ organizations, onCreated, onCancel }: NewUserFormProps) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const federationAdmin = isFederationAdmin(me);
  // Organization administrators add people to their own organization only, never federation administrators.
  const roles = federationAdmin ? ALL_ROLES : ALL_ROLES.filter((role) => role !== 'federation-admin');
  const choices = federationAdmin ? organizations : organizations.filter((o) => o.id === me.organizationId);

  const form = useFormSubmit<NewUserValues>({
    initialValues: {
      email: '',
      displayName: '',
      password: '',
      role: 'member',
      organizationId: federationAdmin ? '' : (me.organizationId ?? ''),
    },
    check: checkNewUser,
    send: async (values) => onCreated(await userApi.create(toNewUserInput(values))),
    codeFields: NEW_USER_CODE_FIELDS,
    report: 'alert',
    afterSuccess: 'leave',
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} />
        <TextInput label={t('user.email')} type="email" autoComplete="off" required {...form.input('email')} />
        <TextInput label={t('user.displayName')} required {...form.input('displayName')} />
        <PasswordField
          label={t('user.password')}
          description={t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          {...form.input('password')}
        />
        <NativeSelect
          label={t('user.role')}
          value={form.values.role}
          onChange={(event) => {
            const role = roles.find((candidate) => candidate === event.currentTarget.value);
            if (role) form.set('role', role);
          }}
          data={roles.map((role) => ({ value: role, label: labels.code('role', role) }))}
        />
        {roleNeedsOrganization(form.values.role) && (
          <NativeSelect
            label={t('user.organization')}
            required
            {...form.input('organizationId')}
            data={[
              ...(federationAdmin ? [{ value: '', label: t('common.choose') }] : []),
              ...choices.map((o) => ({ value: o.id, label: labels.organizationName(o) })),
            ]}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
