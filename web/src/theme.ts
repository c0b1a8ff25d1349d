import { createTheme } from '@mantine/core';

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
