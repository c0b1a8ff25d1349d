import { DomainError } from '../shared/errors.js';

/**
 * What a member changes in their own record (マイページ). E-mail and phone are theirs to keep right and change at
 * once (audited); name, kana and address identify them in the registry (組合員名簿), so a clerk confirms those.
 */
export const directContactFields = ['email', 'phone'] as const;
export type DirectContactField = (typeof directContactFields)[number];

export const clerkConfirmedFields = ['familyName', 'givenName', 'familyKana', 'givenKana', 'postalCode', 'prefectureCode', 'address'] as const;
export type ClerkConfirmedField = (typeof clerkConfirmedFields)[number];

export type DirectContactChanges = Partial<Record<DirectContactField, string | null>>;
export type RequestedChanges = Partial<Record<ClerkConfirmedField, string | null>>;

export const changeRequestStatuses = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof changeRequestStatuses)[number];

/** Fields a member may not leave empty: a registry entry always has a name and its reading. */
const requiredFields: readonly ClerkConfirmedField[] = ['familyName', 'givenName', 'familyKana', 'givenKana'];

/** Whether a field goes through a clerk. */
export const needsClerk = (field: string): field is ClerkConfirmedField => (clerkConfirmedFields as readonly string[]).includes(field);

/**
 * The fields of a request that would change something, compared with the record as it is (after the registry's
 * normalization, so 'ﾀﾛｳ' against 'タロウ' is no change). Refuses an empty request and blanked names.
 */
export function effectiveChanges(current: Record<ClerkConfirmedField, string | null>, requested: RequestedChanges): RequestedChanges {
  const blank = requiredFields.filter((f) => f in requested && !requested[f]?.trim());
  if (blank.length > 0) {
    throw new DomainError('invalid', 'validation_failed', 'a name and its reading cannot be empty', blank.map((field) => ({ field, code: 'required', message: 'cannot be empty' })));
  }
  const changed = Object.fromEntries(
    clerkConfirmedFields.filter((f) => f in requested && (requested[f] ?? null) !== current[f]).map((f) => [f, requested[f] ?? null]),
  ) as RequestedChanges;
  if (Object.keys(changed).length === 0) throw new DomainError('rule_violation', 'no_changes', 'the request changes nothing in the record');
  return changed;
}

/** A request is decided (confirmed or rejected by a clerk) or withdrawn by the member only while it is pending. */
export function assertPending(status: string): void {
  if (status !== 'pending') throw new DomainError('conflict', 'change_request_decided', `the request is ${status} already`);
}
