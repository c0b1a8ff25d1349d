import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHours, parseMinutes } from './duration.js';

describe('time worked as people write it', () => {
  it('reads hours as decimals, clock time and in Japanese', () => {
    expect(parseHours('7.5')).toBe(450);
    expect(parseHours('8')).toBe(480);
    expect(parseHours('7:30')).toBe(450);
    expect(parseHours('7:30:00')).toBe(450);
    expect(parseHours('0:45')).toBe(45);
    expect(parseHours('7時間30分')).toBe(450);
    expect(parseHours('8時間')).toBe(480);
    // A time clock's two decimals: 7.33 is 7:20 (439.8 minutes, rounded).
    expect(parseHours('7.33')).toBe(440);
    expect(parseHours('7.333333')).toBe(440);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', 'seven', '7:60', '7,5', '-1', '7.5h', '100', '1:2']) expect(parseHours(text)).toBeNull();
    expect(parseMinutes('450')).toBe(450);
    expect(parseMinutes('450分')).toBe(450);
    for (const text of ['', '7.5', '4 50', '12345']) expect(parseMinutes(text)).toBeNull();
  });

  it('H:MM and the decimal hours a spreadsheet computes from it give the same minutes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
      const minutes = h * 60 + m;
      expect(parseHours(`${h}:${String(m).padStart(2, '0')}`)).toBe(minutes);
      expect(parseHours((minutes / 60).toFixed(2).replace(/\.00$/, ''))).toBe(minutes);
      expect(parseHours((minutes / 60).toFixed(6))).toBe(minutes);
    }));
  });
});
