import type { FieldErrors } from '../../errors';
import type { Locale } from '../../i18n';
import type { Labels } from '../reference/use-labels';
import type { MemberKindOption, NewMemberKindInput } from './member';

/** A kind of membership an organization defines (e.g. 賛助組合員), as typed. */
export interface MemberKindFormValues {
  code: string;
  nameJa: string;
  nameEn: string;
  engagedInWork: boolean;
}

export const EMPTY_MEMBER_KIND: MemberKindFormValues = { code: '', nameJa: '', nameEn: '', engagedInWork: false };

/** The code as stored: ｓｕｐｐｏｒｔｅｒ typed with a Japanese input method, or Supporter, is supporter. */
export function kindCode(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** The server's own limits, and no code the organization already offers (worker and user among them). */
export function checkMemberKind(values: MemberKindFormValues, existing: readonly Pick<MemberKindOption, 'code'>[]): FieldErrors {
  const errors: FieldErrors = {};
  const code = kindCode(values.code);
  if (!code) errors.code = 'required';
  else if (code.length > 40) errors.code = 'too_long';
  else if (!/^[a-z0-9-]+$/.test(code)) errors.code = 'invalid_kind_code';
  else if (existing.some((kind) => kind.code === code)) errors.code = 'duplicate_kind';
  if (!values.nameJa.trim()) errors.nameJa = 'required';
  else if (values.nameJa.trim().length > 50) errors.nameJa = 'too_long';
  if (values.nameEn.trim().length > 50) errors.nameEn = 'too_long';
  return errors;
}

export function toMemberKindInput(values: MemberKindFormValues): NewMemberKindInput {
  const nameEn = values.nameEn.trim();
  return { code: kindCode(values.code), nameJa: values.nameJa.trim(), nameEn: nameEn || null, engagedInWork: values.engagedInWork };
}

/** Problems the server may report by code alone, and the field each belongs to. */
export const MEMBER_KIND_CODE_FIELDS: Partial<Record<string, keyof MemberKindFormValues>> = {
  duplicate_kind: 'code',
};

/**
 * A kind of membership in the current language: the built-in worker and user by their translation, an
 * organization's own by the names it gave them (the other language's when it gave none).
 */
export function kindLabel(kind: MemberKindOption, labels: Labels, locale: Locale): string {
  if (kind.builtIn) return labels.code('memberKind', kind.code);
  return (locale === 'en' ? (kind.nameEn ?? kind.nameJa) : (kind.nameJa ?? kind.nameEn)) ?? kind.code;
}
