import type { Organization } from '../organizations/organization';
import type { Me } from './me';

// What the interface offers; the server decides again on every request.

export function isFederationAdmin(me: Me): boolean {
  return me.role === 'federation-admin';
}

export function canManageUsers(me: Me): boolean {
  return me.role === 'federation-admin' || me.role === 'org-admin';
}

export function canEditOrganization(me: Me, organization: Organization): boolean {
  return isFederationAdmin(me) || (me.role === 'org-admin' && me.organizationId === organization.id);
}
