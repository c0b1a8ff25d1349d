/** Member import and export as CSV (組合員名簿の取り込みと書き出し): bytes in, bytes and rows out, no I/O. */
export { parseDate } from './dates.js';
export { decodeCsv, type CsvEncoding, type DecodedCsv } from './decode.js';
export type { EncodedCsv, UnencodableCharacter } from './encode.js';
export { membersCsv, type CsvLocale, type MembersCsvOptions } from './export.js';
export { duplicateFields, fieldForHeader, missingRequired, suggestMapping, type ColumnMapping, type MappingOptions } from './mapping.js';
export {
  fieldDefinition,
  memberFields,
  type MemberExportRow,
  type MemberField,
  type MemberFieldDefinition,
  type MemberImportRow,
} from './member-row.js';
export { parseCsv, type ParsedCsv } from './parse.js';
export { prefectureCodeOf } from './prefecture-lookup.js';
export { describeError, errorReportCsv, rejectedRowsCsv, type RejectedRowsInput, type ReportOptions } from './report.js';
export {
  validateRows,
  validateRowsInSteps,
  type MemberCsvError,
  type MemberCsvErrorCode,
  type MemberCsvValidation,
  type ValidatedMemberRow,
  type ValidateOptions,
} from './validate.js';
