import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { CsvEncoding } from './decode.js';
import { isAscii } from './text.js';

/** A character that CP932 cannot hold, where it was: the caller warns, or offers UTF-8 instead. */
export interface UnencodableCharacter {
  /** The row number Excel shows (the header is row 1). */
  line: number;
  column: string;
  char: string;
}

export interface EncodedCsv {
  bytes: Uint8Array;
  /** Empty for UTF-8. For CP932, each character written as 〓 instead. */
  unencodable: UnencodableCharacter[];
}

const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * Characters typed on a Mac (or converted by JIS rules) that CP932 holds under another code point: the
 * same glyph in every Japanese font, so they are written as the CP932 character rather than reported.
 */
const cp932Equivalents: ReadonlyMap<string, string> = new Map([
  ['\u301c', '\uff5e'], // 〜 WAVE DASH → ～
  ['\u2212', '\uff0d'], // − MINUS SIGN → －
  ['\u2016', '\u2225'], // ‖ → ∥
  ['\u2014', '\u2015'], // — EM DASH → ―
  ['\u00a2', '\uffe0'], // ¢ → ￠
  ['\u00a3', '\uffe1'], // £ → ￡
  ['\u00ac', '\uffe2'], // ¬ → ￢
]);

/**
 * The conventional mark for a character a Japanese character set cannot hold (下駄記号); unlike '?' it
 * cannot be mistaken for data.
 */
const geta = '〓';

const encodable = new Map<string, boolean>();
const isCp932 = (char: string): boolean => {
  let known = encodable.get(char);
  if (known === undefined) {
    const bytes = iconv.encode(char, 'cp932');
    // iconv-lite writes '?' for what it cannot encode.
    known = !(bytes.length === 1 && bytes[0] === 0x3f);
    encodable.set(char, known);
  }
  return known;
};

/** The cell as CP932 can hold it; characters it cannot are reported and written as 〓. */
const cp932Cell = (cell: string, line: number, column: string, unencodable: UnencodableCharacter[]): string => {
  if (isAscii(cell)) return cell;
  let out = '';
  for (const char of cell) {
    const equivalent = cp932Equivalents.get(char) ?? char;
    if (isCp932(equivalent)) {
      out += equivalent;
    } else {
      unencodable.push({ line, column, char });
      out += geta;
    }
  }
  return out;
};

const withBom = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(bytes.length + utf8Bom.length);
  out.set(utf8Bom);
  out.set(bytes, utf8Bom.length);
  return out;
};

/**
 * A table as CSV bytes Excel opens correctly: CRLF line ends, cells with commas, quotes or line breaks
 * quoted; UTF-8 with a BOM (without one Excel reads UTF-8 as CP932) or CP932.
 */
export const encodeTable = (headers: readonly string[], rows: readonly (readonly string[])[], encoding: CsvEncoding): EncodedCsv => {
  const unencodable: UnencodableCharacter[] = [];
  const table: string[][] = [[...headers], ...rows.map((row) => [...row])];
  if (encoding === 'cp932') {
    table.forEach((row, r) => {
      row.forEach((cell, c) => {
        row[c] = cp932Cell(cell, r + 1, headers[c] ?? '', unencodable);
      });
    });
  }
  // A line break inside a cell (Excel writes LF for Alt+Enter) must be quoted too, not only CRLF.
  const text = stringify(table, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  const bytes = encoding === 'cp932' ? iconv.encode(text, 'cp932') : withBom(new TextEncoder().encode(text));
  return { bytes, unencodable };
};

const formulaStart = /^[=+\-@\t\r]/;
const zeroLed = /^0\d+$/;
const longNumber = /^\d{12,}$/;
const dateLike = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/;

/**
 * A cell written so that Excel shows it as the text it is. Excel evaluates cells starting with = + - @
 * (a formula-injection risk in names and addresses), drops leading zeros (0012, 090…) and shows long digit
 * strings as 1.2E+11; in codes (member numbers, phones: `identifier`) it would also turn 4-1 into a date.
 * Such cells are written as the formula ="…", which Excel shows as plain text and the importer unwraps.
 */
export const excelText = (value: string, identifier: boolean): string => {
  const risky = formulaStart.test(value) || zeroLed.test(value) || longNumber.test(value) || (identifier && dateLike.test(value));
  return risky ? `="${value.replaceAll('"', '""')}"` : value;
};
