import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canEditOrganization, canListUsers, canManageUser, canReadAuditLog, canReadCompliance, canReadFederationCompliance, canReadOrganization, roles, type Actor,
} from './policy.js';

const orgIds = ['org-a', 'org-b', 'org-c'];
const actorArb = fc.record({
  userId: fc.uuid(),
  email: fc.emailAddress(),
  role: fc.constantFrom(...roles.filter((r) => r !== 'federation-admin')),
  organizationId: fc.constantFrom(...orgIds),
});

describe('tenancy', () => {
  it('never lets a user of one organization read, edit or manage another', () => {
    fc.assert(fc.property(actorArb, fc.constantFrom(...orgIds), (actor: Actor, other) => {
      fc.pre(other !== actor.organizationId);
      expect(canReadOrganization(actor, other)).toBe(false);
      expect(canEditOrganization(actor, other, ['nameJa'], [])).toBe(false);
      expect(canManageUser(actor, { role: 'member', organizationId: other })).toBe(false);
      expect(canListUsers(actor, other)).toBe(false);
      expect(canReadAuditLog(actor)).toBe(false);
      expect(canReadCompliance(actor, other)).toBe(false);
      expect(canReadFederationCompliance(actor)).toBe(false);
    }));
  });

  it('gives members their own record only and clerks read access to their organization', () => {
    const member: Actor = { userId: 'u', email: 'm@x', role: 'member', organizationId: 'org-a' };
    const clerk: Actor = { ...member, role: 'clerk' };
    const orgAdmin: Actor = { ...member, role: 'org-admin' };
    expect(canReadOrganization(member, 'org-a')).toBe(false);
    expect(canReadOrganization(clerk, 'org-a')).toBe(true);
    expect(canEditOrganization(clerk, 'org-a', ['nameJa'], [])).toBe(false);
    expect(canEditOrganization(orgAdmin, 'org-a', ['nameJa'], ['status'])).toBe(true);
    expect(canEditOrganization(orgAdmin, 'org-a', ['status'], ['status'])).toBe(false);
    expect(canManageUser(orgAdmin, { role: 'federation-admin', organizationId: 'org-a' })).toBe(false);
    expect(canManageUser(orgAdmin, { role: 'clerk', organizationId: 'org-a' })).toBe(true);
  });
});
