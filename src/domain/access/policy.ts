import type { CaseRole } from '../programmes/participant.js';

/**
 * Who may do what. Tenancy rule: a user of organization A never reads or changes organization B's data.
 * Only the federation administrator crosses organizations.
 */
export const roles = ['federation-admin', 'org-admin', 'clerk', 'member'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  userId: string;
  email: string;
  role: Role;
  organizationId: string | null;
  /** For a member's own account: the person they are (their votes are theirs). */
  personId?: string | null;
}

const isFederationAdmin = (actor: Actor): boolean => actor.role === 'federation-admin';
const isStaffOf = (actor: Actor, organizationId: string): boolean =>
  (actor.role === 'org-admin' || actor.role === 'clerk') && actor.organizationId === organizationId;

export function canReadOrganization(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** The registry of an organization: its staff read and keep it (clerks enter members); the federation sees all. */
export function canKeepRegistry(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** The capital ledger: the organization's staff record subscriptions, payments and refunds; the federation sees all. */
export function canKeepCapital(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** The capital rules come from the bylaws: only the organization's administrator (or the federation's) records them. */
export function canSetCapitalRules(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || (actor.role === 'org-admin' && actor.organizationId === organizationId);
}

/** Meetings: the organization's staff convene them, keep the record and run the room; the federation runs its own. */
export function canRunMeetings(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** Bylaws and bodies are the administrator's: a new version only ever takes effect through a resolution. */
export function canKeepBylaws(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || (actor.role === 'org-admin' && actor.organizationId === organizationId);
}

/** Work records: the organization's staff enter and import them; the federation sees all. */
export function canRecordWork(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/**
 * Approving work and closing a month is the coordinator's: the organization's administrator, not the clerk who
 * entered the hours (the one who records is not the one who approves).
 */
export function canApproveWork(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || (actor.role === 'org-admin' && actor.organizationId === organizationId);
}

/** The fiscal-year close and its proposal to the assembly are the board's, through the administrator. */
export function canCloseFiscalYear(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || (actor.role === 'org-admin' && actor.organizationId === organizationId);
}

/**
 * The compliance board reads an organization's registry, its board's seats, its bylaws and its ledger: the
 * organization's staff see their own, the federation administrator every organization.
 */
export function canReadCompliance(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** The federation's board adds up every member organization: only the federation administrator sees it. */
export function canReadFederationCompliance(actor: Actor): boolean {
  return isFederationAdmin(actor);
}

/** Sites and their yearly results: the organization's staff keep them; the federation sees and keeps all. */
export function canKeepBusinesses(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/** Business lines are the federation's vocabulary, shared by every organization: only its administrator adds to it. */
export function canDefineBusinessLines(actor: Actor): boolean {
  return isFederationAdmin(actor);
}

/**
 * The federation's reporting — its dashboard, its exchange rates, its annual report, the SDG goals of its business
 * lines — sums every member organization: only the federation administrator sees and keeps it.
 */
export function canReportForFederation(actor: Actor): boolean {
  return isFederationAdmin(actor);
}

/** The federation's list of commissioners (ministries and local governments) is shared: any staff member reads and adds to it. */
export function canKeepCommissioners(actor: Actor): boolean {
  return isFederationAdmin(actor) || ((actor.role === 'org-admin' || actor.role === 'clerk') && actor.organizationId !== null);
}

/** An organization's programme contracts: its staff keep them; the federation sees and keeps all. */
export function canKeepProgrammes(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/**
 * Advocacy campaigns: an organization's staff run its own (the federation's are its root organization's); the
 * federation administrator runs and sees every campaign.
 */
export function canRunCampaigns(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

/**
 * Who works a case at which office is the organization's administrator's to decide (or the federation's); only
 * the organization's own staff can be given a case role.
 */
export function canAssignCases(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || (actor.role === 'org-admin' && actor.organizationId === organizationId);
}

/**
 * A participant's record (identity, circumstances, plan, notes) is read only by the organization's staff with a
 * case role at the participant's office: no role — not the clerk, not the administrator, not the federation — no
 * access. `caseRole` is the actor's role at that office, or null.
 */
export function canWorkCases(actor: Actor, organizationId: string, caseRole: CaseRole | null): boolean {
  return caseRole !== null && isStaffOf(actor, organizationId);
}

/** Who read which participant's record is shown to the office's supervisors and its lead. */
export function canSeeCaseReads(actor: Actor, organizationId: string, caseRole: CaseRole | null): boolean {
  return canWorkCases(actor, organizationId, caseRole) && (caseRole === 'supervisor' || caseRole === 'office-lead');
}

/**
 * A member's own account reads its own record (マイページ): the person it is, within its own organization; never
 * another member's, whatever the route.
 */
export function isOwnRecord(actor: Actor, record: { organizationId: string; personId: string }): boolean {
  return actor.role === 'member' && !!actor.personId && actor.personId === record.personId && actor.organizationId === record.organizationId;
}

/** A member's change of name or address takes effect when the organization's staff confirm it. */
export function canDecideChangeRequests(actor: Actor, organizationId: string): boolean {
  return isFederationAdmin(actor) || isStaffOf(actor, organizationId);
}

export function canCreateOrganization(actor: Actor): boolean {
  return isFederationAdmin(actor);
}

/** Organization administrators edit their own organization's profile, but not its place in the federation. */
export function canEditOrganization(actor: Actor, organizationId: string, changed: readonly string[], structural: readonly string[]): boolean {
  if (isFederationAdmin(actor)) return true;
  return actor.role === 'org-admin' && actor.organizationId === organizationId && !changed.some((f) => structural.includes(f));
}

/** Organization administrators manage accounts of their own organization, never a federation administrator. */
export function canManageUser(actor: Actor, target: { role: Role; organizationId: string | null }): boolean {
  if (isFederationAdmin(actor)) return true;
  return actor.role === 'org-admin' && target.role !== 'federation-admin' && target.organizationId === actor.organizationId;
}

export function canListUsers(actor: Actor, organizationId: string | null): boolean {
  if (isFederationAdmin(actor)) return true;
  return actor.role === 'org-admin' && organizationId === actor.organizationId;
}

export function canReadAuditLog(actor: Actor): boolean {
  return isFederationAdmin(actor);
}

/** Every role but the federation administrator belongs to one organization. */
export function roleNeedsOrganization(role: Role): boolean {
  return role !== 'federation-admin';
}
