import { describe, expect, it } from 'vitest';
import type { Meeting } from './governance';
import { checkMeetingChange, CONVENED_FIELDS, DRAFT_FIELDS, meetingChanges, meetingValuesOf } from './meeting-values';

const meeting: Meeting = {
  id: 'm1', organizationId: 'o1', bodyId: 'b1', bodyKind: 'general_assembly', title: '第7回通常総会',
  startsAt: '2026-06-20T04:30:00Z', endsAt: null, place: '協同会館', onlineUrl: null, recordDate: '2026-05-31', votingDeadline: '2026-06-19T09:00:00.000Z',
  writtenVoting: true, electronicVoting: true, proxyAllowed: false, status: 'draft', noticeDate: null, chairPersonId: null, minutesSigners: [],
  openedAt: null, closedAt: null, version: 3,
};

describe('a meeting changed through its form', () => {
  it('shows the meeting in Japan time, empty where nothing is set', () => {
    expect(meetingValuesOf(meeting)).toMatchObject({ startsAt: '2026-06-20T13:30', endsAt: '', onlineUrl: '', votingDeadline: '2026-06-19T18:00', proxyAllowed: false });
  });

  it('sends only what changed, however the server wrote its times', () => {
    const before = meetingValuesOf(meeting);
    expect(meetingChanges(before, { ...before, title: ' 第7回通常総会 ' }, DRAFT_FIELDS)).toEqual({});
    expect(meetingChanges(before, { ...before, place: '', onlineUrl: 'https://meet.example/kyodo', proxyAllowed: true }, DRAFT_FIELDS)).toEqual({
      place: null, onlineUrl: 'https://meet.example/kyodo', proxyAllowed: true,
    });
    expect(meetingChanges(before, { ...before, startsAt: '2026-06-21T10:00' }, DRAFT_FIELDS)).toEqual({ startsAt: '2026-06-21T01:00:00.000Z' });
  });

  it('after the notice, sends and checks the online address alone', () => {
    const before = meetingValuesOf({ ...meeting, place: null, onlineUrl: 'https://meet.example/a' });
    expect(meetingChanges(before, { ...before, title: '別の会議', onlineUrl: 'https://meet.example/b' }, CONVENED_FIELDS)).toEqual({ onlineUrl: 'https://meet.example/b' });
    expect(checkMeetingChange({ ...before, title: '', onlineUrl: '' }, CONVENED_FIELDS)).toEqual({ onlineUrl: 'place_or_online' });
    expect(checkMeetingChange({ ...before, title: '', onlineUrl: '' }, DRAFT_FIELDS)).toEqual({ title: 'required', place: 'place_or_online' });
  });
});
