import type { ContactChanges, InvitationBatch, RequestedChanges, WorkMonth } from './portal';

// Pure rules of the portal's pages, kept apart from React so they can be tested.

export const REQUESTABLE_FIELDS = ['familyName', 'givenName', 'familyKana', 'givenKana', 'postalCode', 'prefectureCode', 'address'] as const;
export type RequestableField = (typeof REQUESTABLE_FIELDS)[number];

export type NameAndAddress = Record<RequestableField, string>;

/** Postal codes are typed 123-4567, １２３４５６７ or 1234567; the registry keeps seven digits. */
export function normalizePostalCode(input: string): string {
  return input.normalize('NFKC').replace(/[^0-9]/g, '');
}

function normalized(field: RequestableField, value: string): string {
  const trimmed = value.normalize('NFKC').trim();
  return field === 'postalCode' ? normalizePostalCode(trimmed) : trimmed;
}

/** Fields the registry may hold empty: emptied, they are sent as null. */
const CLEARABLE: readonly RequestableField[] = ['postalCode', 'prefectureCode', 'address'];

/**
 * Only the fields that differ from what the registry holds: the clerk confirms a change, not a copy of what is
 * already there. Compared after NFKC and trimming, so a full-width space or digit is no change.
 */
export function requestedChanges(current: NameAndAddress, values: NameAndAddress): RequestedChanges {
  const changes: Record<string, string | null> = {};
  for (const field of REQUESTABLE_FIELDS) {
    const next = normalized(field, values[field]);
    if (next === normalized(field, current[field])) continue;
    changes[field] = next === '' && CLEARABLE.includes(field) ? null : next;
  }
  return changes as RequestedChanges;
}

/** E-mail and phone as they are sent: only what changed, an emptied one as null (cleared). */
export function contactChanges(current: { email: string; phone: string }, values: { email: string; phone: string }): ContactChanges {
  const changes: ContactChanges = {};
  const email = values.email.normalize('NFKC').trim();
  const phone = values.phone.normalize('NFKC').trim();
  if (email !== current.email.trim()) changes.email = email || null;
  if (phone !== current.phone.trim()) changes.phone = phone || null;
  return changes;
}

/** Each month's hours as a share (0–1) of the busiest month, for the width of its bar; months oldest first. */
export function workBars(months: readonly WorkMonth[]): (WorkMonth & { share: number })[] {
  const max = Math.max(0, ...months.map((m) => m.hours));
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({ ...m, share: max > 0 ? m.hours / max : 0 }));
}

/** The share of a batch done, 0–1 (an empty batch is done). */
export function batchShare(batch: Pick<InvitationBatch, 'total' | 'done'>): number {
  if (batch.total <= 0) return 1;
  return Math.min(1, Math.max(0, batch.done / batch.total));
}

/** Whether a batch has stopped (done or failed): the page stops asking. */
export function batchFinished(batch: Pick<InvitationBatch, 'status'>): boolean {
  return batch.status === 'done' || batch.status === 'failed';
}

/** YYYY-MM → the year and month, for naming a month. */
export function monthParts(month: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

/** A document's address with the language it is to be written in (certificates, statements). */
export function withLocale(url: string, locale: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}locale=${encodeURIComponent(locale)}`;
}
