import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, readDisplayPreferences, rootFontSize, writeDisplayPreferences, type DisplayStorage } from './display-preferences';

function memoryStorage(): DisplayStorage {
  const data = new Map<string, string>();
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('display preferences of this device', () => {
  it('are off until chosen, and when there is no storage', () => {
    expect(readDisplayPreferences(memoryStorage())).toEqual(DEFAULT_DISPLAY);
    expect(readDisplayPreferences(null)).toEqual(DEFAULT_DISPLAY);
  });

  it('are remembered as chosen', () => {
    const storage = memoryStorage();
    writeDisplayPreferences(storage, { largeText: true, highContrast: true });
    expect(readDisplayPreferences(storage)).toEqual({ largeText: true, highContrast: true });
  });

  it('ignore a damaged or foreign entry', () => {
    const storage = memoryStorage();
    storage.setItem('kyodo.display', '{oops');
    expect(readDisplayPreferences(storage)).toEqual(DEFAULT_DISPLAY);
    storage.setItem('kyodo.display', JSON.stringify({ largeText: 'yes', highContrast: 1 }));
    expect(readDisplayPreferences(storage)).toEqual(DEFAULT_DISPLAY);
  });

  it('grow the root font size for large text and leave the browser’s own otherwise', () => {
    expect(rootFontSize({ largeText: true, highContrast: false })).toBe('125%');
    expect(rootFontSize(DEFAULT_DISPLAY)).toBe('');
  });
});
