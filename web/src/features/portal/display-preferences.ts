// How this device shows the app, for people who need it: larger text and high contrast. A device preference (kept
// in localStorage, like the language), not an account setting: the same member may read on a phone and a PC.

export interface DisplayPreferences {
  largeText: boolean;
  highContrast: boolean;
}

export const DEFAULT_DISPLAY: DisplayPreferences = { largeText: false, highContrast: false };

const STORAGE_KEY = 'kyodo.display';

/** The root font size with large text: every rem in the app grows with it (Mantine sizes are in rem). */
export const LARGE_TEXT_ROOT_SIZE = '125%';

export type DisplayStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The preferences stored on this device; the defaults when none or unreadable. */
export function readDisplayPreferences(storage: DisplayStorage | null): DisplayPreferences {
  if (!storage) return DEFAULT_DISPLAY;
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return DEFAULT_DISPLAY;
    const stored = value as Record<string, unknown>;
    return { largeText: stored.largeText === true, highContrast: stored.highContrast === true };
  } catch {
    return DEFAULT_DISPLAY;
  }
}

export function writeDisplayPreferences(storage: DisplayStorage | null, preferences: DisplayPreferences): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // A full or disabled storage: the choice holds until the page is closed.
  }
}

/** The root element's font size for the preferences: '' leaves the browser's own (which the reader may have set). */
export function rootFontSize(preferences: DisplayPreferences): string {
  return preferences.largeText ? LARGE_TEXT_ROOT_SIZE : '';
}
