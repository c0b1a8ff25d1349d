import { Fieldset, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { todayInJapan } from '../../format';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import type { Organization } from '../organizations/organization';
import { useLabels } from '../reference/use-labels';
import type { KnownPerson } from './known-person';
import { memberApi, personKana, personName, type Membership, type Person } from './member';
import { PersonFields } from './PersonFields';
import { memberFormField } from './person-values';
import { useMemberKindChoices } from './use-member-kinds';
import { checkNewMember, NEW_MEMBER_CODE_FIELDS, newMemberValues, toNewMemberInput, type RegisterMemberValues } from './register-member-values';
import { FormActions } from '../../components/FormActions';

interface RegisterMemberFormProps {
  /** The organizations the person may register members in; a choice is offered when there are several. */
  organizations: Organization[];
  initialOrganizationId: string;
  onRegistered: (registered: { person: Person; membership: Membership }) => void;
  onCancel: () => void;
  /**
   * A person already in the registry (a non-member worker, a member elsewhere) to register by id, named when the
   * page that linked here said who they are; without it, a new person is entered.
   */
  existing?: { id: string; person: KnownPerson | null };
}

/** A person and their membership: an application to decide later, or a member admitted on a date. */
export function RegisterMemberForm({ organizations, initialOrganizationId, onRegistered, onCancel, existing }: RegisterMemberFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useFormSubmit<RegisterMemberValues>({
    initialValues: newMemberValues(initialOrganizationId, todayInJapan(), existing?.id),
    check: checkNewMember,
    send: async (values) => onRegistered(await memberApi.register(values.organizationId, toNewMemberInput(values))),
    codeFields: NEW_MEMBER_CODE_FIELDS,
    fieldOf: memberFormField,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);
  const kinds = useMemberKindChoices(form.values.organizationId);

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
            onChange={(event) => {
              form.set('organizationId', event.currentTarget.value);
              // The kinds an organization defined are its own: another one starts again from the built-in worker.
              form.set('kind', 'worker');
            }}
            data={[{ value: '', label: t('common.choose') }, ...organizations.map((o) => ({ value: o.id, label: labels.organizationName(o) }))]}
          />
        )}
        <Fieldset legend={t('members.personSection')}>
          {existing ? (
            <KnownPersonSummary person={existing.person} />
          ) : (
            <PersonFields input={(field) => form.input(field)} set={(field, value) => form.set(field, value)} />
          )}
        </Fieldset>
        <Fieldset legend={t('members.membershipSection')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
              <TextInput
                label={t('member.memberNumber')}
                description={t('member.memberNumberHint')}
                required
                autoComplete="off"
                spellCheck={false}
                {...form.input('memberNumber')}
              />
              <NativeSelect
                label={t('member.kind')}
                {...form.input('kind')}
                data={kinds}
              />
            </SimpleGrid>
            <Radio.Group
              label={t('member.firstEvent')}
              value={form.values.firstEvent}
              onChange={(value) => form.set('firstEvent', value === 'apply' ? 'apply' : 'admit')}
              error={form.error('firstEvent')}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="apply" label={t('member.firstEventApply')} />
                <Radio value="admit" label={t('member.firstEventAdmit')} />
              </Stack>
            </Radio.Group>
            <TextInput
              label={t(form.values.firstEvent === 'apply' ? 'member.applyDate' : 'member.admitDate')}
              type="date"
              required
              maw={280}
              {...form.input('effectiveDate')}
            />
          </Stack>
        </Fieldset>
        <FormActions submitLabel={t('members.registerSubmit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** The person being registered, as already recorded: their name is not typed again. */
function KnownPersonSummary({ person }: { person: KnownPerson | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {person ? (
        <div>
          <Text fw={700} size="lg" lang="ja">
            {personName(person)}
          </Text>
          <Text size="sm" lang="ja">
            {personKana(person)}
          </Text>
        </div>
      ) : (
        <Text fw={700}>{t('members.knownPersonUnnamed')}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t('members.knownPersonHint')}
      </Text>
    </Stack>
  );
}
