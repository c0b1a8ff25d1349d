import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { fieldErrorsOf, useErrorText, useFieldErrorText, type FieldErrors } from '../../errors';
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
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const federationAdmin = isFederationAdmin(me);
  // Organization administrators add people to their own organization only, never federation administrators.
  const roles = federationAdmin ? ALL_ROLES : ALL_ROLES.filter((role) => role !== 'federation-admin');
  const choices = federationAdmin ? organizations : organizations.filter((o) => o.id === me.organizationId);

  const [values, setValues] = useState<NewUserValues>({
    email: '',
    displayName: '',
    password: '',
    role: 'member',
    organizationId: federationAdmin ? '' : (me.organizationId ?? ''),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof NewUserValues>(field: K, value: NewUserValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewUser(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    try {
      onCreated(await userApi.create(toNewUserInput(values)));
    } catch (error) {
      setErrors(fieldErrorsOf(error, NEW_USER_CODE_FIELDS));
      setFailure(error);
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure !== null && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {errorText(failure)}
          </Alert>
        )}
        <TextInput
          label={t('user.email')}
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={fieldErrorText(errors.email)}
        />
        <TextInput
          label={t('user.displayName')}
          required
          value={values.displayName}
          onChange={(event) => set('displayName', event.currentTarget.value)}
          error={fieldErrorText(errors.displayName)}
        />
        <PasswordField
          label={t('user.password')}
          description={t('users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          required
          value={values.password}
          onChange={(event) => set('password', event.currentTarget.value)}
          error={fieldErrorText(errors.password)}
        />
        <NativeSelect
          label={t('user.role')}
          value={values.role}
          onChange={(event) => {
            const role = roles.find((candidate) => candidate === event.currentTarget.value);
            if (role) set('role', role);
          }}
          data={roles.map((role) => ({ value: role, label: labels.code('role', role) }))}
        />
        {roleNeedsOrganization(values.role) && (
          <NativeSelect
            label={t('user.organization')}
            required
            value={values.organizationId}
            onChange={(event) => set('organizationId', event.currentTarget.value)}
            error={fieldErrorText(errors.organizationId)}
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
          <Button type="submit" loading={submitting}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
