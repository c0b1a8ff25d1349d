import { postFileForFile, uploadFile, withQuery, type UploadOptions } from '../../api';
import { CSV_TYPE, type ImportEncoding } from '../imports/csv-import';
import type { WorkCsvError, WorkCsvField } from '../../../../src/domain/work/work-csv';
import type { WorkImportResult } from '../../../../src/domain/work/views';
import { workPaths } from './work';

// Importing a time clock's CSV (タイムカード・勤怠データの取り込み): preview, import, and the error report.

export { workCsvFields as WORK_CSV_FIELDS, type WorkCsvField } from '../../../../src/domain/work/work-csv';
export type { WorkImportResult } from '../../../../src/domain/work/views';

/** What a row already recorded does: refused (the default), or it replaces the entered record. */
export type ExistingWork = 'refuse' | 'replace';

export interface WorkImportPreview {
  encoding: 'utf-8' | 'cp932';
  headers: string[];
  /** Field → the header of the column read for it, or null. */
  columns: Partial<Record<WorkCsvField, string | null>>;
  rowCount: number;
  validRows: number;
  replacing: number;
  totals: { minutes: number; people: number; days: number; from: string | null; until: string | null };
  sample: { line: number; memberNumber: string; personId: string; date: string; minutes: number; site: string; businessLine: string; role: string; replaces: boolean }[];
  errors: WorkCsvError[];
}

export interface WorkImportFile {
  organizationId: string;
  file: File;
  encoding: ImportEncoding;
  existing: ExistingWork;
}

const query = ({ encoding, existing }: WorkImportFile) => ({ encoding, existing });

export function previewWorkImport(input: WorkImportFile, options?: UploadOptions): Promise<WorkImportPreview> {
  return uploadFile<WorkImportPreview>(withQuery(`${workPaths.imports(input.organizationId)}/preview`, query(input)), input.file, CSV_TYPE, options);
}

export function runWorkImport(input: WorkImportFile, options?: UploadOptions): Promise<WorkImportResult> {
  return uploadFile<WorkImportResult>(withQuery(workPaths.imports(input.organizationId), query(input)), input.file, CSV_TYPE, options);
}

export function workImportReport(input: WorkImportFile, locale: string): Promise<Blob> {
  return postFileForFile(withQuery(`${workPaths.imports(input.organizationId)}/report`, { ...query(input), locale }), input.file, CSV_TYPE);
}
