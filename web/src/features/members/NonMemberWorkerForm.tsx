import { Fieldset, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import { EngagementFields } from './EngagementFields';
import { checkEngagement, EMPTY_ENGAGEMENT, toEngagementInput, type EngagementFormValues } from './engagement-values';
import { memberApi, type PersonInput } from './member';
import { PersonFields } from './PersonFields';
import { checkPerson, EMPTY_PERSON, memberFormField, toPersonInput, type PersonFormValues } from './person-values';
import { FormActions } from '../../components/FormActions';

interface NonMemberWorkerValues extends PersonFormValues, EngagementFormValues {
  organizationId: string;
}

interface NonMemberWorkerFormProps {
  organizations: Organization[];
  initialOrganizationId: string;
  onRegistered: (person: PersonInput, organizationId: string) => void;
  onCancel: () => void;
}

function check(values: NonMemberWorkerValues) {
  const errors = { ...checkPerson(values), ...checkEngagement(values) };
  if (!values.organizationId) errors.organizationId = 'required';
  return errors;
}

/** A person engaged in the work who is not a member (組合員でない従事者), with their engagement. */
export function NonMemberWorkerForm({ organizations, initialOrganizationId, onRegistered, onCancel }: NonMemberWorkerFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormSubmit<NonMemberWorkerValues>({
    initialValues: { ...EMPTY_PERSON, ...EMPTY_ENGAGEMENT, organizationId: initialOrganizationId },
    check,
    send: async (values) => {
      const person = toPersonInput(values);
      await memberApi.registerNonMemberWorker(values.organizationId, person, toEngagementInput(values));
      onRegistered(person, values.organizationId);
    },
    fieldOf: memberFormField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="lg">
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        {organizations.length > 1 && (
          <NativeSelect
            label={t('member.organization')}
            required
            maw={480}
            {...form.input('organizationId')}
            data={[{ value: '', label: t('common.choose') }, ...organizations.map((o) => ({ value: o.id, label: labels.organizationName(o) }))]}
          />
        )}
        <Fieldset legend={t('members.personSection')}>
          <PersonFields input={(field) => form.input(field)} set={(field, value) => form.set(field, value)} />
        </Fieldset>
        <Fieldset legend={t('engagement.section')}>
          <Stack gap="md">
            <EngagementFields input={(field) => form.input(field)} />
          </Stack>
        </Fieldset>
        <FormActions submitLabel={t('nonMemberWorker.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
