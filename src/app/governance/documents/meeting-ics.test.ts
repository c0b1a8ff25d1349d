import { describe, expect, it } from 'vitest';
import { meetingIcs, type MeetingInvitation } from './meeting-ics.js';

function buildInvitation(overrides: Partial<MeetingInvitation> = {}): MeetingInvitation {
  return {
    meetingId: '7f3c2a9e-5b1d-4c6e-9a0f-2d8e4b6c1a35',
    title: '第8回通常総会（ワーカーズコープちば労働者協同組合）',
    startsAt: '2027-06-20T04:30:00Z',
    endsAt: '2027-06-20T06:30:00.000Z',
    place: '千葉市文化センター 5階 会議室',
    onlineUrl: 'https://meet.example.jp/kyodo/8th-general-assembly?pwd=3f9a',
    agenda: ['第1号議案 2026年度事業報告及び決算承認の件', '第2号議案 定款一部変更の件', '第3号議案 理事及び監事選任の件'],
    organizerName: '菊地 謙',
    organizerEmail: 'office@chiba.example.jp',
    sequence: 0,
    ...overrides,
  };
}

const stamped = new Date('2027-06-01T00:00:00Z');

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 §3.1: undo the folding, then split each content line into name, parameters and value. */
function parse(text: string): ContentLine[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      // The value starts at the first colon outside a quoted parameter value.
      let inQuotes = false;
      let colon = -1;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '"') inQuotes = !inQuotes;
        if (line[i] === ':' && !inQuotes) {
          colon = i;
          break;
        }
      }
      const [name = '', ...params] = line.slice(0, colon).split(';');
      return {
        name,
        params: Object.fromEntries(params.map((param) => [param.slice(0, param.indexOf('=')), param.slice(param.indexOf('=') + 1)])),
        value: line.slice(colon + 1),
      };
    });
}

function field(lines: ContentLine[], name: string): ContentLine {
  const found = lines.filter((line) => line.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

/** TEXT values escape backslash, semicolon, comma and line breaks (§3.3.11). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

describe('meetingIcs', () => {
  it('is one VEVENT in a VCALENDAR with METHOD:REQUEST, in the order RFC 5545 asks', () => {
    const lines = parse(meetingIcs(buildInvitation(), stamped));
    expect(lines[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' });
    expect(lines.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' });
    expect(field(lines, 'VERSION').value).toBe('2.0');
    expect(field(lines, 'PRODID').value).toMatch(/Kyodo/);
    expect(field(lines, 'METHOD').value).toBe('REQUEST');
    expect(lines.filter((line) => line.name === 'BEGIN').map((line) => line.value)).toEqual(['VCALENDAR', 'VEVENT']);
    const begin = lines.findIndex((line) => line.name === 'BEGIN' && line.value === 'VEVENT');
    const end = lines.findIndex((line) => line.name === 'END' && line.value === 'VEVENT');
    expect(begin).toBeGreaterThan(lines.findIndex((line) => line.name === 'METHOD'));
    expect(end).toBe(lines.length - 2);
  });

  it('carries the meeting: a stable UID, UTC times, summary, place and online address, agenda and organizer', () => {
    const invitation = buildInvitation();
    const lines = parse(meetingIcs(invitation, stamped));
    expect(field(lines, 'UID').value).toBe('7f3c2a9e-5b1d-4c6e-9a0f-2d8e4b6c1a35@kyodo');
    expect(field(lines, 'SEQUENCE').value).toBe('0');
    expect(field(lines, 'DTSTAMP').value).toBe('20270601T000000Z');
    expect(field(lines, 'DTSTART')).toMatchObject({ params: {}, value: '20270620T043000Z' });
    expect(field(lines, 'DTEND')).toMatchObject({ params: {}, value: '20270620T063000Z' });
    expect(unescapeText(field(lines, 'SUMMARY').value)).toBe(invitation.title);
    expect(unescapeText(field(lines, 'LOCATION').value)).toBe('千葉市文化センター 5階 会議室 / https://meet.example.jp/kyodo/8th-general-assembly?pwd=3f9a');
    expect(field(lines, 'URL').value).toBe(invitation.onlineUrl);
    expect(unescapeText(field(lines, 'DESCRIPTION').value).split('\n')).toEqual(invitation.agenda);
    const organizer = field(lines, 'ORGANIZER');
    expect(organizer.value).toBe('mailto:office@chiba.example.jp');
    expect(organizer.params.CN).toBe('"菊地 謙"');
  });

  it('keeps the UID of a meeting across changes, and says which change it is', () => {
    const first = parse(meetingIcs(buildInvitation(), stamped));
    const moved = parse(meetingIcs(buildInvitation({ startsAt: '2027-06-27T04:30:00Z', endsAt: null, sequence: 1 }), stamped));
    expect(field(moved, 'UID').value).toBe(field(first, 'UID').value);
    expect(field(moved, 'SEQUENCE').value).toBe('1');
    // Without an end the meeting is taken to last two hours.
    expect(field(moved, 'DTEND').value).toBe('20270627T063000Z');
  });

  it('names only the online address when there is no place, and leaves out what is not known', () => {
    const lines = parse(meetingIcs(buildInvitation({ place: null, agenda: [] }), stamped));
    expect(field(lines, 'LOCATION').value).toBe('https://meet.example.jp/kyodo/8th-general-assembly?pwd=3f9a');
    const offline = parse(meetingIcs(buildInvitation({ onlineUrl: null }), stamped));
    expect(unescapeText(field(offline, 'LOCATION').value)).toBe('千葉市文化センター 5階 会議室');
    expect(offline.some((line) => line.name === 'URL')).toBe(false);
    expect(lines.some((line) => line.name === 'DESCRIPTION')).toBe(false);
  });

  it('ends every line with CRLF and folds long lines at 75 octets without splitting a character', () => {
    const text = meetingIcs(buildInvitation({ title: `${'第8回通常総会・'.repeat(12)}終`, agenda: ['第1号議案 ' + 'あ'.repeat(100)] }), stamped);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = text.split('\r\n').slice(0, -1);
    const folded = physical.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(3);
    for (const line of physical) {
      const octets = Buffer.from(line, 'utf8');
      expect(octets.byteLength, line).toBeLessThanOrEqual(75);
      expect(octets.toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
    }
    // Unfolded, the text is whole again.
    const lines = parse(text);
    expect(unescapeText(field(lines, 'SUMMARY').value)).toBe(`${'第8回通常総会・'.repeat(12)}終`);
    expect(unescapeText(field(lines, 'DESCRIPTION').value)).toBe('第1号議案 ' + 'あ'.repeat(100));
  });

  it('escapes commas, semicolons and backslashes in text', () => {
    const lines = parse(meetingIcs(buildInvitation({ title: 'Annual meeting; budget, bylaws \\ vote' }), stamped));
    expect(field(lines, 'SUMMARY').value).toBe('Annual meeting\\; budget\\, bylaws \\\\ vote');
  });

  it('refuses times that are not ISO date-times or end before they start', () => {
    expect(() => meetingIcs(buildInvitation({ startsAt: '20 June 2027' }))).toThrow(RangeError);
    expect(() => meetingIcs(buildInvitation({ endsAt: '2027-06-20T04:00:00Z' }))).toThrow(RangeError);
  });
});
