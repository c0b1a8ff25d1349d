// A member as the lists that name them show it (the registry, the capital register, a close's dividend lines): one
// definition for the server and the web app. Types and constants only, so the web bundle can read it.
import type { MembershipStatus } from './lifecycle.js';

/** Who a line of a list is: the membership, its number and the name with its reading. */
export interface MemberLine {
  membershipId: string;
  memberNumber: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}

/** A line of the registry's list: the membership, its state and the person's name with its reading. */
export interface MemberListItem extends MemberLine {
  organizationId: string;
  personId: string;
  kind: string;
  status: MembershipStatus;
  admittedOn: string | null;
  endedOn: string | null;
}

/** The orders the registry's list can be sorted in. */
export const memberSorts = ['memberNumber', 'kana', 'admittedOn'] as const;
export type MemberSort = (typeof memberSorts)[number];
