import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { parseInstant } from './wording.js';

/**
 * A meeting as an iCalendar invitation (RFC 5545, METHOD:REQUEST per RFC 5546), sent with its notice so that the
 * members' calendar clients offer to add it. The UID stays the same for a meeting: a changed date or place is sent
 * again with a higher sequence and replaces the entry instead of adding a second one.
 *
 * ical-generator writes the text: it escapes values, ends lines with CRLF and folds them at 75 octets without
 * splitting a multi-byte character, which a Japanese summary or agenda needs.
 */

export interface MeetingInvitation {
  meetingId: string;
  title: string;
  /** UTC ISO date-time, e.g. 2027-06-20T04:30:00Z. */
  startsAt: string;
  /** UTC ISO date-time; null means two hours after the start. */
  endsAt: string | null;
  place: string | null;
  onlineUrl: string | null;
  /** One line per agenda item, already worded (第1号議案 2026年度決算承認の件). */
  agenda: string[];
  organizerName: string;
  organizerEmail: string;
  /** 0 for the first invitation, one more for each change sent after it. */
  sequence: number;
}

const DEFAULT_LENGTH_MS = 2 * 60 * 60 * 1000;

/** The invitation as text. `stampedAt` is DTSTAMP, when this copy was made: now, unless a test fixes it. */
export function meetingIcs(meeting: MeetingInvitation, stampedAt: Date = new Date()): string {
  const start = parseInstant(meeting.startsAt, 'startsAt');
  const end = meeting.endsAt === null ? new Date(start.getTime() + DEFAULT_LENGTH_MS) : parseInstant(meeting.endsAt, 'endsAt');
  if (end.getTime() <= start.getTime()) throw new RangeError('a meeting ends after it starts');
  if (!Number.isSafeInteger(meeting.sequence) || meeting.sequence < 0) throw new RangeError('sequence is a whole number, 0 or more');

  const location = [meeting.place, meeting.onlineUrl].filter((part): part is string => part !== null && part.trim() !== '').join(' / ');
  const calendar = ical({
    prodId: { company: 'Kyodo', product: 'Kyodo', language: 'JA' },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${meeting.meetingId}@kyodo`,
    sequence: meeting.sequence,
    stamp: stampedAt,
    // No time zone given: ical-generator writes UTC date-times (…Z), which every client converts to its own zone.
    start,
    end,
    summary: meeting.title,
    location: location === '' ? null : location,
    url: meeting.onlineUrl,
    description: meeting.agenda.length === 0 ? null : meeting.agenda.join('\n'),
    organizer: { name: meeting.organizerName, email: meeting.organizerEmail },
    status: ICalEventStatus.CONFIRMED,
  });
  const text = calendar.toString();
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
