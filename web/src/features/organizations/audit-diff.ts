/** One field that an audited change touched. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping that changes on every write and tells a reader nothing, and links (parentId, organizationId)
// to organizations that the page being read already names.
const HIDDEN_FIELDS = new Set([
  'id', 'parentId', 'organizationId', 'version', 'createdAt', 'updatedAt', 'memberOrganizationCount', 'passwordHash', 'personId',
]);

// The order of the organization form, so a history entry reads like the form; other fields follow.
const FIELD_ORDER = [
  'code', 'kind', 'nameJa', 'nameEn', 'legalForm', 'lawProfile', 'registrationDate', 'fiscalYearStartMonth',
  'prefectureCode', 'postalCode', 'address', 'businessLines', 'status',
];

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
}

/** The fields whose values differ between `before` and `after`. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = asRecord(before);
  const b = asRecord(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    // Absent and null both mean "no value": a field that stays empty is no change.
    .filter((field) => !HIDDEN_FIELDS.has(field) && JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null))
    .sort((x, y) => rank(x) - rank(y))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

/** The kinds of membership the entries record (a registration's kind, say), each once: to name an organization's own. */
export function membershipKindsIn(entries: readonly { entityType: string; before: unknown; after: unknown }[]): string[] {
  const kinds = entries
    .filter((entry) => entry.entityType === 'membership')
    .flatMap((entry) => [asRecord(entry.before).kind, asRecord(entry.after).kind])
    .filter((kind): kind is string => typeof kind === 'string');
  return [...new Set(kinds)];
}
