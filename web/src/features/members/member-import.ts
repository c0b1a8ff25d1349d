import { postFileForFile, uploadFile, withQuery, type UploadOptions } from '../../api';

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

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'cp932'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

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

const CSV = 'text/csv';
const base = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;
const fileQuery = ({ encoding, mapping }: ImportFile) => ({ encoding, mapping: mapping ? JSON.stringify(mapping) : undefined });

export function previewImport(input: ImportFile, options?: UploadOptions): Promise<ImportPreview> {
  return uploadFile<ImportPreview>(withQuery(`${base(input.organizationId)}/member-imports/preview`, fileQuery(input)), input.file, CSV, options);
}

export function runImport(input: ImportFile, mode: ImportMode, options?: UploadOptions): Promise<ImportResult> {
  return uploadFile<ImportResult>(withQuery(`${base(input.organizationId)}/member-imports`, { ...fileQuery(input), mode }), input.file, CSV, options);
}

export function importReport(input: ImportFile, report: 'errors' | 'rejected', locale: string): Promise<Blob> {
  return postFileForFile(withQuery(`${base(input.organizationId)}/member-imports/report`, { ...fileQuery(input), report, locale }), input.file, CSV);
}

export function exportPath(organizationId: string, encoding: 'utf-8' | 'cp932', locale: string): string {
  return withQuery(`${base(organizationId)}/members/export`, { encoding, locale });
}

/** Saves a file the app holds under a name, as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of a sample cell as read by the server. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}
