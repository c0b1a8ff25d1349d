import { postFileForFile, uploadFile, withQuery, type UploadOptions } from '../../api';
import { CSV_TYPE, type ImportEncoding } from '../imports/csv-import';

// Importing members from a CSV file (組合員名簿の取り込み) and exporting the registry as one.

export const IMPORT_FIELDS = [
  'memberNumber',
  'familyName',
  'givenName',
  'familyKana',
  'givenKana',
  'kind',
  'admittedOn',
  'birthDate',
  'email',
  'phone',
  'postalCode',
  'prefectureCode',
  'address',
  'engagedInWork',
  'labourContractFrom',
  'labourContractUntil',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_MODES = ['all-or-nothing', 'good-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Column index (as text) → the field it fills, or null when the column is left out. */
export type ColumnMapping = Record<string, string | null>;

export interface ImportProblem {
  line: number;
  column: string;
  field: string | null;
  code: string;
  value: string;
}

export interface ImportPreview {
  encoding: 'utf-8' | 'cp932';
  headers: string[];
  mapping: ColumnMapping;
  rowCount: number;
  validRows: number;
  alreadyRegistered: number;
  sample: { line: number; row: Partial<Record<string, unknown>> }[];
  errors: ImportProblem[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportProblem[];
}

export interface ImportFile {
  organizationId: string;
  file: File;
  encoding: ImportEncoding;
  /** Null before the first preview: the server guesses from the headers. */
  mapping: ColumnMapping | null;
}

const base = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;
const fileQuery = ({ encoding, mapping }: ImportFile) => ({ encoding, mapping: mapping ? JSON.stringify(mapping) : undefined });

export function previewImport(input: ImportFile, options?: UploadOptions): Promise<ImportPreview> {
  return uploadFile<ImportPreview>(withQuery(`${base(input.organizationId)}/member-imports/preview`, fileQuery(input)), input.file, CSV_TYPE, options);
}

export function runImport(input: ImportFile, mode: ImportMode, options?: UploadOptions): Promise<ImportResult> {
  return uploadFile<ImportResult>(withQuery(`${base(input.organizationId)}/member-imports`, { ...fileQuery(input), mode }), input.file, CSV_TYPE, options);
}

export function importReport(input: ImportFile, report: 'errors' | 'rejected', locale: string): Promise<Blob> {
  return postFileForFile(withQuery(`${base(input.organizationId)}/member-imports/report`, { ...fileQuery(input), report, locale }), input.file, CSV_TYPE);
}

export function exportPath(organizationId: string, encoding: 'utf-8' | 'cp932', locale: string): string {
  return withQuery(`${base(organizationId)}/members/export`, { encoding, locale });
}

/** The text of a sample cell as read by the server. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}
