import { memberFields, type MemberField } from './member-row.js';
import { headerKey } from './text.js';

/** Which field each column of the file fills (column index → field), or null for a column left out. */
export type ColumnMapping = Record<number, MemberField | null>;

const fieldByHeaderKey = new Map<string, MemberField>();
for (const definition of memberFields) {
  for (const header of [definition.ja, definition.en, definition.field, ...definition.aliases]) {
    const key = headerKey(header);
    const taken = fieldByHeaderKey.get(key);
    if (taken && taken !== definition.field) throw new Error(`header alias ${header} names both ${taken} and ${definition.field}`);
    fieldByHeaderKey.set(key, definition.field);
  }
}

/** The field a header names, if it is one the importer knows (in Japanese or English, loosely matched). */
export const fieldForHeader = (header: string): MemberField | null => fieldByHeaderKey.get(headerKey(header)) ?? null;

/**
 * The mapping the preview step starts from: each column whose header names a field gets that field; when
 * two columns name the same field, the first keeps it and the later one is left out for the user to decide.
 */
export const suggestMapping = (headers: readonly string[]): ColumnMapping => {
  const mapping: ColumnMapping = {};
  const used = new Set<MemberField>();
  headers.forEach((header, column) => {
    const field = fieldForHeader(header);
    if (field && !used.has(field)) {
      used.add(field);
      mapping[column] = field;
    } else {
      mapping[column] = null;
    }
  });
  return mapping;
};

export interface MappingOptions {
  /** The kind every row gets when the file has no kind column (or a row leaves it empty). */
  defaultKind?: string | undefined;
}

const mappedFields = (mapping: ColumnMapping): MemberField[] =>
  Object.values(mapping).filter((field): field is MemberField => field !== null);

/** Required fields no column fills; the kind is not required when a default kind is chosen. */
export const missingRequired = (mapping: ColumnMapping, options: MappingOptions = {}): MemberField[] => {
  const mapped = new Set(mappedFields(mapping));
  return memberFields
    .filter((d) => d.required && !mapped.has(d.field) && !(d.field === 'kind' && options.defaultKind))
    .map((d) => d.field);
};

/** Fields that more than one column fills (a mapping the user edited into an ambiguous state). */
export const duplicateFields = (mapping: ColumnMapping): MemberField[] => {
  const seen = new Set<MemberField>();
  const duplicates = new Set<MemberField>();
  for (const field of mappedFields(mapping)) {
    if (seen.has(field)) duplicates.add(field);
    seen.add(field);
  }
  return [...duplicates];
};
