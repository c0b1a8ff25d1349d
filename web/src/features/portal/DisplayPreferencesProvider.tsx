import { MantineProvider } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { cssVariablesResolver, highContrastTheme, highContrastVariablesResolver, theme } from '../../theme';
import { DisplayPreferencesContext } from './display-context';
import { readDisplayPreferences, rootFontSize, writeDisplayPreferences, type DisplayPreferences } from './display-preferences';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's theme as this device's display preferences want it: large text grows the root font size, high contrast swaps the theme. */
export function DisplayPreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<DisplayPreferences>(() => readDisplayPreferences(storage()));

  useEffect(() => {
    document.documentElement.style.fontSize = rootFontSize(preferences);
    if (preferences.highContrast) document.documentElement.dataset.contrast = 'high';
    else delete document.documentElement.dataset.contrast;
  }, [preferences]);

  const change = useCallback((changes: Partial<DisplayPreferences>) => {
    setPreferences((current) => {
      const next = { ...current, ...changes };
      writeDisplayPreferences(storage(), next);
      return next;
    });
  }, []);

  const value = useMemo(() => ({ preferences, change }), [preferences, change]);
  return (
    <DisplayPreferencesContext.Provider value={value}>
      <MantineProvider
        theme={preferences.highContrast ? highContrastTheme : theme}
        cssVariablesResolver={preferences.highContrast ? highContrastVariablesResolver : cssVariablesResolver}
      >
        {children}
      </MantineProvider>
    </DisplayPreferencesContext.Provider>
  );
}
