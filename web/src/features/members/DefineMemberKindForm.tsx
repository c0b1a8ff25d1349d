import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { memberApi, type MemberKindOption } from './member';
import {
  checkMemberKind,
  EMPTY_MEMBER_KIND,
  MEMBER_KIND_CODE_FIELDS,
  toMemberKindInput,
  type MemberKindFormValues,
} from './member-kind-values';

interface DefineMemberKindFormProps {
  organizationId: string;
  /** The kinds the organization offers already: a new code must differ from each. */
  existing: MemberKindOption[];
  onDefined: (kind: MemberKindOption) => void;
  onCancel: () => void;
}

/** A kind of membership the bylaws provide for (e.g. 賛助組合員), with its code and names. */
export function DefineMemberKindForm({ organizationId, existing, onDefined, onCancel }: DefineMemberKindFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit<MemberKindFormValues>({
    initialValues: EMPTY_MEMBER_KIND,
    check: (values) => checkMemberKind(values, existing),
    send: async (values) => onDefined(await memberApi.defineKind(organizationId, toMemberKindInput(values))),
    codeFields: MEMBER_KIND_CODE_FIELDS,
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const invalid = invalidCount(form.errors);

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <TextInput label={t('memberKinds.nameJa')} description={t('memberKinds.nameJaHint')} required lang="ja" {...form.input('nameJa')} />
        <TextInput label={t('memberKinds.nameEn')} description={t('memberKinds.nameEnHint')} lang="en" {...form.input('nameEn')} />
        <TextInput
          label={t('memberKinds.code')}
          description={t('memberKinds.codeHint')}
          required
          autoComplete="off"
          spellCheck={false}
          {...form.input('code')}
        />
        <Checkbox
          label={t('memberKinds.engagedInWork')}
          description={t('memberKinds.engagedInWorkHint')}
          checked={form.values.engagedInWork}
          onChange={(event) => form.set('engagedInWork', event.currentTarget.checked)}
        />
        <FormActions inDialog submitLabel={t('memberKinds.submit')} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
