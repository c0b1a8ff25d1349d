import type { FieldErrors } from '../../errors';
import { postalDigits } from '../organizations/organization-form-values';
import { formatPostalCode } from '../../format';
import type { Person, PersonInput } from './member';

/** The person fields of the forms, as typed: full-width or half-width, hiragana or katakana. */
export interface PersonFormValues {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string;
  email: string;
  phone: string;
  postalCode: string;
  prefectureCode: string;
  address: string;
}

export const EMPTY_PERSON: PersonFormValues = {
  familyName: '',
  givenName: '',
  familyKana: '',
  givenKana: '',
  birthDate: '',
  email: '',
  phone: '',
  postalCode: '',
  prefectureCode: '',
  address: '',
};

/** フリガナ as the server accepts it: hiragana, katakana (full or half width), the long-vowel mark and spaces. */
const KANA = /^[\u3041-\u3096\u30A1-\u30FA\u30FC\uFF66-\uFF9F\s\u3000]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Hyphens, dashes and the long-vowel mark people type between the digits of a phone number.
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70]/g;

/** Hiragana → katakana (やまだ → ヤマダ): フリガナ is written in katakana. Everything else is left as typed. */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** ０３－１２３４－５６７８ or 03ー1234ー5678 → 03-1234-5678. */
export function normalizePhone(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').trim();
}

/** Full-width letters and ＠ typed with a Japanese input method → ASCII. */
export function normalizeEmail(text: string): string {
  return text.normalize('NFKC').trim();
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** What a person's form holds besides names: checked the same way wherever a person is entered (registry, casework). */
type ContactValues = Record<'birthDate' | 'email' | 'phone' | 'postalCode', string>;

/**
 * Names and their フリガナ are required, kana in hiragana or katakana; the birth date, e-mail, phone and postal code
 * are checked when given. `names` lists the name fields and `kanas` which of them are readings.
 */
export function checkNamesAndContact<N extends string>(
  values: ContactValues & Record<N, string>, names: readonly N[], kanas: readonly N[], dateCode = 'invalid_format',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of names) {
    if (!values[field].trim()) errors[field] = 'required';
  }
  for (const field of kanas) {
    if (!errors[field] && !KANA.test(values[field].trim())) errors[field] = 'invalid_kana';
  }
  if (values.birthDate && !ISO_DATE.test(values.birthDate)) errors.birthDate = dateCode;
  const email = normalizeEmail(values.email);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'invalid_email';
  const phone = normalizePhone(values.phone);
  if (phone && !/^[0-9+()\- ]+$/.test(phone)) errors.phone = 'invalid_phone';
  if (values.postalCode.trim() && postalDigits(values.postalCode).length !== 7) errors.postalCode = 'invalid_postal_code';
  return errors;
}

export function checkPerson(values: PersonFormValues): FieldErrors {
  return checkNamesAndContact(values, ['familyName', 'givenName', 'familyKana', 'givenKana'], ['familyKana', 'givenKana']);
}

export function toPersonInput(values: PersonFormValues): PersonInput {
  return {
    familyName: values.familyName.trim(),
    givenName: values.givenName.trim(),
    familyKana: toKatakana(values.familyKana.trim()),
    givenKana: toKatakana(values.givenKana.trim()),
    birthDate: orNull(values.birthDate),
    email: orNull(normalizeEmail(values.email)),
    phone: orNull(normalizePhone(values.phone)),
    postalCode: orNull(postalDigits(values.postalCode)),
    prefectureCode: orNull(values.prefectureCode),
    address: orNull(values.address),
  };
}

/**
 * Where a field the server names is in the member forms, which hold the person's and the engagement's fields side
 * by side: `person.familyKana` → `familyKana`, `engagement.endedOn` → `endedOn`.
 */
export function memberFormField(serverField: string): string {
  const [head, field] = serverField.split('.');
  return (head === 'person' || head === 'engagement') && field ? field : (head ?? serverField);
}

/** A stored person as the form shows them, for a correction. */
export function personFormValues(person: Person): PersonFormValues {
  return {
    familyName: person.familyName,
    givenName: person.givenName,
    familyKana: person.familyKana,
    givenKana: person.givenKana,
    birthDate: person.birthDate ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    postalCode: person.postalCode ? formatPostalCode(person.postalCode) : '',
    prefectureCode: person.prefectureCode ?? '',
    address: person.address ?? '',
  };
}

/** The fields of `after` that differ from the stored person: what a correction sends. */
export function changedPersonFields(person: Person, values: PersonFormValues): Partial<PersonInput> {
  const after = toPersonInput(values);
  const changed: Partial<Record<keyof PersonInput, string | null>> = {};
  for (const key of Object.keys(after) as (keyof PersonInput)[]) {
    if (after[key] !== person[key]) changed[key] = after[key];
  }
  return changed as Partial<PersonInput>;
}
