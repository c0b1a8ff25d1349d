import { normalizeForSearch } from '../../../../src/domain/members/search-key';
import type { FieldErrors } from '../../errors';
import { formatPostalCode } from '../../format';
import { checkNamesAndContact, normalizeEmail, normalizePhone, toKatakana } from '../members/person-values';
import { postalDigits } from '../organizations/organization-form-values';
import {
  PLACEMENT_KINDS,
  type AgeBand,
  type CaseRole,
  type ConsentInput,
  type ConsentMethod,
  type ConsentPurpose,
  type FollowUp,
  type Identity,
  type IntakeInput,
  type OutcomeKind,
  type Participant,
  type ParticipantSummary,
} from './casework';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** 山田 花子, family name first; the reference alone once the record is erased. */
export function participantName(p: Pick<ParticipantSummary, 'familyName' | 'givenName' | 'reference'>): string {
  return p.familyName !== null && p.givenName !== null ? `${p.familyName} ${p.givenName}` : p.reference;
}

/** ヤマダ ハナコ; '' once erased. */
export function participantKana(p: Pick<ParticipantSummary, 'familyNameKana' | 'givenNameKana'>): string {
  return p.familyNameKana !== null && p.givenNameKana !== null ? `${p.familyNameKana} ${p.givenNameKana}` : '';
}

/**
 * Whether a participant answers a search typed in the office's list: their name, its kana (hiragana, katakana, full or
 * half width alike, spaces ignored) or the reference. The list of an office is small and already on the page, so
 * the search is made here rather than on the server.
 */
export function matchesParticipant(p: ParticipantSummary, query: string): boolean {
  const key = normalizeForSearch(query);
  if (key === '') return true;
  const fields = [
    p.reference,
    `${p.familyName ?? ''}${p.givenName ?? ''}`,
    p.givenName ?? '',
    `${p.familyNameKana ?? ''}${p.givenNameKana ?? ''}`,
    p.givenNameKana ?? '',
  ];
  return fields.some((field) => field !== '' && normalizeForSearch(field).includes(key));
}

export function filterParticipants(items: ParticipantSummary[], query: string): ParticipantSummary[] {
  return items.filter((p) => matchesParticipant(p, query));
}

/** Office leads and supervisors see who read which record (閲覧記録); caseworkers do not. */
export function canReadLog(role: CaseRole): boolean {
  return role === 'office-lead' || role === 'supervisor';
}

/** The organization's contracts (委託契約) an office runs: those that name the office among their sites. */
export function contractsForSite<C extends { siteIds: string[] }>(contracts: C[], siteId: string): C[] {
  return contracts.filter((c) => c.siteIds.includes(siteId));
}

/** The contract whose period holds a date (the intake's), if any: the one an intake usually belongs to. */
export function contractCovering<C extends { id: string; periodFrom: string; periodUntil: string }>(contracts: C[], date: string): C | undefined {
  return contracts.find((c) => c.periodFrom <= date && date <= c.periodUntil);
}

/** A consent given and not withdrawn. */
export function hasConsent(participant: Pick<Participant, 'consents'>, purpose: ConsentPurpose): boolean {
  return participant.consents.some((c) => c.purpose === purpose && c.withdrawnOn === null);
}

/** A placement (進路決定) starts the follow-ups at 1, 3, 6 and 12 months. */
export function isPlacement(kind: OutcomeKind): boolean {
  return PLACEMENT_KINDS.includes(kind);
}

/** The follow-ups of one outcome, the earliest first. */
export function followUpsOf(followUps: FollowUp[], outcomeId: string): FollowUp[] {
  return followUps.filter((f) => f.outcomeId === outcomeId).sort((a, b) => a.months - b.months);
}

/** An erasure is confirmed by typing the record's reference (full-width characters and spaces forgiven). */
export function erasureConfirmed(typed: string, reference: string): boolean {
  return typed.normalize('NFKC').trim().toUpperCase() === reference.toUpperCase();
}

/** The identity fields as typed in a form. */
export interface IdentityValues {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  phone: string;
  email: string;
  postalCode: string;
  address: string;
}

export const EMPTY_IDENTITY: IdentityValues = {
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  birthDate: '',
  phone: '',
  email: '',
  postalCode: '',
  address: '',
};

export function identityValues(identity: Identity): IdentityValues {
  return {
    familyName: identity.familyName,
    givenName: identity.givenName,
    familyNameKana: identity.familyNameKana,
    givenNameKana: identity.givenNameKana,
    birthDate: identity.birthDate ?? '',
    phone: identity.phone ?? '',
    email: identity.email ?? '',
    postalCode: identity.postalCode ? formatPostalCode(identity.postalCode) : '',
    address: identity.address ?? '',
  };
}

