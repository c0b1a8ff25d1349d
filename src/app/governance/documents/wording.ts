import type { DocumentLocale } from '../../documents/pdf-kit.js';

/**
 * Words and dates shared by the governance documents (notice of meeting, minutes). Meetings are held in Japan:
 * their times are stored in UTC and shown in Japan time, which has no daylight saving, so UTC+9 is exact.
 */

export type BodyKind = 'general_assembly' | 'delegate_assembly' | 'board' | 'federation_assembly';
export type AgendaKind = 'ordinary' | 'special' | 'election';

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

interface JapanTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
}

export function parseInstant(value: string, field: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(date.getTime())) throw new RangeError(`${field} is not an ISO date-time: ${value}`);
  return date;
}

function inJapan(instant: Date): JapanTime {
  const shifted = new Date(instant.getTime() + JAPAN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function sameDay(a: JapanTime, b: JapanTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

const jaWeekdays = ['日', '月', '火', '水', '木', '金', '土'];
const enWeekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const enMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 午前/午後 with the twelve-hour clock, as notices write it: noon is 午後0時, midnight 午前0時. */
function jaClock(time: JapanTime): string {
  const period = time.hour < 12 ? '午前' : '午後';
  const minutes = time.minute === 0 ? '' : `${time.minute}分`;
  return `${period}${time.hour % 12}時${minutes}`;
}

function enClock(time: JapanTime): string {
  const hour = time.hour % 12 === 0 ? 12 : time.hour % 12;
  if (time.minute === 0 && time.hour === 12) return '12 noon';
  if (time.minute === 0 && time.hour === 0) return '12 midnight';
  return `${hour}:${String(time.minute).padStart(2, '0')} ${time.hour < 12 ? 'a.m.' : 'p.m.'}`;
}

function jaDay(time: Pick<JapanTime, 'year' | 'month' | 'day'>): string {
  return `${time.year}年${time.month}月${time.day}日`;
}

function enDay(time: Pick<JapanTime, 'year' | 'month' | 'day'>): string {
  return `${time.day} ${enMonths[time.month - 1]} ${time.year}`;
}

/** A calendar date (YYYY-MM-DD): 2027年6月1日 / 1 June 2027. */
export function calendarDate(locale: DocumentLocale, value: string): string {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return locale === 'ja' ? jaDay({ year, month, day }) : enDay({ year, month, day });
}

/** 2027年6月20日（日）午後1時30分 / Sunday 20 June 2027, 1:30 p.m. JST */
export function dateTime(locale: DocumentLocale, instant: Date): string {
  const time = inJapan(instant);
  return locale === 'ja'
    ? `${jaDay(time)}（${jaWeekdays[time.weekday]}）${jaClock(time)}`
    : `${enWeekdays[time.weekday]} ${enDay(time)}, ${enClock(time)} JST`;
}

/** The time of day only, for an end on the same day: 午後3時30分 / 3:30 p.m. JST */
export function timeOfDay(locale: DocumentLocale, instant: Date): string {
  const time = inJapan(instant);
  return locale === 'ja' ? jaClock(time) : `${enClock(time)} JST`;
}

/** From start to end, the date once when both fall on the same day in Japan. */
export function dateTimeRange(locale: DocumentLocale, start: Date, end: Date | null): string {
  if (end === null) return dateTime(locale, start);
  const endText = sameDay(inJapan(start), inJapan(end)) ? timeOfDay(locale, end) : dateTime(locale, end);
  if (locale === 'ja') return `${dateTime('ja', start)}から${endText}まで`;
  const startText = sameDay(inJapan(start), inJapan(end)) ? dateTime('en', start).replace(/ JST$/, '') : dateTime('en', start);
  return `${startText} to ${endText}`;
}

/** The body that meets and those it calls: 組合員 for a general assembly, 総代 for a delegate assembly, and so on. */
export interface BodyWords {
  /** The body, as a heading names it. */
  body: string;
  /** The meeting in a sentence: 総会 · 総代会 · 理事会 */
  meeting: string;
  /** 組合員 · 総代 · 理事 · 会員: whose votes are counted. */
  voter: string;
  /** The addressee line of a notice: 組合員各位. */
  addressee: string;
}

const bodyWords: Record<DocumentLocale, Record<BodyKind, BodyWords>> = {
  ja: {
    general_assembly: { body: '総会', meeting: '総会', voter: '組合員', addressee: '組合員各位' },
    delegate_assembly: { body: '総代会', meeting: '総代会', voter: '総代', addressee: '総代各位' },
    // 監事 attend the board without a vote, and are called to it all the same.
    board: { body: '理事会', meeting: '理事会', voter: '理事', addressee: '理事・監事各位' },
    federation_assembly: { body: '連合会総会', meeting: '総会', voter: '会員', addressee: '会員各位' },
  },
  en: {
    general_assembly: { body: 'General assembly', meeting: 'general assembly', voter: 'members', addressee: 'To all members' },
    delegate_assembly: { body: 'Delegate assembly', meeting: 'delegate assembly', voter: 'delegates', addressee: 'To all delegates' },
    board: { body: 'Board of directors', meeting: 'board meeting', voter: 'directors', addressee: 'To the directors and auditors' },
    federation_assembly: { body: 'Federation general assembly', meeting: 'general assembly', voter: 'member organizations', addressee: 'To all member organizations' },
  },
};

export function wordsForBody(locale: DocumentLocale, body: BodyKind): BodyWords {
  return bodyWords[locale][body];
}

/** 第1号議案 / Item 1 */
export function itemLabel(locale: DocumentLocale, position: number): string {
  return locale === 'ja' ? `第${position}号議案` : `Item ${position}`;
}

/** 普通決議 · 特別決議 · 選挙 */
export function kindLabel(locale: DocumentLocale, kind: AgendaKind): string {
  const labels: Record<DocumentLocale, Record<AgendaKind, string>> = {
    ja: { ordinary: '普通決議', special: '特別決議', election: '選挙' },
    en: { ordinary: 'ordinary resolution', special: 'special resolution', election: 'election' },
  };
  return labels[locale][kind];
}

export function organizationName(organization: { nameJa: string; nameEn: string | null }, locale: DocumentLocale): string {
  return locale === 'en' ? (organization.nameEn ?? organization.nameJa) : organization.nameJa;
}

const groupDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1,234 or 20.33: vote counts are whole, an STV quota or transferred value may not be. */
export function count(value: number): string {
  return groupDigits.format(value);
}

/** 35名 / 35 */
export function people(locale: DocumentLocale, value: number): string {
  return locale === 'ja' ? `${count(value)}名` : count(value);
}

/** A、BまたはC / A, B or C */
export function alternatives(locale: DocumentLocale, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return locale === 'ja' ? `${items.slice(0, -1).join('、')}または${last}` : `${items.slice(0, -1).join(', ')} or ${last}`;
}
