import { prefectures } from '../../organizations/prefectures.js';
import type { CsvEncoding } from './decode.js';
import { encodeTable, excelText, type EncodedCsv } from './encode.js';
import { identifierFields, memberFields, type MemberExportRow, type MemberField } from './member-row.js';

export type CsvLocale = 'ja' | 'en';

export interface MembersCsvOptions {
  encoding: CsvEncoding;
  locale: CsvLocale;
}

const prefectureByCode = new Map(prefectures.map((p) => [p.code, p]));

const kindLabels: Record<CsvLocale, ReadonlyMap<string, string>> = {
  ja: new Map([['worker', '労働者組合員'], ['user', '利用者組合員']]),
  en: new Map([['worker', 'worker'], ['user', 'user']]),
};

const yesNo: Record<CsvLocale, [string, string]> = { ja: ['はい', 'いいえ'], en: ['yes', 'no'] };


/** One cell as the importer reads it back: labels in the locale, a hyphenated postal code (Excel keeps it as text). */
const cellText = (row: MemberExportRow, field: MemberField, locale: CsvLocale): string => {
  switch (field) {
    case 'kind':
      return kindLabels[locale].get(row.kind) ?? row.kind;
    case 'engagedInWork':
      return row.engagedInWork === null ? '' : yesNo[locale][row.engagedInWork ? 0 : 1];
    case 'postalCode':
      return row.postalCode === null ? '' : `${row.postalCode.slice(0, 3)}-${row.postalCode.slice(3)}`;
    case 'prefectureCode': {
      const prefecture = row.prefectureCode === null ? undefined : prefectureByCode.get(row.prefectureCode);
      return prefecture ? (locale === 'ja' ? prefecture.nameJa : prefecture.nameEn) : (row.prefectureCode ?? '');
    }
    default:
      return row[field] ?? '';
  }
};

/**
 * The members as a CSV file for Excel, with the headers the importer reads (Japanese or English), so an
 * export re-imports unchanged. UTF-8 is written with a BOM; for CP932, characters it cannot hold (𠮷, emoji)
 * are listed in `unencodable` so the caller can warn or offer UTF-8 instead.
 */
export const membersCsv = (rows: readonly MemberExportRow[], options: MembersCsvOptions): EncodedCsv => {
  const { encoding, locale } = options;
  const headers = memberFields.map((d) => d[locale]);
  const table = rows.map((row) =>
    memberFields.map(({ field }) => excelText(cellText(row, field, locale), identifierFields.has(field))),
  );
  return encodeTable(headers, table, encoding);
};
