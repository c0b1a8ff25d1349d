/** A sequential colour scale for a choropleth, and a text colour that stays readable on each of its colours. */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** #rrggbb or #rgb. */
export const parseHex = (colour: string): Rgb => {
  const digits = hex.exec(colour)?.[1];
  if (!digits) throw new Error(`not a #rrggbb colour: ${colour}`);
  const n = Number.parseInt(digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
};

const toHex = ({ r, g, b }: Rgb): string =>
  `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2 relative luminance. */
export const luminance = (colour: string): number => {
  const { r, g, b } = parseHex(colour);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};

/** WCAG 2 contrast ratio, 1 to 21. */
export const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/**
 * Whichever of the two text colours reads better on the background. With black and white, one of them is always
 * at least 4.5:1 (WCAG AA for small text); a dark grey instead of black leaves mid-tones where neither is.
 */
export const textOn = (background: string, dark: string, light: string): string =>
  contrast(background, dark) >= contrast(background, light) ? dark : light;

export interface ValueRange {
  min: number;
  max: number;
}

/** The smallest and largest finite value; null when there is none. */
export const valueRange = (values: readonly number[]): ValueRange | null => {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  return { min: Math.min(...finite), max: Math.max(...finite) };
};

/**
 * The colour of a value on a scale through the stops (light to dark, #rrggbb), interpolated in sRGB.
 * A range of one value (every prefecture the same) takes the middle of the scale.
 */
export const colourAt = (value: number, range: ValueRange, stops: readonly string[]): string => {
  if (stops.length === 0) throw new Error('a colour scale needs at least one stop');
  const span = range.max - range.min;
  const t = span > 0 ? Math.min(1, Math.max(0, (value - range.min) / span)) : 0.5;
  const position = t * (stops.length - 1);
  const index = Math.min(stops.length - 2, Math.floor(position));
  if (index < 0) return stops[0] as string;
  const from = parseHex(stops[index] as string);
  const to = parseHex(stops[index + 1] as string);
  const f = position - index;
  return toHex({ r: from.r + (to.r - from.r) * f, g: from.g + (to.g - from.g) * f, b: from.b + (to.b - from.b) * f });
};
