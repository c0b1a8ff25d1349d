import iconv from 'iconv-lite';
import { DomainError } from '../../shared/errors.js';

/** The encodings Japanese Excel reads and writes: UTF-8 (with a BOM) and CP932, Microsoft's Shift_JIS. */
export type CsvEncoding = 'utf-8' | 'cp932';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const notCsv = (why: string): DomainError => new DomainError('invalid', 'not_csv', why);

/** Files people upload by mistake, known by their first bytes. */
const signatures: { name: string; bytes: readonly number[] }[] = [
  { name: 'an Excel workbook or other ZIP archive (save it as CSV)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'an old Excel workbook (.xls; save it as CSV)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  // Excel's "Unicode text" is UTF-16 and tab-separated: neither is what the importer reads.
  { name: 'UTF-16 text (save it as "CSV UTF-8")', bytes: [0xff, 0xfe] },
  { name: 'UTF-16 text (save it as "CSV UTF-8")', bytes: [0xfe, 0xff] },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const hasUtf8Bom = (bytes: Uint8Array): boolean => startsWith(bytes, [0xef, 0xbb, 0xbf]);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const decodeUtf8 = (bytes: Uint8Array): string | null => {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
};

const lineOf = (text: string, index: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

const controlCharacters = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** Text, not binary: a stray control character in a cell is tolerated, a file full of them is not. */
const assertText = (text: string): void => {
  const count = text.match(controlCharacters)?.length ?? 0;
  // Old DOS tools end files with Ctrl-Z (0x1a): one at the very end is no sign of binary.
  const tolerated = text.endsWith('\x1a') ? 1 : 0;
  if (count - tolerated > text.length / 100) throw notCsv('the file holds binary data, not text');
};

/**
 * The text of an uploaded CSV file. A UTF-8 BOM is stripped and decides the encoding; otherwise 'auto'
 * takes UTF-8 when the bytes are valid UTF-8 (multi-byte Japanese text in CP932 practically never is) and
 * CP932 otherwise. Binary files (NUL bytes, known signatures, undecodable bytes) are refused with 'not_csv'.
 */
export const decodeCsv = (bytes: Uint8Array, encoding: 'auto' | CsvEncoding = 'auto'): DecodedCsv => {
  for (const signature of signatures) {
    if (startsWith(bytes, signature.bytes)) throw notCsv(`the file is ${signature.name}, not CSV`);
  }
  if (bytes.indexOf(0) !== -1) throw notCsv('the file holds NUL bytes: it is binary, not CSV');

  if (hasUtf8Bom(bytes) || encoding === 'utf-8') {
    const text = decodeUtf8(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
    if (text === null) throw notCsv('the file is not valid UTF-8; if Excel saved it as "CSV", choose CP932');
    assertText(text);
    return { text, encoding: 'utf-8' };
  }
  if (encoding === 'auto') {
    const text = decodeUtf8(bytes);
    if (text !== null) {
      assertText(text);
      return { text, encoding: 'utf-8' };
    }
  }
  const text = iconv.decode(bytes, 'cp932');
  const bad = text.indexOf('\ufffd');
  if (bad !== -1) throw notCsv(`line ${lineOf(text, bad)} holds bytes that are neither UTF-8 nor CP932`);
  assertText(text);
  return { text, encoding: 'cp932' };
};
