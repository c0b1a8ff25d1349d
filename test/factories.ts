import type { Actor, Role } from '../src/domain/access/policy.js';
import type { PersonFields } from '../src/domain/members/member.js';
import type { OrganizationFields } from '../src/domain/organizations/organization.js';
import { systemActor } from '../src/app/audit/record-audit.js';
import { createUser, type User } from '../src/app/accounts/users.js';
import { createOrganization } from '../src/app/organizations/write-organizations.js';
import type { OrganizationView } from '../src/app/organizations/organization-views.js';
import type { AppContext } from '../src/app/shared/context.js';

let counter = 0;
const next = (): number => ++counter;

export const testPassword = 'correct horse battery staple';

export function buildOrganizationFields(overrides: Partial<OrganizationFields> = {}): OrganizationFields {
  const n = next();
  return {
    code: `org-${n}`,
    kind: 'organization',
    parentId: null,
    nameJa: `労働者協同組合テスト${n}`,
    nameEn: `Test Workers Co-op ${n}`,
    legalForm: 'worker-cooperative',
    lawProfile: 'jp-worker-coop-2022',
    registrationDate: '2022-10-01',
    fiscalYearStartMonth: 4,
    prefectureCode: '12',
    postalCode: '2600001',
    address: '千葉市中央区',
    businessLines: ['eldercare'],
    status: 'active',
    ...overrides,
  };
}

export function buildFederationFields(overrides: Partial<OrganizationFields> = {}): OrganizationFields {
  return buildOrganizationFields({
    kind: 'federation', legalForm: 'general-incorporated-association', lawProfile: 'ica-generic', nameJa: `連合会${next()}`, businessLines: [],
    ...overrides,
  });
}

/** A person with a name and reading and nothing else: what registering a member or a worker needs at the least. */
export function buildPersonFields(overrides: Partial<PersonFields> = {}): PersonFields {
  const n = next();
  return {
    familyName: '試験', givenName: `${n}号`, familyKana: 'シケン', givenKana: 'ゴウ', birthDate: null, email: null, phone: null, postalCode: null,
    prefectureCode: null, address: null, ...overrides,
  };
}

export const createOrg = (ctx: AppContext, fields: OrganizationFields): Promise<OrganizationView> =>
  createOrganization(ctx, null, systemActor('test'), fields);

export async function createTestUser(ctx: AppContext, role: Role, organizationId: string | null, email = `user${next()}@test.example`): Promise<User> {
  return createUser(ctx, null, systemActor('test'), { email, displayName: email, password: testPassword, role, organizationId });
}

export const actorFor = (user: User): Actor => ({ userId: user.id, email: user.email, role: user.role, organizationId: user.organizationId });

/** A federation with two member organizations, A and B, and one user of every role. */
export async function buildTenants(ctx: AppContext) {
  const federation = await createOrg(ctx, buildFederationFields());
  const orgA = await createOrg(ctx, buildOrganizationFields({ parentId: federation.id, nameJa: '労働者協同組合エー' }));
  const orgB = await createOrg(ctx, buildOrganizationFields({ parentId: federation.id, nameJa: '労働者協同組合ビー' }));
  const users = {
    federationAdmin: await createTestUser(ctx, 'federation-admin', federation.id),
    orgAdminA: await createTestUser(ctx, 'org-admin', orgA.id),
    clerkA: await createTestUser(ctx, 'clerk', orgA.id),
    memberA: await createTestUser(ctx, 'member', orgA.id),
    orgAdminB: await createTestUser(ctx, 'org-admin', orgB.id),
  };
  return { federation, orgA, orgB, users };
}