/** Names and their フリガナ are required; kana in hiragana or katakana; the rest checked when given. */
export function checkIdentity(values: IdentityValues): FieldErrors {
  return checkNamesAndContact(values, ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'], ['familyNameKana', 'givenNameKana'], 'invalid_date');
}

/** フリガナ in katakana, phone and e-mail in half width, the postal code as seven digits, blanks as null. */
export function toIdentity(values: IdentityValues): Identity {
  return {
    familyName: values.familyName.trim(),
    givenName: values.givenName.trim(),
    familyNameKana: toKatakana(values.familyNameKana.trim()),
    givenNameKana: toKatakana(values.givenNameKana.trim()),
    birthDate: orNull(values.birthDate),
    phone: orNull(normalizePhone(values.phone)),
    email: orNull(normalizeEmail(values.email)),
    postalCode: orNull(postalDigits(values.postalCode)),
    address: orNull(values.address),
  };
}

/** One consent as ticked on the intake form. */
export interface ConsentChoice {
  given: boolean;
  method: ConsentMethod;
  givenOn: string;
}

export type ConsentChoices = Record<ConsentPurpose, ConsentChoice>;

export interface IntakeValues extends IdentityValues {
  contractId: string;
  intakeOn: string;
  ageBand: AgeBand | '';
  circumstances: string;
  consents: ConsentChoices;
}

export function emptyIntake(today: string, contractId: string): IntakeValues {
  const consent = (): ConsentChoice => ({ given: false, method: 'written', givenOn: today });
  return {
    ...EMPTY_IDENTITY,
    contractId,
    intakeOn: today,
    ageBand: '',
    circumstances: '',
    consents: { support: consent(), 'sensitive-data': consent(), 'commissioner-report': consent(), 'registry-link': consent() },
  };
}

/**
 * The intake as the server checks it: a contract, a date, an age band, the identity, the consent to support, and
 * circumstances (special-care personal information) only with the consent to collect them (APPI art. 20(2)).
 */
export function checkIntake(values: IntakeValues): FieldErrors {
  const errors: FieldErrors = checkIdentity(values);
  if (!values.contractId) errors.contractId = 'required';
  if (!ISO_DATE.test(values.intakeOn)) errors.intakeOn = values.intakeOn ? 'invalid_date' : 'required';
  if (!values.ageBand) errors.ageBand = 'required';
  if (!values.consents.support.given) errors.consents = 'consent_required';
  else if (Object.values(values.consents).some((c) => c.given && !ISO_DATE.test(c.givenOn))) errors.consents = 'invalid_date';
  if (values.circumstances.trim() && !values.consents['sensitive-data'].given) errors.circumstances = 'consent_required';
  return errors;
}

export function toIntakeInput(values: IntakeValues): IntakeInput {
  const consents: ConsentInput[] = (Object.entries(values.consents) as [ConsentPurpose, ConsentChoice][])
    .filter(([, c]) => c.given)
    .map(([purpose, c]) => ({ purpose, method: c.method, givenOn: c.givenOn }));
  return {
    contractId: values.contractId,
    intakeOn: values.intakeOn,
    // checkIntake has required it.
    ageBand: values.ageBand as AgeBand,
    identity: toIdentity(values),
    circumstances: values.consents['sensitive-data'].given ? orNull(values.circumstances) : null,
    consents,
  };
}

/**
 * Where a field the server names is in the intake form: `identity.familyNameKana` → `familyNameKana`,
 * `consents.0.givenOn` → `consents`.
 */
export function intakeField(serverField: string): string {
  const [head, field] = serverField.split('.');
  return head === 'identity' && field ? field : (head ?? serverField);
}

/** The longest activity recorded in one entry: a day. */
export const MAX_ACTIVITY_MINUTES = 1440;

/** Minutes as typed: '' is none; otherwise whole minutes from 1 to a day. */
export function parseMinutes(text: string): number | null | 'invalid' {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed === '') return null;
  const minutes = Number(trimmed);
  return /^\d+$/.test(trimmed) && minutes > 0 && minutes <= MAX_ACTIVITY_MINUTES ? minutes : 'invalid';
}

/** Only joining or working in a co-op names the co-op. */
export function namesCoop(kind: OutcomeKind): boolean {
  return kind === 'coop-worker' || kind === 'coop-member';
}

/** A date field: YYYY-MM-DD, or empty when it is optional. */
export function checkDate(field: string, value: string, required = true): FieldErrors {
  if (value === '') return required ? { [field]: 'required' } : {};
  return ISO_DATE.test(value) ? {} : { [field]: 'invalid_date' };
}
