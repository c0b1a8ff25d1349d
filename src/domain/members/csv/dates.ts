/**
 * Dates as people type them in Japanese spreadsheets: 2024-04-01, 2024/4/1, 2024年4月1日, 20240401,
 * 令和6年4月1日, 令和元年5月1日, R6.4.1, H31/4/30. The input has been through NFKC already, so full-width
 * digits are ASCII and the one-character era signs ㋿ ㍻ ㍼ ㍽ ㍾ read as 令和 平成 昭和 大正 明治.
 */

interface Era {
  /** Gregorian year of the era's year 1, minus one. */
  offset: number;
  /** First day of the era, YYYY-MM-DD. */
  start: string;
}

const meiji: Era = {
  offset: 1867,
  // Japan adopted the Gregorian calendar on 明治6年1月1日; earlier 明治 dates are lunisolar and
  // cannot be converted by arithmetic, so they are refused rather than converted wrongly.
  start: '1873-01-01',
};
const taisho: Era = { offset: 1911, start: '1912-07-30' };
const showa: Era = { offset: 1925, start: '1926-12-25' };
const heisei: Era = { offset: 1988, start: '1989-01-08' };
const reiwa: Era = { offset: 2018, start: '2019-05-01' };

const eras: ReadonlyMap<string, Era> = new Map([
  ['明治', meiji], ['m', meiji],
  ['大正', taisho], ['t', taisho],
  ['昭和', showa], ['s', showa],
  ['平成', heisei], ['h', heisei],
  ['令和', reiwa], ['r', reiwa],
]);

/** An optional time Excel appends to date-time cells ("2024/4/1 0:00"). */
const time = String.raw`(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?`;
const gregorian = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?${time}$`);
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const japaneseEra = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(元|\d{1,2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

const firstGregorianYear = 1873;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD for a real calendar day, else null. */
const isoDate = (year: number, month: number, day: number): string | null => {
  if (year < firstGregorianYear || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
};

/**
 * The date a cell means, as YYYY-MM-DD, or null when it is not a date. A Japanese-era date before the
 * era began (令和1年4月1日) is refused; one after the era ended (平成31年5月1日) is accepted, because forms
 * printed before an era change keep the old name and the year arithmetic is still unambiguous.
 */
export const parseDate = (text: string): string | null => {
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const g = gregorian.exec(text) ?? compact.exec(text);
    return g ? isoDate(Number(g[1]), Number(g[2]), Number(g[3])) : null;
  }
  const e = japaneseEra.exec(text);
  if (!e) return null;
  const era = eras.get((e[1] ?? '').toLowerCase());
  if (!era) return null;
  const eraYear = e[2] === '元' ? 1 : Number(e[2]);
  if (eraYear < 1) return null;
  const date = isoDate(era.offset + eraYear, Number(e[3]), Number(e[4]));
  return date !== null && date >= era.start ? date : null;
};
