import type { FieldErrors } from '../../errors';
import type { NewMemberInput } from './member';
import { checkPerson, EMPTY_PERSON, toPersonInput, type PersonFormValues } from './person-values';

export interface RegisterMemberValues extends PersonFormValues {
  organizationId: string;
  /** A person already in the registry, registered by id without their fields; '' for a new person. */
  personId: string;
  memberNumber: string;
  kind: string;
  /** An application to be decided later, or a member already admitted (e.g. recorded from the paper registry). */
  firstEvent: 'apply' | 'admit';
  effectiveDate: string;
}

export function newMemberValues(organizationId: string, today: string, personId = ''): RegisterMemberValues {
  return { ...EMPTY_PERSON, organizationId, personId, memberNumber: '', kind: 'worker', firstEvent: 'admit', effectiveDate: today };
}

export function checkNewMember(values: RegisterMemberValues): FieldErrors {
  // A known person's fields are not on the form: the registry has them already.
  const errors = values.personId ? {} : checkPerson(values);
  if (!values.organizationId) errors.organizationId = 'required';
  if (!values.memberNumber.trim()) errors.memberNumber = 'required';
  if (!values.effectiveDate) errors.effectiveDate = 'required';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveDate)) errors.effectiveDate = 'invalid_format';
  return errors;
}

export function toNewMemberInput(values: RegisterMemberValues): NewMemberInput {
  return {
    person: values.personId ? { id: values.personId } : toPersonInput(values),
    // Ａ００１ typed with a Japanese input method is the number A001.
    memberNumber: values.memberNumber.normalize('NFKC').trim(),
    kind: values.kind,
    firstEvent: values.firstEvent,
    effectiveDate: values.effectiveDate,
  };
}

/** Problems the server may report by code alone, and the field each belongs to. */
export const NEW_MEMBER_CODE_FIELDS: Partial<Record<string, keyof RegisterMemberValues>> = {
  duplicate_member_number: 'memberNumber',
  unknown_kind: 'kind',
};
