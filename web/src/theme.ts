import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Noto Sans JP is bundled so Japanese renders the same on machines without CJK fonts.
const fontFamily = '"Noto Sans JP", system-ui, -apple-system, "Segoe UI", sans-serif';

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'indigo',
  // Shade 7 keeps white text on filled buttons above the WCAG AA contrast ratio.
  primaryShade: 7,
  focusRing: 'auto',
  defaultRadius: 'sm',
});

/** Darker secondary, error and placeholder text than Mantine's defaults, which fall below WCAG AA (4.5:1) on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Placeholders too: gray-5 on white is 2.07:1.
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

/**
 * High contrast (a device preference, see features/portal/display-preferences): black text and borders on white,
 * the darkest shade of the primary colour, and links always underlined, so nothing depends on a faint tint.
 */
export const highContrastTheme = createTheme({
  ...theme,
  primaryShade: 9,
  black: '#000000',
  white: '#ffffff',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

export const highContrastVariablesResolver: CSSVariablesResolver = (mantineTheme) => {
  const base = cssVariablesResolver(mantineTheme);
  return {
    ...base,
    light: {
      ...base.light,
      '--mantine-color-text': '#000000',
      '--mantine-color-body': '#ffffff',
      '--mantine-color-dimmed': '#000000',
      '--mantine-color-placeholder': 'var(--mantine-color-gray-9)',
      '--mantine-color-default-border': '#000000',
      '--mantine-color-anchor': 'var(--mantine-color-indigo-9)',
    },
  };
};
