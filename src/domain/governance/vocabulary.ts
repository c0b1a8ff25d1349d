/**
 * The words of co-operative governance (domain.md §2 items 8–11 and the glossary): bodies, meetings, motions,
 * elections and the ways a member takes part. Stable codes; the web app translates them.
 */

/** 総会 · 総代会 · 理事会 · and the federation's own assembly, whose voters are its member organizations' delegates. */
export const bodyKinds = ['general_assembly', 'delegate_assembly', 'board', 'federation_assembly'] as const;
export type BodyKind = (typeof bodyKinds)[number];

/** Who sits on a body that is not all the members. */
export const seatRoles = ['delegate', 'director', 'representative_director', 'auditor', 'council_member'] as const;
export type SeatRole = (typeof seatRoles)[number];

export const meetingStatuses = ['draft', 'convened', 'in_session', 'closed'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** 普通決議 · 特別決議 · 選挙 */
export const motionKinds = ['ordinary', 'special', 'election'] as const;
export type MotionKind = (typeof motionKinds)[number];

/** Secret ballot (無記名投票), or roll call (記名投票) where how each voted is part of the record. */
export const votingModes = ['secret', 'roll_call'] as const;
export type VotingMode = (typeof votingModes)[number];

export const electionMethods = ['approval', 'stv_meek', 'stv_scottish'] as const;
export type ElectionMethod = (typeof electionMethods)[number];

export const offices = ['director', 'auditor', 'delegate'] as const;
export type Office = (typeof offices)[number];

export const motionStatuses = ['draft', 'open', 'closed'] as const;
export type MotionStatus = (typeof motionStatuses)[number];

/** How a vote reached the count: electronically, on paper entered by a clerk, by a proxy, in the room. */
export const voteChannels = ['electronic', 'written', 'proxy', 'in_room'] as const;
export type VoteChannel = (typeof voteChannels)[number];

export const attendanceModes = ['in_person', 'online'] as const;
export type AttendanceMode = (typeof attendanceModes)[number];

export const motionChoices = ['for', 'against', 'abstain'] as const;
export type MotionChoice = (typeof motionChoices)[number];

/**
 * A voter's receipt: 20 random base-32 characters (100 bits) in groups of four. It names the ballot in the
 * published list and nowhere else; it is never stored with the voter.
 */
const receiptAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function receiptFrom(random: Uint8Array): string {
  if (random.length < 20) throw new RangeError('a receipt needs 20 random bytes');
  let code = receiptAlphabet[random[0]! & 31]!;
  for (let i = 1; i < 20; i++) code += (i % 4 === 0 ? '-' : '') + receiptAlphabet[random[i]! & 31];
  return code;
}
export const isReceipt = (s: string): boolean => /^([A-HJ-NP-Z2-9]{4}-){4}[A-HJ-NP-Z2-9]{4}$/.test(s);
