// The API keeps times in UTC; people enter and read them in Japan time (UTC+9 all year: Japan has no summer time).

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * The value of a datetime-local input (`2026-06-20T13:30`), read as Japan time, as a UTC ISO timestamp
 * (`2026-06-20T04:30:00.000Z`); null when it is empty or not a date and time.
 */
export function japanInputToUtc(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute) - JAPAN_OFFSET_MS;
  const date = new Date(utc);
  // 2026-02-30 is refused rather than rolled over into March.
  const back = new Date(utc + JAPAN_OFFSET_MS);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return date.toISOString();
}

/** A UTC timestamp as the value of a datetime-local input in Japan time: `2026-06-20T04:30:00Z` → `2026-06-20T13:30`. */
export function utcToJapanInput(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + JAPAN_OFFSET_MS).toISOString().slice(0, 16);
}

/** The calendar day in Japan of a UTC timestamp: the meeting day that record dates and notices count from. */
export function japanDateOf(iso: string): string {
  return utcToJapanInput(iso).slice(0, 10);
}

/** A date `days` after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
