import type { FieldErrors } from '../../errors';
import type { BodyKind, NewMeeting } from './governance';
import { japanInputToUtc } from './meeting-time';

/** The new-meeting form as typed: times in Japan time, as datetime-local inputs hold them. */
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
