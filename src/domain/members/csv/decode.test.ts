import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import { decodeCsv } from './decode.js';
import { cp932Bytes, csvLines, jaHeader, utf8Bytes } from './test-fixtures.js';

const japanese = csvLines(jaHeader, '０００１,髙橋,﨑子,ﾀｶﾊｼ,さきこ,労働者組合員,令和６年４月１日,,,,,,東京都千代田区①,○,,');

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsv(utf8Bytes(japanese))).toEqual({ text: japanese, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and takes UTF-8, whatever was chosen', () => {
    for (const choice of ['auto', 'utf-8', 'cp932'] as const) {
      expect(decodeCsv(utf8Bytes(japanese, true), choice)).toEqual({ text: japanese, encoding: 'utf-8' });
    }
  });

  it('detects CP932 as Japanese Excel writes it: kanji, half-width katakana, full-width digits, NEC and IBM extensions', () => {
    const bytes = cp932Bytes(japanese);
    expect(decodeCsv(bytes)).toEqual({ text: japanese, encoding: 'cp932' });
    expect(decodeCsv(bytes, 'cp932')).toEqual({ text: japanese, encoding: 'cp932' });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeCsv(utf8Bytes('a,b\r\n1,2\r\n'))).toEqual({ text: 'a,b\r\n1,2\r\n', encoding: 'utf-8' });
  });

  it('refuses CP932 bytes when UTF-8 was chosen', () => {
    const error = refusal(() => decodeCsv(cp932Bytes(japanese), 'utf-8'));
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('not_csv');
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]],
    ['ZIP (xlsx)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]],
    ['XLS', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['PDF', [...new TextEncoder().encode('%PDF-1.7\n')]],
    ['UTF-16', [0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]],
    ['NUL bytes', [0x61, 0x2c, 0x62, 0x0a, 0x00, 0x2c, 0x31]],
  ])('refuses %s as not_csv', (_name, bytes) => {
    const error = refusal(() => decodeCsv(new Uint8Array(bytes)));
    expect([error.kind, error.code]).toEqual(['invalid', 'not_csv']);
  });

  it('refuses binary noise without NUL bytes', () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed % 255) + 1;
    });
    expect(refusal(() => decodeCsv(noise)).code).toBe('not_csv');
  });

  it('says on which line undecodable bytes are', () => {
    const bytes = new Uint8Array([...cp932Bytes('a,b\r\nあ,い\r\n'), 0x82, 0xff, 0x0d, 0x0a]);
    expect(refusal(() => decodeCsv(bytes)).message).toContain('line 3');
  });

  it('tolerates a Ctrl-Z at the end of the file', () => {
    expect(decodeCsv(cp932Bytes('姓,名\r\n山田,花子\r\n\x1a')).encoding).toBe('cp932');
  });
});
