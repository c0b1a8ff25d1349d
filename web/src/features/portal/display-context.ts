import { createContext, useContext } from 'react';
import { DEFAULT_DISPLAY, type DisplayPreferences } from './display-preferences';

export interface DisplayPreferencesControl {
  preferences: DisplayPreferences;
  change: (changes: Partial<DisplayPreferences>) => void;
}

export const DisplayPreferencesContext = createContext<DisplayPreferencesControl>({ preferences: DEFAULT_DISPLAY, change: () => undefined });

/** This device's display preferences and the way to change them. */
export function useDisplayPreferences(): DisplayPreferencesControl {
  return useContext(DisplayPreferencesContext);
}
