import type { FieldErrors } from '../../errors';
import type { BodyKind, Meeting, MeetingChanges, NewMeeting } from './governance';
import { japanInputToUtc, utcToJapanInput } from './meeting-time';

/** The meeting form as typed (new or changed): times in Japan time, as datetime-local inputs hold them. */
export interface MeetingValues {
  bodyKind: BodyKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string;
  recordDate: string;
  votingDeadline: string;
  writtenVoting: boolean;
  electronicVoting: boolean;
  proxyAllowed: boolean;
}

export const emptyMeeting = (today: string): MeetingValues => ({
  bodyKind: 'general_assembly',
  title: '',
  startsAt: '',
  endsAt: '',
  place: '',
  onlineUrl: '',
  recordDate: today,
  votingDeadline: '',
  writtenVoting: true,
  electronicVoting: true,
  proxyAllowed: true,
});

/** A meeting as the form shows it, to change it. */
export const meetingValuesOf = (meeting: Meeting): MeetingValues => ({
  bodyKind: meeting.bodyKind,
  title: meeting.title,
  startsAt: utcToJapanInput(meeting.startsAt),
  endsAt: meeting.endsAt ? utcToJapanInput(meeting.endsAt) : '',
  place: meeting.place ?? '',
  onlineUrl: meeting.onlineUrl ?? '',
  recordDate: meeting.recordDate,
  votingDeadline: meeting.votingDeadline ? utcToJapanInput(meeting.votingDeadline) : '',
  writtenVoting: meeting.writtenVoting,
  electronicVoting: meeting.electronicVoting,
  proxyAllowed: meeting.proxyAllowed,
});

/** The fields a meeting's change may carry before the notice: all but its body, which makes it another meeting. */
export const DRAFT_FIELDS = [
  'title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'recordDate', 'votingDeadline', 'writtenVoting', 'electronicVoting', 'proxyAllowed',
] as const satisfies readonly (keyof MeetingChanges & keyof NewMeeting)[];
/** Once the notice has gone out it fixes the rest, which members were told: only the online address may still change. */
export const CONVENED_FIELDS = ['onlineUrl'] as const satisfies readonly (typeof DRAFT_FIELDS)[number][];
export type ChangeableField = (typeof DRAFT_FIELDS)[number];

const timeField = (errors: FieldErrors, field: keyof MeetingValues, value: string, required: boolean) => {
  if (!value.trim()) {
    if (required) errors[field] = 'required';
    return;
  }
  if (japanInputToUtc(value) === null) errors[field] = 'invalid_format';
};

/** What can be told before sending; the server checks the rest (the record date on or before the meeting day …). */
export function checkMeeting(values: MeetingValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  timeField(errors, 'startsAt', values.startsAt, true);
  timeField(errors, 'endsAt', values.endsAt, false);
  timeField(errors, 'votingDeadline', values.votingDeadline, false);
  if (!values.recordDate) errors.recordDate = 'required';
  if (!values.place.trim() && !values.onlineUrl.trim()) errors.place = 'place_or_online';
  return errors;
}

/** The body the server takes: times in UTC. */
export function toNewMeeting(values: MeetingValues): NewMeeting {
  const time = (value: string) => (value.trim() ? japanInputToUtc(value) : null);
  return {
    bodyKind: values.bodyKind,
    title: values.title.trim(),
    startsAt: time(values.startsAt) ?? '',
    endsAt: time(values.endsAt),
    place: values.place.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    recordDate: values.recordDate,
    votingDeadline: time(values.votingDeadline),
    writtenVoting: values.writtenVoting,
    electronicVoting: values.electronicVoting,
    proxyAllowed: values.proxyAllowed,
  };
}

/** What can be told before sending a change; after the notice only the online address, which must stay when there is no place. */
export function checkMeetingChange(values: MeetingValues, fields: readonly ChangeableField[]): FieldErrors {
  const errors = checkMeeting(values);
  if (fields.includes('place')) return errors;
  return errors.place ? { onlineUrl: errors.place } : {};
}

/**
 * Only what changed among `fields`, as the server takes it: both sides go through toNewMeeting, so a time the
 * server wrote another way, or a value typed with spaces around it, does not count as a change.
 */
export function meetingChanges(before: MeetingValues, after: MeetingValues, fields: readonly ChangeableField[]): MeetingChanges {
  const was = toNewMeeting(before);
  const now = toNewMeeting(after);
  const changes: MeetingChanges = {};
  const take = <K extends ChangeableField>(field: K) => {
    if (now[field] !== was[field]) changes[field] = now[field];
  };
  fields.forEach(take);
  return changes;
}
