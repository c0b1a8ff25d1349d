import type { Organization } from '../organizations/organization';
import type { Me } from './me';

// What the interface offers; the server decides again on every request.

export function isFederationAdmin(me: Me): boolean {
  return me.role === 'federation-admin';
}

export function canManageUsers(me: Me): boolean {
  return me.role === 'federation-admin' || me.role === 'org-admin';
}

/** The membership registry: the federation administrator sees every organization's, staff keep their own. */
export function canKeepRegistry(me: Me): boolean {
  return me.role === 'federation-admin' || ((me.role === 'org-admin' || me.role === 'clerk') && me.organizationId !== null);
}

export function canEditOrganization(me: Me, organization: Organization): boolean {
  return isFederationAdmin(me) || (me.role === 'org-admin' && me.organizationId === organization.id);
}

/** The capital ledger: kept by the organization's staff, and by the federation administrator for every organization. */
export function canKeepCapital(me: Me): boolean {
  return canKeepRegistry(me);
}

/** The capital rules come from the bylaws: only the organization's administrator (or the federation's) records them. */
export function canSetCapitalRules(me: Me, organizationId: string): boolean {
  return me.role === 'federation-admin' || (me.role === 'org-admin' && me.organizationId === organizationId);
}

/** Meetings: the organization's staff convene them, keep the record and run the room; the federation administrator too. */
export function canRunMeetings(me: Me): boolean {
  return canKeepRegistry(me);
}

/** Bylaws and bodies are the administrator's (the organization's or the federation's); clerks read them. */
export function canKeepBylaws(me: Me, organizationId: string): boolean {
  return canSetCapitalRules(me, organizationId);
}

/** The fiscal-year close: the organization's administrator (or the federation's) proposes it; clerks read it. */
export function canCloseFiscalYear(me: Me, organizationId: string): boolean {
  return canSetCapitalRules(me, organizationId);
}

/** The compliance board: the federation administrator sees the federation and every organization, staff their own. */
export function canReadCompliance(me: Me): boolean {
  return canKeepRegistry(me);
}

/** A member's own account, which votes as the person it is linked to (the server refuses an account linked to nobody). */
export function canVote(me: Me): boolean {
  return me.role === 'member';
}

/** Work records: the organization's staff enter and import them; the federation administrator too. */
export function canRecordWork(me: Me): boolean {
  return canKeepRegistry(me);
}

/** Approving work and closing a month is the coordinator's (the organization's administrator), not the clerk's who entered it. */
export function canApproveWork(me: Me, organizationId: string): boolean {
  return me.role === 'federation-admin' || (me.role === 'org-admin' && me.organizationId === organizationId);
}
