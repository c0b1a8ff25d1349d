// Text on an SDG colour: white where it reads well enough, dark where it does not (goal 7's yellow, goal 2's gold),
// by the WCAG contrast ratio.

/** The dark text used on light SDG colours. */
export const DARK_TEXT = '#1A1B1E';
export const LIGHT_TEXT = '#FFFFFF';

function channels(hex: string): [number, number, number] {
  const digits = hex.replace('#', '');
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits.padEnd(6, '0').slice(0, 6);
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2 relative luminance of an '#RRGGBB' colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The text colour for a background: white when it reaches `minimum` (4.5:1, normal text) on it, else the dark
 * text, which reaches more there.
 */
export function textColourOn(background: string, minimum = 4.5): string {
  const white = contrastRatio(background, LIGHT_TEXT);
  if (white >= minimum) return LIGHT_TEXT;
  return contrastRatio(background, DARK_TEXT) > white ? DARK_TEXT : LIGHT_TEXT;
}
