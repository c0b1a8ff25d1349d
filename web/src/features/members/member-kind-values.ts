import type { FieldErrors } from '../../errors';
import type { Locale } from '../../i18n';
import type { Labels } from '../reference/use-labels';
import { MEMBER_KINDS, type MemberKindOption, type NewMemberKindInput } from './member';

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

/** The kinds every organization offers, before (or without) its own list. */
export const BUILT_IN_KINDS: readonly MemberKindOption[] = MEMBER_KINDS.map((code) => ({
  code,
  nameJa: null,
  nameEn: null,
  engagedInWork: code === 'worker',
  builtIn: true,
}));

const isBuiltIn = (code: string) => BUILT_IN_KINDS.some((kind) => kind.code === code);

/**
 * The name of the kind a membership has, looked up among its organization's kinds (`undefined` until they load):
 * the one place a kind code becomes words. A code the list does not hold is translated if built in, else shown as it
 * is rather than hidden.
 */
export function memberKindName(code: string, kinds: readonly MemberKindOption[] | undefined, labels: Labels, locale: Locale): string {
  const kind = kinds?.find((k) => k.code === code) ?? BUILT_IN_KINDS.find((k) => k.code === code);
  return kind ? kindLabel(kind, labels, locale) : code;
}

/**
 * The organizations whose kinds must be loaded to name these memberships: only those with a kind of their own among
 * them, each once. Worker and user members need no request.
 */
export function organizationsToName(memberships: readonly { organizationId: string; kind: string }[]): string[] {
  return [...new Set(memberships.filter((m) => !isBuiltIn(m.kind)).map((m) => m.organizationId))].sort();
}

/**
 * The kinds to filter the registry by: the organization's (the built-in ones until they load, or across
 * organizations), and the one chosen even if the list does not hold it, so the filter always shows what it applies.
 */
export function kindFilterCodes(kinds: readonly MemberKindOption[] | undefined, chosen: string): string[] {
  const codes = (kinds ?? BUILT_IN_KINDS).map((kind) => kind.code);
  return chosen && !codes.includes(chosen) ? [...codes, chosen] : codes;
}
