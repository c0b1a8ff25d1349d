/**
 * Time worked as time clocks and people write it, read into whole minutes. The text has been through NFKC
 * (cleanCell), so full-width digits and colons are ASCII here.
 */

const decimalHours = /^(\d{1,2})(?:\.(\d{1,6}))?$/;
const clockHours = /^(\d{1,2}):([0-5]\d)(?::00)?$/;
const japaneseHours = /^(\d{1,2})\s*時間\s*(?:([0-5]?\d)\s*分)?$/;
const wholeMinutes = /^(\d{1,4})\s*分?$/;

/**
 * Hours as `7.5`, `7`, `7:30` (also `7:30:00`, as Excel writes a duration) or `7時間30分`, in minutes; null when
 * the text is none of these. Decimal hours are rounded to the nearest minute: a time clock's `7.33` is 7:20
 * (439.8 minutes), and a recurring third (7.333333) means the same.
 */
export function parseHours(text: string): number | null {
  const decimal = decimalHours.exec(text);
  if (decimal) {
    const fraction = decimal[2] === undefined ? 0 : Math.round(Number(`0.${decimal[2]}`) * 60);
    return Number(decimal[1]) * 60 + fraction;
  }
  const clock = clockHours.exec(text) ?? japaneseHours.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2] ?? 0);
  return null;
}

/** Whole minutes as `450` or `450分`; null otherwise. */
export function parseMinutes(text: string): number | null {
  const match = wholeMinutes.exec(text);
  return match ? Number(match[1]) : null;
}
