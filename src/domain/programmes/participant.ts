import { addMonths } from '../compliance/calendar.js';
import { hiraganaToKatakana } from '../members/csv/text.js';
import { normalizePostalCode } from '../organizations/organization.js';
import { fiscalYearOf } from '../shared/fiscal-year.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { isIsoDate } from '../work/period.js';

/**
 * A participant of a commissioned programme (支援対象者): a young person at a Youth Support Station, a needy person
 * in the Independence Support System. Their identity and circumstances are special-care personal information
 * (APPI): collected only with consent, sealed at rest, read only by the staff of their office who work cases.
 */

/** Age bands reports count by (a birth date identifies; a band of five or ten years does not). */
export const ageBands = ['15-19', '20-24', '25-29', '30-34', '35-39', '40-49', '50-64', '65+'] as const;
export type AgeBand = (typeof ageBands)[number];

/**
 * What a participant consents to: using their data to support them, collecting special-care data (disability,
 * health, welfare, record), counting them in statistics for the commissioner, linking them to the co-op's registry.
 */
export const consentPurposes = ['support', 'sensitive-data', 'commissioner-report', 'registry-link'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentMethods = ['written', 'oral', 'electronic'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const activityKinds = ['counselling', 'job-experience', 'group-living', 'training', 'seminar', 'other'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Where a participant went: work, school, training, or a co-op of the federation as a worker or a member. */
export const outcomeKinds = ['employment', 'education', 'vocational-training', 'coop-worker', 'coop-member', 'other'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];

/** Outcomes that are a placement (進路決定): they start the follow-ups and count as job placements. */
export const placementKinds: readonly OutcomeKind[] = ['employment', 'education', 'vocational-training', 'coop-worker'];

/** Months after a placement at which the office asks how the participant is doing (定着支援). */
export const followUpMonths = [1, 3, 6, 12] as const;

export const followUpStatuses = ['pending', 'in-work', 'in-education', 'not-in-work', 'unreachable'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
/** What a follow-up found, once done. */
export const recordedFollowUpStatuses = ['in-work', 'in-education', 'not-in-work', 'unreachable'] as const;

export const participantStatuses = ['active', 'closed', 'erased'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];

/**
 * Who works cases at an office: the caseworker (担当支援員) supports the office's participants; the supervisor also
 * oversees; the office lead (所長) also sees who read which record.
 */
export const caseRoles = ['caseworker', 'supervisor', 'office-lead'] as const;
export type CaseRole = (typeof caseRoles)[number];

/** Who the participant is and how to reach them: sealed, never in a report. */
export interface Identity {
  familyName: string;
  givenName: string;
  /** フリガナ, full-width katakana (hiragana and half-width are turned into it). */
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  address: string | null;
}

export interface ConsentFields {
  purpose: ConsentPurpose;
  method: ConsentMethod;
  givenOn: string;
}

export interface ConsentRecord extends ConsentFields {
  withdrawnOn: string | null;
}

export interface IntakeFields {
  contractId: string;
  intakeOn: string;
  ageBand: AgeBand;
  identity: Identity;
  /** Special-care personal information (disability, health, welfare, record): only with a 'sensitive-data' consent. */
  circumstances: string | null;
  consents: ConsentFields[];
}

export const participantTextLimits = { name: 50, contact: 200, circumstances: 4000, note: 2000, goals: 4000 } as const;

const blankToNull = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === '' ? null : text.trim());
const kana = (text: string): string => hiraganaToKatakana(text.normalize('NFKC')).replace(/\s+/g, ' ').trim();
const katakanaOnly = /^[\u30A1-\u30FA\u30FC ]+$/;

/** Trims, turns kana into full-width katakana and the postal code into seven digits; blanks become null. */
export const normalizeIdentity = (identity: Identity): Identity => ({
  familyName: identity.familyName.trim(),
  givenName: identity.givenName.trim(),
  familyNameKana: kana(identity.familyNameKana),
  givenNameKana: kana(identity.givenNameKana),
  birthDate: blankToNull(identity.birthDate),
  phone: blankToNull(identity.phone),
  email: blankToNull(identity.email),
  postalCode: normalizePostalCode(blankToNull(identity.postalCode)?.normalize('NFKC') ?? null),
  address: blankToNull(identity.address),
});

export const normalizeText = blankToNull;

/** A consent counts on a day when it was given on or before it and not withdrawn by then. */
export const consentHolds = (consents: readonly ConsentRecord[], purpose: ConsentPurpose, on: string): boolean =>
  consents.some((c) => c.purpose === purpose && c.givenOn <= on && (c.withdrawnOn === null || c.withdrawnOn > on));

function identityErrors(identity: Identity, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: keyof Identity, code: string, message: string) => errors.push({ field: `${prefix}${field}`, code, message });
  for (const field of ['familyName', 'givenName'] as const) {
    if (identity[field] === '') fail(field, 'required', 'the name is needed');
    else if ([...identity[field]].length > participantTextLimits.name) fail(field, 'too_long', `at most ${participantTextLimits.name} characters`);
  }
  for (const field of ['familyNameKana', 'givenNameKana'] as const) {
    if (identity[field] === '') fail(field, 'required', 'the reading (フリガナ) is needed');
    else if (!katakanaOnly.test(identity[field])) fail(field, 'not_kana', 'katakana or hiragana only');
  }
  if (identity.birthDate !== null && !isIsoDate(identity.birthDate)) fail('birthDate', 'invalid_date', 'a date, YYYY-MM-DD');
  if (identity.postalCode !== null && !/^\d{7}$/.test(identity.postalCode)) fail('postalCode', 'invalid_postal_code', 'seven digits, as 123-4567');
  if (identity.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.email)) fail('email', 'invalid_email', 'an e-mail address');
  for (const field of ['phone', 'email', 'address'] as const) {
    const value = identity[field];
    if (value !== null && [...value].length > participantTextLimits.contact) fail(field, 'too_long', `at most ${participantTextLimits.contact} characters`);
  }
  return errors;
}

const throwIfAny = (errors: FieldError[]): void => {
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
};

/**
 * Special-care data is collected only with the participant's prior consent (APPI art. 20(2)): circumstances need a
 * 'sensitive-data' consent holding on the day they are recorded.
 */
function circumstancesErrors(circumstances: string | null, consents: readonly ConsentRecord[], on: string): FieldError[] {
  if (circumstances === null) return [];
  if (!consentHolds(consents, 'sensitive-data', on)) {
    return [{ field: 'circumstances', code: 'consent_required', message: 'special-care information needs the participant\'s consent to its collection (sensitive-data) first' }];
  }
  if ([...circumstances].length > participantTextLimits.circumstances) return [{ field: 'circumstances', code: 'too_long', message: `at most ${participantTextLimits.circumstances} characters` }];
  return [];
}

function consentErrors(consents: readonly ConsentFields[], prefix = 'consents'): FieldError[] {
  const errors: FieldError[] = [];
  consents.forEach((c, i) => {
    if (!isIsoDate(c.givenOn)) errors.push({ field: `${prefix}.${i}.givenOn`, code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
  });
  const purposes = consents.map((c) => c.purpose);
  purposes.forEach((p, i) => {
    if (purposes.indexOf(p) !== i) errors.push({ field: `${prefix}.${i}.purpose`, code: 'duplicate', message: `${p} is given twice` });
  });
  return errors;
}

/**
 * An intake: who, when, under which age band, and the consents given. Support itself needs the participant's
 * consent to the use of their data; their circumstances need the special-care consent.
 */
export function checkIntake(intake: IntakeFields, today: string): void {
  const errors: FieldError[] = [];
  if (!isIsoDate(intake.intakeOn)) errors.push({ field: 'intakeOn', code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
  else if (intake.intakeOn > today) errors.push({ field: 'intakeOn', code: 'in_future', message: 'an intake is recorded on or after its day' });
  errors.push(...identityErrors(intake.identity, 'identity.'));
  errors.push(...consentErrors(intake.consents));
  const records = intake.consents.map((c) => ({ ...c, withdrawnOn: null }));
  if (!intake.consents.some((c) => c.purpose === 'support')) {
    errors.push({ field: 'consents', code: 'consent_required', message: 'support needs the participant\'s consent to the use of their data (support)' });
  }
  if (isIsoDate(intake.intakeOn)) errors.push(...circumstancesErrors(intake.circumstances, records, today));
  throwIfAny(errors);
}

/** An edit of who the participant is and their circumstances, against the consents on record. */
export function checkParticipantEdit(identity: Identity, circumstances: string | null, consents: readonly ConsentRecord[], today: string): void {
  throwIfAny([...identityErrors(identity, 'identity.'), ...circumstancesErrors(circumstances, consents, today)]);
}

export function checkConsent(consent: ConsentFields, existing: readonly ConsentRecord[], today: string): void {
  const errors = consentErrors([consent], 'consent').map((e) => ({ ...e, field: e.field.replace('consent.0.', '') }));
  if (errors.length === 0 && consent.givenOn > today) errors.push({ field: 'givenOn', code: 'in_future', message: 'a consent is recorded once given' });
  if (existing.some((c) => c.purpose === consent.purpose && c.withdrawnOn === null)) {
    errors.push({ field: 'purpose', code: 'duplicate', message: `a ${consent.purpose} consent is on record already` });
  }
  throwIfAny(errors);
}

/** A dated entry (activity, outcome, plan, follow-up): a real day, not before the intake, not in the future. */
export function checkEntryDate(field: string, on: string, intakeOn: string, today: string): void {
  if (!isIsoDate(on)) throwIfAny([{ field, code: 'invalid_date', message: 'a date, YYYY-MM-DD' }]);
  if (on < intakeOn) throwIfAny([{ field, code: 'before_intake', message: `on or after the intake (${intakeOn})` }]);
  if (on > today) throwIfAny([{ field, code: 'in_future', message: 'recorded on or after the day' }]);
}

export function checkNote(field: string, text: string | null, limit: number = participantTextLimits.note): void {
  if (text !== null && [...text].length > limit) throwIfAny([{ field, code: 'too_long', message: `at most ${limit} characters` }]);
}

export function checkMinutes(minutes: number | null): void {
  if (minutes !== null && (!Number.isSafeInteger(minutes) || minutes < 1 || minutes > 24 * 60)) {
    throwIfAny([{ field: 'minutes', code: 'out_of_range', message: 'whole minutes, 1 to 1440' }]);
  }
}

/** The follow-ups a placement on `on` schedules: 1, 3, 6 and 12 months after. */
export const followUpSchedule = (on: string): { months: number; dueOn: string }[] => followUpMonths.map((months) => ({ months, dueOn: addMonths(on, months) }));

/** A case number with no personal meaning: P, the fiscal year of the intake (April–March), a sequence (P-2026-0007). */
export const participantReference = (intakeOn: string, sequence: number): string =>
  `P-${fiscalYearOf(intakeOn, 4)}-${String(sequence).padStart(4, '0')}`;

/** The prefix the year's references share, to find the next sequence. */
export const referencePrefix = (intakeOn: string): string => `P-${fiscalYearOf(intakeOn, 4)}-`;

/** A participant as a list shows them (names are null once erased). */
export interface ParticipantSummary {
  id: string;
  /** The case number the office calls the record by (P-2026-0001): all that names it once erased. */
  reference: string;
  organizationId: string;
  siteId: string;
  contractId: string;
  intakeOn: string;
  ageBand: AgeBand;
  status: ParticipantStatus;
  closedOn: string | null;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  personId: string | null;
  latestOutcome: { kind: OutcomeKind; on: string } | null;
  nextFollowUpOn: string | null;
  version: number;
}

export interface Consent extends ConsentRecord { id: string }
export interface SupportPlan { id: string; startsOn: string; reviewOn: string | null; goals: string | null }
export interface Activity { id: string; kind: ActivityKind; on: string; minutes: number | null; note: string | null }
export interface Outcome { id: string; kind: OutcomeKind; on: string; coopOrganizationId: string | null; note: string | null }
export interface FollowUp { id: string; outcomeId: string; months: number; dueOn: string; doneOn: string | null; status: FollowUpStatus; note: string | null }

/** A participant's whole record, as their caseworkers read it. */
export interface Participant extends ParticipantSummary {
  identity: Identity | null;
  /** Special-care personal information (要配慮個人情報). */
  circumstances: string | null;
  consents: Consent[];
  plans: SupportPlan[];
  activities: Activity[];
  outcomes: Outcome[];
  followUps: FollowUp[];
  erasedAt: string | null;
  erasureReason: string | null;
  /** The day the contract's retention ends and the record is erased. */
  erasureOn: string;
}

/** An office where a user works cases, and as what. */
export interface CaseSite { siteId: string; siteNameJa: string; organizationId: string; caseRole: CaseRole }

/** A user given a case role at an office. */
export interface CaseAssignment { userId: string; displayName: string; email: string; siteId: string; siteNameJa: string; caseRole: CaseRole }

/** One read or change of an office's records; `list` (no participant) is a look at the office's list. */
export interface ParticipantRead { at: string; actorEmail: string | null; participantId: string | null; reference: string | null; action: string }
