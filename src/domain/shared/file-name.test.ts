import { describe, expect, it } from 'vitest';
import { storedFileName } from './file-name.js';

describe('storedFileName', () => {
  it('keeps a Japanese name as it is', () => {
    expect(storedFileName('意見書（採択）.pdf')).toBe('意見書（採択）.pdf');
  });

  it('drops the folder a browser or script sent with the name', () => {
    expect(storedFileName('C:\\Users\\kyodo\\請願書.pdf')).toBe('請願書.pdf');
    expect(storedFileName('../../etc/passwd')).toBe('passwd');
  });

  it('drops control characters and composes decomposed kana', () => {
    expect(storedFileName('議事録\u0000\r\n.pdf')).toBe('議事録.pdf');
    expect(storedFileName('か\u3099いき.pdf')).toBe('がいき.pdf');
  });

  it('refuses a name with nothing left', () => {
    expect(storedFileName('  ')).toBeNull();
    expect(storedFileName('folder/')).toBeNull();
    expect(storedFileName('..')).toBeNull();
  });
});
