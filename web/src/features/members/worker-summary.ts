import { lawProfiles } from '../../../../src/domain/law-profiles/profiles';
import { minimumMemberShareOfWorkers } from '../../../../src/domain/members/member';
import type { Worker } from './member';

/** The Act's rule, from the domain module: members are at least this share of workers. */
export const MINIMUM_MEMBER_SHARE = minimumMemberShareOfWorkers;

export interface WorkerSummary {
  /** People engaged in the work on the date; someone working at two sites counts once. */
  workers: number;
  members: number;
  nonMembers: number;
  /** Members as a share of workers (0–1), for display; null when nobody is engaged. */
  memberShare: number | null;
  /** Members are at least the minimum share of workers; null when nobody is engaged, so there is nothing to judge. */
  meetsMinimumShare: boolean | null;
}

/** Whether `members` out of `workers` reaches the minimum share, in whole numbers: 3 of 4 does, 2 of 3 does not. */
export function meetsMinimumMemberShare(members: number, workers: number): boolean {
  const { numerator, denominator } = MINIMUM_MEMBER_SHARE;
  return members * denominator >= workers * numerator;
}

/** How many are engaged in the work, how many of them are members, and whether that is enough under the Act. */
export function summarizeWorkers(rows: readonly Pick<Worker, 'personId' | 'member'>[]): WorkerSummary {
  const people = new Map<string, boolean>();
  for (const row of rows) people.set(row.personId, (people.get(row.personId) ?? false) || row.member);
  const workers = people.size;
  const members = [...people.values()].filter(Boolean).length;
  return {
    workers,
    members,
    nonMembers: workers - members,
    memberShare: workers === 0 ? null : members / workers,
    meetsMinimumShare: workers === 0 ? null : meetsMinimumMemberShare(members, workers),
  };
}

/**
 * Whether the worker co-operative composition rules bind an organization under its law profile: they do for a
 * worker co-operative, not for a consumer co-op whose members use its services.
 */
export function memberShareRuleApplies(lawProfile: string): boolean {
  return lawProfiles.find((profile) => profile.id === lawProfile)?.workerCoopComposition ?? false;
}
