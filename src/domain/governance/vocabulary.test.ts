import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReceipt, receiptFrom } from './vocabulary.js';

describe('receipts', () => {
  it('are 20 characters of the unambiguous base-32 alphabet in groups of four, 5 bits per byte', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i);
    // 0–7 are A–H; 8 is J (no I); 9–12 are K–N (no O); 13 is P; then Q–Z; 24–31 are 2–9.
    expect(receiptFrom(bytes)).toBe('ABCD-EFGH-JKLM-NPQR-STUV');
    expect(receiptFrom(Uint8Array.from({ length: 20 }, (_, i) => 255 - i))).toBe('9876-5432-ZYXW-VUTS-RQPN');
    expect(() => receiptFrom(new Uint8Array(19))).toThrow(RangeError);
  });

  it('always pass their own check, and depend on every one of the 20 bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(19), (bytes, at) => {
      const receipt = receiptFrom(bytes);
      expect(isReceipt(receipt)).toBe(true);
      const changed = Uint8Array.from(bytes);
      changed[at] = changed[at]! ^ 1;
      expect(receiptFrom(changed)).not.toBe(receipt);
    }));
  });
});
